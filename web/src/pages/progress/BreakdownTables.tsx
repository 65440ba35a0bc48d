// Below the dashboard: the units of the scope ranked by start rate, each a link to its own
// progress; or, for a unit that holds communities, its communities, each a link to its ledger page.
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DashboardCommunity, DashboardUnit } from '../../api/progress.ts';
import { formatInteger, formatWan } from '../../components/format.ts';
import { formatRate } from './progressFormat.ts';
import { periodLabel } from '../../../../common/dates.ts';

export function UnitsTable({
  units,
  linkFor,
}: {
  units: DashboardUnit[];
  linkFor: (code: string) => string;
}) {
  const columns: TableColumnsType<DashboardUnit> = [
    {
      title: '名次',
      key: 'rank',
      width: 64,
      render: (_v, u, i) => (u.startRateByCommunities === null ? '—' : i + 1),
    },
    {
      title: '地区',
      dataIndex: 'name',
      render: (name: string, u) => (
        <Link to={linkFor(u.code)} data-unit={name} data-code={u.code}>
          {name}
        </Link>
      ),
    },
    {
      title: '计划改造小区数',
      dataIndex: 'planCommunities',
      align: 'right',
      render: formatInteger,
    },
    { title: '计划改造户数', dataIndex: 'planHouseholds', align: 'right', render: formatInteger },
    {
      title: '新开工小区数',
      dataIndex: 'startedCommunities',
      align: 'right',
      render: formatInteger,
    },
    { title: '新开工户数', dataIndex: 'startedHouseholds', align: 'right', render: formatInteger },
    {
      title: '按小区数开工率',
      dataIndex: 'startRateByCommunities',
      align: 'right',
      render: formatRate,
    },
    {
      title: '按户数开工率',
      dataIndex: 'startRateByHouseholds',
      align: 'right',
      render: formatRate,
    },
    {
      title: '完工小区数',
      dataIndex: 'completedCommunities',
      align: 'right',
      render: formatInteger,
    },
    {
      title: '累计完成投资（万元）',
      dataIndex: 'investmentDone',
      align: 'right',
      render: formatWan,
    },
  ];
  return (
    <Table<DashboardUnit>
      id="progress-units"
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={units}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}

function stateOf(c: DashboardCommunity) {
  if (c.completionDate) return <Tag color="green">已完工</Tag>;
  if (c.startDate) return <Tag color="blue">已开工</Tag>;
  return <Tag>未开工</Tag>;
}

export function CommunitiesTable({ communities }: { communities: DashboardCommunity[] }) {
  const columns: TableColumnsType<DashboardCommunity> = [
    {
      title: '小区名称',
      dataIndex: 'name',
      render: (name: string, c) => (
        <Link to={`/ledger/${c.id}`} data-community={name}>
          {name}
        </Link>
      ),
    },
    { title: '居民户数', dataIndex: 'households', align: 'right', render: formatInteger },
    { title: '状态', key: 'state', render: (_v, c) => stateOf(c) },
    { title: '开工日期', dataIndex: 'startDate', render: (d: string | null) => d ?? '—' },
    { title: '完工日期', dataIndex: 'completionDate', render: (d: string | null) => d ?? '—' },
    {
      title: '累计完成投资（万元）',
      dataIndex: 'investmentDone',
      align: 'right',
      render: formatWan,
    },
    { title: '加装电梯（部）', dataIndex: 'elevators', align: 'right' },
    {
      title: '最近报告期',
      dataIndex: 'period',
      render: (p: string | null) => (p ? periodLabel(p) : '未报告'),
    },
  ];
  return (
    <Table<DashboardCommunity>
      id="progress-communities"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={communities}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 'max-content' }}
    />
  );
}
