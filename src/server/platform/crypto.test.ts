import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { passwordMeetsPolicy } from './auth/password.ts';
import { createFieldCrypto } from './crypto.ts';
import { sortKey } from './sort-key.ts';

describe('field encryption', () => {
  const crypto = createFieldCrypto(randomBytes(32));

  it('round-trips, with a fresh nonce each time', () => {
    const a = crypto.encrypt('11010519491231002X');
    const b = crypto.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(crypto.decrypt(a)).toBe('11010519491231002X');
  });

  it('detects tampering and a wrong key', () => {
    const sealed = crypto.encrypt('secret');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[2] = body.toString('base64url');
    expect(() => crypto.decrypt(parts.join('.'))).toThrow();
    expect(() => createFieldCrypto(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('gives a stable keyed lookup hash that differs between keys', () => {
    expect(crypto.lookupHash('x')).toBe(crypto.lookupHash('x'));
    expect(createFieldCrypto(randomBytes(32)).lookupHash('x')).not.toBe(crypto.lookupHash('x'));
  });
});

describe('password policy', () => {
  it('needs 10 characters from two classes, without the username', () => {
    expect(passwordMeetsPolicy('gongyou-demo', 'mengla-staff')).toBe(true);
    expect(passwordMeetsPolicy('short-1', 'x')).toBe(false);
    expect(passwordMeetsPolicy('onlyletterslong', 'x')).toBe(false);
    expect(passwordMeetsPolicy('wang-password-1', 'wang')).toBe(false);
  });
});

describe('pinyin sort key', () => {
  it('orders Chinese names by pinyin', () => {
    const names = ['张三', '阿明', '李四', '王五'];
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual([
      '阿明',
      '李四',
      '王五',
      '张三',
    ]);
  });
});
