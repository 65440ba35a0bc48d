// 新建用户 / 编辑用户. Creating sets username, name, password, roles and region; editing changes
// the name and roles (PATCH with the row's version, so a stale edit answers 409).
import { App, Button, Form, Input, Select } from 'antd';
import { PASSWORD_POLICY_HINT } from '../../../../common/password.ts';
import { ROLES, ROLE_LABELS } from '../../../../common/roles.ts';
import type { Role } from '../../../../common/roles.ts';
import { DISPLAY_NAME_MAX, USERNAME_HINT, USERNAME_PATTERN } from '../../../../common/users.ts';
import type { UserItem } from '../../api/types.ts';
import { createUser, updateUser } from '../../api/users.ts';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { passwordPolicyRule } from '../../components/formRules.ts';
import { FormModal, isStale } from '../../components/FormModal.tsx';
import { Data, t, tNodes } from '../../i18n/index.ts';

interface Values {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  regionCode: string;
}

const FIELDS = ['username', 'displayName', 'password', 'roles', 'regionCode'] as const;
const roleOptions = () => ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }));

interface Props {
  open: boolean;
  /** The user to edit; none to create one. */
  editing: UserItem | null;
  onClose: () => void;
  onSaved: () => void;
  /** Reloads the list after a 409, which hands the modal the row's current version. */
  onReload: () => void;
}

export function UserFormModal({ open, editing, onClose, onSaved, onReload }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit(v: Values) {
    if (editing) {
      await updateUser(editing.id, {
        version: editing.version,
        displayName: v.displayName.trim(),
        roles: v.roles,
      });
      void message.success(tNodes('已保存用户 {user}', { user: <Data>{editing.username}</Data> }));
    } else {
      const created = await createUser({
        ...v,
        username: v.username.trim(),
        displayName: v.displayName.trim(),
      });
      void message.success(tNodes('已创建用户 {user}', { user: <Data>{created.username}</Data> }));
    }
    onSaved();
  }

  return (
    <FormModal<Values>
      form={form}
      open={open}
      // After a reload the row under edit comes back with its new version: start again from it.
      resetKey={editing ? `${editing.id}@${editing.version}` : null}
      initialValues={
        editing ? { displayName: editing.displayName, roles: editing.roles } : undefined
      }
      title={
        editing
          ? tNodes('编辑用户：{user}', { user: <Data>{editing.username}</Data> })
          : t('新建用户')
      }
      okText={editing ? t('保存') : t('创建')}
      submitId="user-form-submit"
      width={560}
      fields={FIELDS}
      failureAction={(e) =>
        isStale(e) && (
          <Button id="user-form-reload" size="small" onClick={onReload}>
            {t('重新载入')}
          </Button>
        )
      }
      formProps={{ autoComplete: 'off' }}
      onSubmit={submit}
      onClose={onClose}
    >
      {!editing && (
        <Form.Item
          label={t('用户名')}
          name="username"
          htmlFor="user-username"
          rules={[
            { required: true, whitespace: true, message: t('请输入用户名') },
            { pattern: USERNAME_PATTERN, message: t(USERNAME_HINT) },
          ]}
        >
          <Input id="user-username" autoComplete="off" maxLength={32} />
        </Form.Item>
      )}
      <Form.Item
        label={t('姓名')}
        name="displayName"
        htmlFor="user-display-name"
        rules={[{ required: true, whitespace: true, message: t('请输入姓名') }]}
      >
        <Input id="user-display-name" maxLength={DISPLAY_NAME_MAX} />
      </Form.Item>
      {!editing && (
        <Form.Item
          label={t('初始密码')}
          name="password"
          htmlFor="user-password"
          extra={t(PASSWORD_POLICY_HINT)}
          rules={[{ required: true, message: t('请输入初始密码') }, passwordPolicyRule]}
        >
          <Input.Password id="user-password" autoComplete="new-password" />
        </Form.Item>
      )}
      <Form.Item
        label={t('角色')}
        name="roles"
        htmlFor="user-roles"
        rules={[{ required: true, message: t('请选择至少一个角色') }]}
      >
        <Select
          id="user-roles"
          mode="multiple"
          options={roleOptions()}
          showSearch={{ optionFilterProp: ['label', 'value'] }}
          placeholder={t('可选择多个角色，可输入名称筛选')}
        />
      </Form.Item>
      {editing ? (
        <Form.Item label={t('所属区划')}>
          <Data>{editing.region.fullName}</Data>
        </Form.Item>
      ) : (
        <Form.Item
          label={t('所属区划')}
          name="regionCode"
          htmlFor="user-region"
          rules={[{ required: true, message: t('请选择所属区划') }]}
        >
          <RegionTreeSelect id="user-region" style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
