import { describe, expect, it } from 'vitest';
import { format, negotiateLocale } from './locale.ts';

describe('locale negotiation', () => {
  it('defaults to Simplified Chinese', () => {
    expect(negotiateLocale(undefined)).toBe('zh-CN');
    expect(negotiateLocale('')).toBe('zh-CN');
    expect(negotiateLocale('fr-FR')).toBe('zh-CN');
  });

  it('honours order and weights', () => {
    expect(negotiateLocale('en-US,en;q=0.9')).toBe('en');
    expect(negotiateLocale('lo-LA')).toBe('lo');
    expect(negotiateLocale('fr;q=1, lo;q=0.8, en;q=0.5')).toBe('lo');
    expect(negotiateLocale('en;q=0.2, zh-TW;q=0.9')).toBe('zh-CN');
    expect(negotiateLocale('en;q=0')).toBe('zh-CN');
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format('{a} 和 {b}', { a: 1, b: '二' })).toBe('1 和 二');
    expect(format('{missing}')).toBe('{missing}');
  });
});
