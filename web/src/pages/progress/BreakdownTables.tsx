// Below the dashboard: the units of the scope ranked by start rate, each a link to its own
// progress; or, for a unit that holds communities, its communities, each a link to its ledger page.
import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { DashboardCommunity, DashboardUnit } from '../../api/progress.ts';
import { formatInteger, formatWan } from '../../components/format.ts';
import { formatRate } from './progressFormat.ts';
import { Data, periodText, t } from '../../i18n/index.ts';

export function UnitsTable({
  units,
  linkFor,
}: {
  units: DashboardUnit[];
  linkFor: (code: string) => string;
}) {
  const columns: TableColumnsType<DashboardUnit> = [
    {
      title: t('名次'),
      key: 'rank',
      width: 64,
      render: (_v, u, i) => (u.startRateByCommunities === null ? '—' : i + 1),
    },
    {
      title: t('地区'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <Link to={linkFor(u.code)} data-unit={name} data-code={u.code}>
          <Data>{name}</Data>
        </Link>
      ),
    },
    {
      title: t('计划改造小区数'),
      dataIndex: 'planCommunities',
      align: 'right',
      render: formatInteger,
    },
    {
      title: t('计划改造户数'),
      dataIndex: 'planHouseholds',
      align: 'right',
      render: formatInteger,
    },
    {
      title: t('新开工小区数'),
      dataIndex: 'startedCommunities',
      align: 'right',
      render: formatInteger,
    },
    {
      title: t('新开工户数'),
      dataIndex: 'startedHouseholds',
      align: 'right',
      render: formatInteger,
    },
    {
      title: t('按小区数开工率'),
      dataIndex: 'startRateByCommunities',
      align: 'right',
      render: formatRate,
    },
    {
      title: t('按户数开工率'),
      dataIndex: 'startRateByHouseholds',
      align: 'right',
      render: formatRate,
    },
    {
      title: t('完工小区数'),
      dataIndex: 'completedCommunities',
      align: 'right',
      render: formatInteger,
    },
    {
      title: t('累计完成投资（万元）'),
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
  if (c.completionDate) return <Tag color="green">{t('已完工')}</Tag>;
  if (c.startDate) return <Tag color="blue">{t('已开工')}</Tag>;
  return <Tag>{t('未开工')}</Tag>;
}

export function CommunitiesTable({ communities }: { communities: DashboardCommunity[] }) {
  const columns: TableColumnsType<DashboardCommunity> = [
    {
      title: t('小区名称'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Link to={`/ledger/${c.id}`} data-community={name}>
          <Data>{name}</Data>
        </Link>
      ),
    },
    { title: t('居民户数'), dataIndex: 'households', align: 'right', render: formatInteger },
    { title: t('状态'), key: 'state', render: (_v, c) => stateOf(c) },
    { title: t('开工日期'), dataIndex: 'startDate', render: (d: string | null) => d ?? '—' },
    { title: t('完工日期'), dataIndex: 'completionDate', render: (d: string | null) => d ?? '—' },
    {
      title: t('累计完成投资（万元）'),
      dataIndex: 'investmentDone',
      align: 'right',
      render: formatWan,
    },
    { title: t('加装电梯（部）'), dataIndex: 'elevators', align: 'right' },
    {
      title: t('最近报告期'),
      dataIndex: 'period',
      render: (p: string | null) => (p ? periodText(p) : t('未报告')),
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
