// Route guards: RequireAuth waits for /api/me and sends the signed-out to /login;
// RequireRole shows 403 to a user whose roles do not include one of those listed.
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import type { Role } from '../../../common/roles.ts';
import { hasAnyRole, useAuth, useMe } from './auth.tsx';
import { useI18n } from './i18n.tsx';
import { ChangePasswordPage } from '../pages/login/ChangePasswordPage.tsx';

export function FullPageSpin() {
  const { t } = useI18n();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, reload } = useAuth();
  const location = useLocation();
  const { t } = useI18n();

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="error"
        title={state.message}
        extra={
          <Button type="primary" onClick={() => void reload()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!state.user) {
    return (
      <Navigate to="/login" replace state={state.loggedOut ? undefined : { from: location }} />
    );
  }
  // An initial or expired password: nothing else until it is changed (the API refuses too).
  if (state.user.passwordChange) return <ChangePasswordPage reason={state.user.passwordChange} />;
  return children;
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const navigate = useNavigate();
  const { t } = useI18n();
  if (hasAnyRole(me, roles)) return children;
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenBody')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
