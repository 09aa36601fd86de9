import { App, ConfigProvider, theme } from 'antd';
import * as enUSModule from 'antd/es/locale/en_US.js';
import * as zhCNModule from 'antd/es/locale/zh_CN.js';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleDefault } from './module-default.ts';

// antd has no Lao locale: Lao screens use English component texts (our own strings are in Lao).
const zhCN = moduleDefault(zhCNModule);
const enUS = moduleDefault(enUSModule);

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans Lao', 'Phetsarath OT', 'Helvetica Neue', Arial, sans-serif";

/** antd locale and theme that follow the UI language, plus the App context for message/modal. */
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? zhCN : enUS;
  return (
    <ConfigProvider
      locale={locale}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: '#1d5bd8',
          // antd derives a lighter hover (#437ee6, 3.9:1 under white text); keep hover and press dark enough
          colorPrimaryHover: '#1a4fbf',
          colorPrimaryActive: '#153f99',
          colorInfo: '#1d5bd8',
          colorLink: '#1d5bd8',
          // the default error red (#ff4d4f) is 3.3:1 on white; form messages need 4.5:1
          colorError: '#cf1322',
          // antd's default secondary greys (45% black) miss WCAG AA 4.5:1 on white
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextDescription: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          fontFamily: FONT,
          borderRadius: 6,
        },
        components: { Layout: { headerBg: '#ffffff', siderBg: '#0f2340' }, Menu: { darkItemBg: '#0f2340' } },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
