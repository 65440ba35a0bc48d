// 修改密码 before anything else: shown instead of the app while the user's password is an
// initial one (set by an administrator) or past its age; the API refuses other work meanwhile.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { PASSWORD_POLICY_HINT } from '../../../../common/password.ts';
import { changePassword } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { passwordPolicyRule } from '../../components/formRules.ts';
import { applyServerErrors } from '../../components/serverErrors.ts';
import { t } from '../../i18n/index.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordPage({ reason }: { reason: NonNullable<Me['passwordChange']> }) {
  const { reload, signOut } = useAuth();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(values: Values) {
    setSaving(true);
    setFailure(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      await reload();
    } catch (e) {
      applyServerErrors(form, e, ['currentPassword', 'newPassword']);
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '80vh', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 460 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('修改密码')}
        </Typography.Title>
        <Alert
          id="password-change-reason"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            reason === 'PASSWORD_INITIAL'
              ? t('这是管理员设置的初始密码，请先修改密码再使用系统。')
              : t('密码已超过规定的使用期限，请先修改密码再使用系统。')
          }
        />
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            label={t('当前密码')}
            name="currentPassword"
            htmlFor="change-current"
            rules={[{ required: true, message: t('请输入当前密码') }]}
          >
            <Input.Password id="change-current" autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t('新密码')}
            name="newPassword"
            htmlFor="change-new"
            extra={t(PASSWORD_POLICY_HINT)}
            rules={[{ required: true, message: t('请输入新密码') }, passwordPolicyRule]}
          >
            <Input.Password id="change-new" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t('确认新密码')}
            name="confirm"
            htmlFor="change-confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('请再次输入新密码') },
              ({ getFieldValue }) => ({
                validator: (_r, v: string | undefined) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('两次输入的密码不一致'))),
              }),
            ]}
          >
            <Input.Password id="change-confirm" autoComplete="new-password" />
          </Form.Item>
          <Button id="change-submit" type="primary" htmlType="submit" block loading={saving}>
            {t('修改密码')}
          </Button>
          <Button type="link" block style={{ marginTop: 8 }} onClick={() => void signOut()}>
            {t('退出登录')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
