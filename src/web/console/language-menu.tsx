import { CheckOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../shared/i18n.ts';

/** 中文 / English / ລາວ, remembered in this browser. */
export function LanguageMenu({ dark = false }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [current],
        items: LANGUAGES.map((lang) => ({
          key: lang,
          label: LANGUAGE_NAMES[lang],
          lang,
          extra: lang === current ? <CheckOutlined /> : null,
        })),
        onClick: ({ key }) => {
          if (isLanguage(key)) {
            void changeLanguage(key);
          }
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={`${t('shared:language.label')}: ${LANGUAGE_NAMES[current]}`}
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : {}}
      >
        {LANGUAGE_NAMES[current]}
      </Button>
    </Dropdown>
  );
}
