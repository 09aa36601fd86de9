import { describe, expect, it } from 'vitest';
import { createSegmenter, extractAmounts, normalizeAmounts, normalizeText, parseAmount } from './text.ts';

describe('normalizeText', () => {
  it('folds full width, case and traditional characters', () => {
    expect(normalizeText('ＣＮＣ操作工（精密）')).toBe('cnc操作工(精密)');
    expect(normalizeText('數控車工 電焊工')).toBe('数控车工 电焊工');
    expect(normalizeText('  PLC   工程師 ')).toBe('plc 工程师');
  });
});

describe('amounts', () => {
  it.each([
    ['5k', 5000],
    ['5K', 5000],
    ['5千', 5000],
    ['5000元', 5000],
    ['1万', 10000],
    ['1.3万', 13000],
    ['一万一', 11000],
    ['七千', 7000],
    ['三千五', 3500],
    ['二十万', 200000],
    ['８０００', 8000],
  ])('parses %s', (input, value) => {
    expect(parseAmount(input)).toBe(value);
  });

  it('rejects words', () => {
    expect(parseAmount('左右')).toBeNull();
  });

  it('extracts every amount from free text', () => {
    expect(extractAmounts('月薪一万左右，低于1.8万不考虑，点工400以上')).toEqual([10000, 18000, 400]);
    expect(normalizeAmounts('期望5k，最好1万')).toBe('期望5000,最好10000');
  });
});

describe('segmentation', () => {
  it('keeps thesaurus words whole with the custom dictionary', () => {
    const plain = createSegmenter([]);
    const custom = createSegmenter(['cnc操作工', '数控车床操作工']);
    expect(plain.cut('cnc操作工')).not.toContain('cnc操作工');
    expect(custom.cut('cnc操作工，数控车床操作工')).toEqual(['cnc操作工', '，', '数控车床操作工']);
  });

  it('search terms drop punctuation, stopwords and single characters', () => {
    const seg = createSegmenter([]);
    const terms = seg.terms('熟悉数控车床，会对刀的');
    expect(terms).toContain('数控车床');
    expect(terms).toContain('数控');
    expect(terms).not.toContain('，');
    expect(terms).not.toContain('的');
    expect(terms).not.toContain('熟悉');
  });
});
