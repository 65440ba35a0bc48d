// Login: username and password; shows the server's own message on failure (401, 429, 400).
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Location } from 'react-router';
import { ApiError, errorMessage } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { FullPageSpin } from '../../app/guards.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { PRIMARY } from '../../app/theme.ts';
import { DemoNotice } from './DemoNotice.tsx';
import { useCountdown } from './useCountdown.ts';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { state, signIn } = useAuth();
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [retryIn, startCountdown] = useCountdown();
  const from = (location.state as { from?: Location } | null)?.from;
  const target = from && from.pathname !== '/login' ? from : '/';

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'ready' && state.user) return <Navigate to={target} replace />;

  async function onFinish(values: Credentials) {
    if (retryIn > 0) return; // Enter in a field submits even while the button is disabled.
    setSubmitting(true);
    setError(null);
    try {
      // Once the user is set, this page renders <Navigate> to where the user was going.
      await signIn(values.username.trim(), values.password);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiError && e.status === 429 && e.retryAfterSeconds) {
        startCountdown(e.retryAfterSeconds);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        padding: 16,
        background: `linear-gradient(160deg, ${PRIMARY} 0%, #0f2c55 100%)`,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t('appShort')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('appName')}
        </Typography.Paragraph>
        <DemoNotice />
        {state.status === 'ready' && state.endedBecause && !error && (
          <Alert
            id="login-session-ended"
            type="warning"
            showIcon
            title={state.endedBecause}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void onFinish(v)}
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            htmlFor="login-username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              id="login-username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            htmlFor="login-password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              id="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          {error && (
            <Alert
              id="login-error"
              type="error"
              showIcon
              title={error}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button
            id="login-submit"
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={submitting}
            disabled={retryIn > 0}
          >
            {retryIn > 0 ? t('login.retryIn', { s: retryIn }) : t('login.submit')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button
            id="login-lang-switch"
            type="link"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            icon={<TranslationOutlined />}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('layout.language')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
