// 用户管理 (admin): the users in the admin's subtree, with create, edit, enable/disable and
// password reset. Every change sends the row's version; a stale one answers 409 and reloads.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { UserItem } from '../../api/types.ts';
import { updateUser } from '../../api/users.ts';
import { useMe } from '../../app/auth.tsx';
import { Data, t, tNodes } from '../../i18n/index.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { userColumns } from './userColumns.tsx';
import { useUserList } from './useUserList.ts';

export function UsersPage() {
  const me = useMe();
  const { message } = App.useApp();
  const list = useUserList();
  const [form, setForm] = useState<{ open: boolean; editing: UserItem | null }>({
    open: false,
    editing: null,
  });
  const [resetting, setResetting] = useState<UserItem | null>(null);

  async function toggleDisabled(user: UserItem) {
    try {
      await updateUser(user.id, { version: user.version, disabled: !user.disabled });
      void message.success(
        tNodes(user.disabled ? '已启用 {user}' : '已停用 {user}', {
          user: <Data>{user.username}</Data>,
        }),
      );
    } catch (e) {
      void message.error(errorMessage(e));
    }
    list.reload();
  }

  // After a reload the row under edit is the fresh one (new version), so the form restarts from it.
  const editing = form.editing
    ? (list.data.items.find((u) => u.id === form.editing?.id) ?? form.editing)
    : null;

  const columns = userColumns({
    selfId: me.id,
    onEdit: (user) => setForm({ open: true, editing: user }),
    onResetPassword: setResetting,
    onToggleDisabled: (user) => toggleDisabled(user),
  });

  return (
    <Card
      title={t('用户管理')}
      extra={
        <Button
          id="user-create"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setForm({ open: true, editing: null })}
        >
          {t('新建用户')}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          id="user-search"
          aria-label={t('搜索用户')}
          placeholder={t('按用户名、姓名搜索')}
          allowClear
          enterButton={t('搜索')}
          style={{ maxWidth: 420 }}
          onSearch={(q) => list.setQuery((prev) => ({ ...prev, q: q.trim(), page: 1 }))}
        />
        {list.error && <Alert type="error" showIcon title={list.error} />}
        <Table<UserItem>
          id="user-table"
          rowKey={(u) => String(u.id)}
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data.items}
          scroll={{ x: 960 }}
          pagination={{
            current: list.query.page,
            pageSize: list.query.pageSize,
            total: list.data.total,
            showSizeChanger: true,
            showTotal: (total) => t('共 {n} 个用户', { n: total }),
            onChange: (page, pageSize) => list.setQuery((prev) => ({ ...prev, page, pageSize })),
          }}
        />
      </Space>
      <UserFormModal
        open={form.open}
        editing={editing}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => {
          setForm({ open: false, editing: null });
          list.reload();
        }}
        onReload={list.reload}
      />
      <ResetPasswordModal
        user={resetting && (list.data.items.find((u) => u.id === resetting.id) ?? resetting)}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null);
          list.reload();
        }}
        onStale={list.reload}
      />
    </Card>
  );
}
