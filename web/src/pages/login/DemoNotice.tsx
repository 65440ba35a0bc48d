// In demo mode the server injects <meta name="gaizao-demo" content="true"> into index.html, the
// demo's key accounts (server/src/demo/seed.ts) as <meta name="gaizao-demo-accounts">, and the
// accounts of the province's other declaring units (server/src/demo/unit-accounts.ts) as
// <meta name="gaizao-demo-unit-accounts"> ("login:display name,…"), listed folded.
import { Alert, Collapse, Typography } from 'antd';
import { useI18n } from '../../app/i18n.tsx';

export const DEMO_PASSWORD = 'gaizao-demo';

const metaList = (name: string): string[] => {
  const list = document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
  return list ? list.split(',').filter(Boolean) : [];
};

/** The demo's key account names, as the server seeded them. */
export function demoAccounts(): string[] {
  return metaList('gaizao-demo-accounts');
}

/** The demo's unit accounts: login name and the unit's department. */
export function demoUnitAccounts(): { username: string; displayName: string }[] {
  return metaList('gaizao-demo-unit-accounts').map((entry) => {
    const [username = '', displayName = ''] = entry.split(':');
    return { username, displayName };
  });
}

export function isDemo(): boolean {
  return document.querySelector('meta[name="gaizao-demo"]')?.getAttribute('content') === 'true';
}

function UnitAccounts() {
  const { t } = useI18n();
  const units = demoUnitAccounts();
  if (!units.length) return null;
  return (
    <div id="demo-unit-accounts">
      <Collapse
        size="small"
        ghost
        items={[
          {
            key: 'units',
            label: t('login.demoUnits', { n: String(units.length) }),
            children: (
              <ul style={{ columns: 2, margin: 0, paddingLeft: 16 }}>
                {units.map((u) => (
                  <li key={u.username} data-username={u.username}>
                    <Typography.Text code copyable={{ text: u.username }}>
                      {u.username}
                    </Typography.Text>{' '}
                    <span translate="no">{u.displayName}</span>
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
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
          <UnitAccounts />
        </>
      }
    />
  );
}
