import { z } from 'zod';
import { isValidCreditCode, isValidMobile, isValidNationalId, normalizeNationalId } from '../identity.ts';

/**
 * Field types shared by every module's schemas. A failed check carries a message key
 * that the problem handler turns into a sentence in the caller's language.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL_OR_MARKUP = /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Plain text typed by a person: trimmed, no markup or control characters. */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !CONTROL_OR_MARKUP.test(v), { message: 'unsafe_text' });
}

/** A person's name: letters of any script, the middle dot of minority and foreign names, spaces, hyphens. */
export function personName(max = 40) {
  return z
    .string()
    .trim()
    .min(2)
    .max(max)
    .regex(/^[\p{L}\p{M}·•.\- ]+$/u, { message: 'invalid_format' });
}

/** The name of an organisation, employer or merchant: letters, digits, brackets and the dashes official names use. */
export function organisationName(max = 80) {
  return z
    .string()
    .trim()
    .min(2)
    .max(max)
    .regex(/^[\p{L}\p{M}\p{N}（）()·—–\-、&. ]+$/u, { message: 'invalid_format' });
}

export const NationalIdSchema = z
  .string()
  .transform(normalizeNationalId)
  .refine(isValidNationalId, { message: 'national_id' })
  .describe('18-character resident identity number (GB 11643), check digit verified');

export const MobileSchema = z
  .string()
  .trim()
  .refine(isValidMobile, { message: 'phone' })
  .describe('Mainland mobile number, 11 digits');

export const CreditCodeSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidCreditCode, { message: 'credit_code' })
  .describe('Unified social credit code (GB 32100), check character verified');

export const IdParamSchema = z.strictObject({ id: z.uuid() });

export const IsoDateSchema = z.iso.date().describe('YYYY-MM-DD');
