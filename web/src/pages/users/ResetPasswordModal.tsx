// 重置密码: an administrator sets a new password for a user (PATCH with the row's version).
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { PASSWORD_POLICY_HINT } from '../../../../common/password.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import type { UserItem } from '../../api/types.ts';
import { updateUser } from '../../api/users.ts';
import { passwordPolicyRule } from '../../components/formRules.ts';
import { applyServerErrors } from '../../components/serverErrors.ts';
import { Data, t, tNodes } from '../../i18n/index.ts';

interface Values {
  password: string;
  confirm: string;
}

interface Props {
  user: UserItem | null;
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}

export function ResetPasswordModal({ user, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { message } = App.useApp();

  // Reset when another user is picked, not when the same row comes back with a new version.
  const userId = user?.id;
  useEffect(() => {
    if (userId === undefined) return;
    form.resetFields();
    setFailure(null);
  }, [userId, form]);

  async function submit() {
    if (!user) return;
    const { password } = await form.validateFields();
    setSaving(true);
    try {
      await updateUser(user.id, { version: user.version, password });
      void message.success(tNodes('已重置 {user} 的密码', { user: <Data>{user.username}</Data> }));
      onSaved();
    } catch (e) {
      applyServerErrors(form, e, ['password']);
      setFailure(errorMessage(e));
      // A stale version: fetch the current one, so that pressing 重置 again succeeds.
      if (e instanceof ApiError && e.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={
        user ? tNodes('重置密码：{user}', { user: <Data>{user.username}</Data> }) : t('重置密码')
      }
      open={user !== null}
      okText={t('重置')}
      cancelText={t('取消')}
      okButtonProps={{ id: 'reset-password-submit' }}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      forceRender
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical">
        <Form.Item
          label={t('新密码')}
          name="password"
          htmlFor="reset-password"
          extra={t(PASSWORD_POLICY_HINT)}
          rules={[{ required: true, message: t('请输入新密码') }, passwordPolicyRule]}
        >
          <Input.Password id="reset-password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('确认新密码')}
          name="confirm"
          htmlFor="reset-password-confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: t('请再次输入新密码') },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password id="reset-password-confirm" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
