import type { FormRule } from 'antd';
import i18next from 'i18next';
// The same pure checks the server's schemas use, so the form rejects exactly what the API would.
import { isValidMobile, isValidNationalId } from '../../server/platform/identity.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: mirrors the server's plainText() check
const CONTROL_OR_MARKUP = /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Mirrors the server's `plainText(max, min)`: trimmed length in range, no markup or control characters. */
export function plainTextRules(options: { max: number; min?: number; required?: boolean }): FormRule[] {
  const min = options.min ?? 1;
  return [
    ...(options.required
      ? [{ required: true, whitespace: true, message: i18next.t('shared:validation.required') }]
      : []),
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value !== 'string' || value.trim() === '') {
          return;
        }
        const text = value.trim();
        if ([...text].length < min) {
          throw new Error(i18next.t('shared:validation.tooShort', { min }));
        }
        if ([...text].length > options.max) {
          throw new Error(i18next.t('shared:validation.tooLong', { max: options.max }));
        }
        if (CONTROL_OR_MARKUP.test(text)) {
          throw new Error(i18next.t('shared:validation.unsafe'));
        }
      },
    },
  ];
}

export function mobileRules(required: boolean): FormRule[] {
  return [
    ...(required ? [{ required: true, message: i18next.t('shared:validation.required') }] : []),
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value === 'string' && value.trim() !== '' && !isValidMobile(value.trim())) {
          throw new Error(i18next.t('shared:validation.phone'));
        }
      },
    },
  ];
}

export function nationalIdRules(): FormRule[] {
  return [
    { required: true, message: i18next.t('shared:validation.required') },
    {
      validator: async (_rule, value: unknown) => {
        if (typeof value === 'string' && value.trim() !== '' && !isValidNationalId(value)) {
          throw new Error(i18next.t('shared:validation.nationalId'));
        }
      },
    },
  ];
}

export function tagRules(maxTags: number, maxLength: number): FormRule[] {
  return [
    {
      validator: async (_rule, value: unknown) => {
        if (!Array.isArray(value)) {
          return;
        }
        const bad =
          value.length > maxTags ||
          value.some(
            (tag) =>
              typeof tag !== 'string' || [...tag.trim()].length > maxLength || CONTROL_OR_MARKUP.test(tag),
          );
        if (bad) {
          throw new Error(i18next.t('shared:validation.tags', { max: maxTags, length: maxLength }));
        }
      },
    },
  ];
}

export function requiredRule(): FormRule {
  return { required: true, message: i18next.t('shared:validation.required') };
}
