// App-wide providers: i18n, antd ConfigProvider (zh_CN by default, en_US on the English switch)
// and antd App, which gives message/modal/notification the theme and locale; dayjs in the same
// language for the date pickers.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from './i18n.tsx';
import { theme } from './theme.ts';

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  // The date pickers' month and weekday names come from dayjs (components/DateFields.tsx).
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    // No space between two-character Chinese button labels (确定, not 确 定): the text then
    // matches what tests and screen readers look for.
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <LocalizedAntd>{children}</LocalizedAntd>
    </I18nProvider>
  );
}
