/**
 * Checks for the identifiers Chinese records carry. Pure functions.
 * GB 11643-1999: citizen identity number, 17 digits and an ISO 7064 MOD 11-2 check character.
 * GB 32100-2015: unified social credit code, 18 characters with a MOD 31 check character.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function nationalIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  }
  return ID_CHECK[sum % 11] ?? '';
}

export function normalizeNationalId(value: string): string {
  return value.trim().toUpperCase();
}

export function isValidNationalId(value: string): boolean {
  const id = normalizeNationalId(value);
  if (!/^\d{17}[\dX]$/.test(id)) {
    return false;
  }
  if (!birthDateFromNationalId(id)) {
    return false;
  }
  return nationalIdCheckChar(id.slice(0, 17)) === id[17];
}

/** `YYYY-MM-DD`, or null when the embedded date is not a real day. */
export function birthDateFromNationalId(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || y > 2100) {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The 17th digit is odd for men and even for women. */
export function genderFromNationalId(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CHARS.indexOf(first17[i] ?? '') * (CREDIT_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31] ?? '';
}

export function isValidCreditCode(value: string): boolean {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) {
    return false;
  }
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) {
    return '*'.repeat(phone.length);
  }
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

export function maskNationalId(id: string): string {
  if (id.length < 8) {
    return '*'.repeat(id.length);
  }
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
