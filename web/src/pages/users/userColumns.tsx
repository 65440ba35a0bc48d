import { Button, Popconfirm, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import type { UserItem } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';

interface Actions {
  selfId: UserItem['id'];
  onEdit: (user: UserItem) => void;
  onResetPassword: (user: UserItem) => void;
  onToggleDisabled: (user: UserItem) => Promise<void>;
}

export function userColumns(a: Actions): TableColumnsType<UserItem> {
  return [
    { title: '用户名', dataIndex: 'username', width: 140, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 180 },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: UserItem['roles']) =>
        roles.map((r) => (
          <Tag key={r} color="blue">
            {ROLE_LABELS[r]}
          </Tag>
        )),
    },
    { title: '所属区划', key: 'region', render: (_, u) => u.region.fullName || u.region.name },
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 80,
      render: (disabled: boolean) =>
        disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>,
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: formatDateTime },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => a.onEdit(u)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => a.onResetPassword(u)}>
            重置密码
          </Button>
          {u.id !== a.selfId && (
            <Popconfirm
              title={u.disabled ? `启用用户 ${u.username}？` : `停用用户 ${u.username}？`}
              description={u.disabled ? undefined : '停用后该用户将无法登录。'}
              okText={u.disabled ? '启用' : '停用'}
              okButtonProps={{ danger: !u.disabled }}
              onConfirm={() => a.onToggleDisabled(u)}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
