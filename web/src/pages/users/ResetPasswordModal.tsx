// 重置密码: an administrator sets a new password for a user (PATCH with the row's version).
import { App, Form, Input } from 'antd';
import { PASSWORD_POLICY_HINT } from '../../../../common/password.ts';
import type { UserItem } from '../../api/types.ts';
import { updateUser } from '../../api/users.ts';
import { passwordPolicyRule } from '../../components/formRules.ts';
import { FormModal, isStale } from '../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../i18n/index.ts';

interface Values {
  password: string;
  confirm: string;
}

const FIELDS = ['password'] as const;

interface Props {
  user: UserItem | null;
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}

export function ResetPasswordModal({ user, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit({ password }: Values) {
    if (!user) return;
    try {
      await updateUser(user.id, { version: user.version, password });
    } catch (e) {
      // A stale version: fetch the current one, so that pressing 重置 again succeeds.
      if (isStale(e)) onStale();
      throw e;
    }
    void message.success(tNodes('已重置 {user} 的密码', { user: <Data>{user.username}</Data> }));
    onSaved();
  }

  return (
    <FormModal<Values>
      form={form}
      open={user !== null}
      // Restart when another user is picked, not when the same row comes back with a new version.
      resetKey={user?.id}
      title={
        user ? tNodes('重置密码：{user}', { user: <Data>{user.username}</Data> }) : t('重置密码')
      }
      okText={t('重置')}
      submitId="reset-password-submit"
      fields={FIELDS}
      onSubmit={submit}
      onClose={onClose}
    >
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
    </FormModal>
  );
}
