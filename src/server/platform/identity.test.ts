import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthDateFromNationalId,
  creditCodeCheckChar,
  genderFromNationalId,
  isValidCreditCode,
  isValidMobile,
  isValidNationalId,
  maskNationalId,
  maskPhone,
  nationalIdCheckChar,
} from './identity.ts';

describe('national ID (GB 11643)', () => {
  it('accepts the standard example and computes its check digit', () => {
    // The worked example of GB 11643-1999, appendix.
    expect(nationalIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidNationalId('11010519491231002X')).toBe(true);
    expect(isValidNationalId('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check digit, a bad date, and wrong lengths or characters', () => {
    expect(isValidNationalId('110105194912310021')).toBe(false);
    expect(isValidNationalId('110105194902300028')).toBe(false);
    expect(isValidNationalId('11010519491231002')).toBe(false);
    expect(isValidNationalId('1101051949123100A2')).toBe(false);
    expect(isValidNationalId("' OR 1=1 --")).toBe(false);
  });

  it('accepts exactly one check character for any 17-digit body with a real date', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{6}$/),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        (region, date, seq) => {
          const body = `${region}${date.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`;
          const valid = '0123456789X'.split('').filter((c) => isValidNationalId(`${body}${c}`));
          expect(valid).toEqual([nationalIdCheckChar(body)]);
        },
      ),
    );
  });

  it('reads the birth date and gender', () => {
    expect(birthDateFromNationalId('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromNationalId('11010519491231002X')).toBe('female');
    expect(genderFromNationalId('110105194912310010')).toBe('male');
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('validates the check character', () => {
    const body = '91330206MA2AGH3K0';
    const code = `${body}${creditCodeCheckChar(body)}`;
    expect(isValidCreditCode(code)).toBe(true);
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(isValidCreditCode(wrong)).toBe(false);
    expect(isValidCreditCode('91330206MA2AGH3K0I')).toBe(false);
  });
});

describe('masking', () => {
  it('masks phones as 138****5678 and IDs keeping 3 + 4 characters', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskNationalId('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('123')).toBe('***');
  });

  it('never reveals the hidden middle', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
      }),
    );
  });

  it('knows a mainland mobile number', () => {
    expect(isValidMobile('13812345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
});
