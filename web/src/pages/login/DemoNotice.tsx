// In demo mode the server injects <meta name="gaizao-demo" content="true"> into index.html, and
// the demo's accounts (server/src/demo/seed.ts) as <meta name="gaizao-demo-accounts">.
import { Alert, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

export const DEMO_PASSWORD = 'gaizao-demo';

/** The demo's account names, as the server seeded them. */
export function demoAccounts(): string[] {
  const list = document.querySelector('meta[name="gaizao-demo-accounts"]')?.getAttribute('content');
  return list ? list.split(',').filter(Boolean) : [];
}

export function isDemo(): boolean {
  return document.querySelector('meta[name="gaizao-demo"]')?.getAttribute('content') === 'true';
}

export function DemoNotice() {
  const { t } = useI18n();
  if (!isDemo()) return null;
  return (
    <Alert
      id="demo-notice"
      type="info"
      showIcon
      style={{ marginBottom: 24 }}
      title={t('login.demoTitle')}
      description={
        <>
          {t('login.demoBody')}{' '}
          {demoAccounts().map((name, i) => (
            <span key={name}>
              {i > 0 && ' / '}
              <Typography.Text code copyable={{ text: name }}>
                {name}
              </Typography.Text>
            </span>
          ))}
          <br />
          {t('login.demoPassword')}{' '}
          <Typography.Text code copyable>
            {DEMO_PASSWORD}
          </Typography.Text>
        </>
      }
    />
  );
}
