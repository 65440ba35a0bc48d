// In demo mode the server injects <meta name="gaizao-demo" content="true"> into index.html.
import { Alert, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

export const DEMO_ACCOUNTS = ['admin', 'ministry', 'province', 'city', 'county'] as const;
export const DEMO_PASSWORD = 'gaizao-demo';

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
          {DEMO_ACCOUNTS.map((name, i) => (
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
