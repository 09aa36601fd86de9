import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { configureApiClient } from './api-client.ts';

export const LANGUAGES = ['zh-CN', 'en', 'lo'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English', lo: 'ລາວ' };

const STORAGE_KEY = 'gongyou.language';

/** Same keys as the Chinese catalogue, every value a string. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export interface Bundle<T> {
  'zh-CN': T;
  en: Messages<T>;
  lo: Messages<T>;
}

/**
 * A module's catalogue. Chinese is the source; English and Lao must have exactly the
 * same keys (the compiler rejects a missing or extra key; `i18n.test.ts` checks it again
 * at run time, with the interpolation variables).
 */
export function defineBundle<T>(bundle: {
  'zh-CN': T;
  en: NoInfer<Messages<T>>;
  lo: NoInfer<Messages<T>>;
}): Bundle<T> {
  return bundle;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) {
      return stored;
    }
  } catch {
    // storage may be unavailable (private mode); use the browser's language
  }
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase();
  if (browser.startsWith('lo')) {
    return 'lo';
  }
  if (browser.startsWith('en')) {
    return 'en';
  }
  return 'zh-CN';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'zh-CN';
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; the switch still applies to this page
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export async function initI18n(bundles: Record<string, Bundle<unknown>>): Promise<void> {
  const resources: Record<string, Record<string, unknown>> = { 'zh-CN': {}, en: {}, lo: {} };
  for (const [ns, bundle] of Object.entries(bundles)) {
    for (const language of LANGUAGES) {
      const target = resources[language];
      if (target) {
        target[ns] = bundle[language];
      }
    }
  }
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: resources as Record<string, Record<string, Record<string, string>>>,
    lng,
    fallbackLng: 'zh-CN',
    ns: Object.keys(bundles),
    defaultNS: 'shared',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  configureApiClient({
    language: currentLanguage,
    networkMessage: () => i18next.t('shared:error.network'),
  });
}
