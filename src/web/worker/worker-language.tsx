import { ActionSheet } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../shared/i18n.ts';

/** A compact 中文 / English / ລາວ switch for the worker app's headers. */
export function WorkerLanguageSwitch({ tone }: { tone: 'light' | 'dark' }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const current = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <>
      <button
        type="button"
        className={`gy-w-lang gy-w-lang-${tone}`}
        aria-label={`${t('shared:language.label')}: ${LANGUAGE_NAMES[current]}`}
        onClick={() => setOpen(true)}
      >
        {LANGUAGE_NAMES[current]} ▾
      </button>
      <ActionSheet
        visible={open}
        onClose={() => setOpen(false)}
        cancelText={t('shared:action.cancel')}
        actions={LANGUAGES.map((lang) => ({
          key: lang,
          text: <span lang={lang}>{LANGUAGE_NAMES[lang]}</span>,
          bold: lang === current,
          onClick: () => {
            setOpen(false);
            void changeLanguage(lang);
          },
        }))}
      />
    </>
  );
}
