// The reviewer's inbox: the declarations of the level below, each linking to its page.
import { Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ChildDeclaration } from '../../../api/declarations.ts';
import { formatDateTime } from '../../../components/format.ts';
import { declarationPath, STATE_COLORS } from '../declarationLabels.ts';

export function ChildrenTable({ items, year }: { items: ChildDeclaration[]; year: number }) {
  const waiting = items.filter((c) => c.state === 'submitted').length;
  const columns: TableColumnsType<ChildDeclaration> = [
    {
      title: '单位',
      key: 'name',
      render: (_, c) => <Link to={declarationPath(c.code, year)}>{c.name}</Link>,
    },
    { title: '区划代码', dataIndex: 'code', key: 'code', width: 100 },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_, c) => (
        <Tag data-state={c.state} color={STATE_COLORS[c.state]}>
          {c.stateLabel}
        </Tag>
      ),
    },
    {
      title: '版本',
      key: 'version',
      width: 80,
      render: (_, c) => (c.version ? `第 ${c.version} 版` : '—'),
    },
    {
      title: '上报时间',
      key: 'submittedAt',
      width: 180,
      render: (_, c) => formatDateTime(c.submittedAt),
    },
    {
      title: '内部截止日期',
      key: 'internalDeadline',
      width: 130,
      render: (_, c) => c.internalDeadline ?? '—',
    },
    {
      title: '操作',
      key: 'open',
      width: 100,
      render: (_, c) => (
        <Link to={declarationPath(c.code, year)}>{c.state === 'submitted' ? '审核' : '查看'}</Link>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title="下级上报情况"
      extra={waiting ? <Tag color="processing">{waiting} 个待审核</Tag> : null}
    >
      <Table<ChildDeclaration>
        id="children-table"
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 760 }}
      />
    </Card>
  );
}
