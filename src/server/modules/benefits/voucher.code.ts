/**
 * The rotating redemption code, pure given a keyed hash: the voucher number followed by a
 * six-digit one-time code derived from HMAC(voucher id, 30-second window). The current and
 * the previous window are accepted, so a screenshot stops working within a minute.
 */
export const CODE_WINDOW_MS = 30_000;
const OTP_DIGITS = 6;

export type KeyedHash = (text: string) => string;

export function windowOf(instant: Date): number {
  return Math.floor(instant.getTime() / CODE_WINDOW_MS);
}

export function oneTimeCode(hash: KeyedHash, voucherId: string, window: number): string {
  const mac = Buffer.from(hash(`gongyou voucher code|${voucherId}|${window}`), 'base64url');
  return String(mac.readUIntBE(0, 6) % 10 ** OTP_DIGITS).padStart(OTP_DIGITS, '0');
}

export function formatVoucherNo(no: number): string {
  return String(no).padStart(8, '0');
}

export interface RotatingCode {
  code: string;
  /** What the member's QR code encodes. */
  qrPayload: string;
  window: number;
  /** When a new code is shown. */
  refreshAt: Date;
  /** When this code stops being accepted. */
  expiresAt: Date;
}

export function currentCode(hash: KeyedHash, voucher: { id: string; no: number }, now: Date): RotatingCode {
  const window = windowOf(now);
  const code = `${formatVoucherNo(voucher.no)}${oneTimeCode(hash, voucher.id, window)}`;
  return {
    code,
    qrPayload: `GYV1:${code}`,
    window,
    refreshAt: new Date((window + 1) * CODE_WINDOW_MS),
    expiresAt: new Date((window + 2) * CODE_WINDOW_MS),
  };
}

/** Splits a typed or scanned code into voucher number and one-time code; null if malformed. */
export function parseCode(input: string): { no: number; otp: string } | null {
  const digits = input
    .trim()
    .replace(/^GYV1:/i, '')
    .replace(/[\s-]/g, '');
  if (!/^\d{7,20}$/.test(digits)) {
    return null;
  }
  const no = Number(digits.slice(0, -OTP_DIGITS));
  if (!Number.isSafeInteger(no) || no < 1) {
    return null;
  }
  return { no, otp: digits.slice(-OTP_DIGITS) };
}

export function codeIsFresh(hash: KeyedHash, voucherId: string, otp: string, now: Date): boolean {
  const window = windowOf(now);
  return oneTimeCode(hash, voucherId, window) === otp || oneTimeCode(hash, voucherId, window - 1) === otp;
}
