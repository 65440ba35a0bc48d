import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import type { UserItem } from '../../api/types.ts';
import { Data, dataCell, t, tNodes } from '../../i18n/index.ts';
import { formatDateTime } from '../../components/format.ts';

interface Actions {
  selfId: UserItem['id'];
  onEdit: (user: UserItem) => void;
  onResetPassword: (user: UserItem) => void;
  onToggleDisabled: (user: UserItem) => Promise<void>;
}

export function userColumns(a: Actions): TableColumnsType<UserItem> {
  return [
    { ...dataCell, title: t('用户名'), dataIndex: 'username', width: 140, fixed: 'left' },
    { ...dataCell, title: t('姓名'), dataIndex: 'displayName', width: 180 },
    {
      title: t('角色'),
      dataIndex: 'roles',
      render: (roles: UserItem['roles']) =>
        roles.map((r) => (
          // Long English role names wrap inside their tag rather than run over the next column.
          <Tag key={r} color="blue" style={{ whiteSpace: 'normal' }}>
            {t(ROLE_LABELS[r])}
          </Tag>
        )),
    },
    {
      ...dataCell,
      title: t('所属区划'),
      key: 'region',
      render: (_, u) => u.region.fullName || u.region.name,
    },
    {
      title: t('状态'),
      dataIndex: 'disabled',
      width: 80,
      render: (disabled: boolean) =>
        disabled ? <Tag color="default">{t('已停用')}</Tag> : <Tag color="green">{t('正常')}</Tag>,
    },
    { title: t('最近登录'), dataIndex: 'lastLoginAt', width: 170, render: formatDateTime },
    {
      title: t('操作'),
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => a.onEdit(u)}>
            {t('编辑')}
          </Button>
          <Button type="link" size="small" onClick={() => a.onResetPassword(u)}>
            {t('重置密码')}
          </Button>
          {u.id !== a.selfId && (
            <Popconfirm
              title={tNodes(u.disabled ? '启用用户 {user}？' : '停用用户 {user}？', {
                user: <Data>{u.username}</Data>,
              })}
              description={u.disabled ? undefined : t('停用后该用户将无法登录。')}
              okText={u.disabled ? t('启用') : t('停用')}
              cancelText={t('取消')}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => a.onToggleDisabled(u)}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? t('启用') : t('停用')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
