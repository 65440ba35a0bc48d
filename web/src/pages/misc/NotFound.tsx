import { Button, Result } from 'antd';
import { useNavigate, useRouteError } from 'react-router';
import { useI18n } from '../../app/i18n.tsx';
import { t } from '../../i18n/index.ts';

export function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}

/** Shown when rendering a route throws (a failed chunk load after a deploy, for instance). */
export function RouteError() {
  const error = useRouteError();
  const text = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('页面出错')}
      subTitle={text}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('刷新页面')}
        </Button>
      }
    />
  );
}
