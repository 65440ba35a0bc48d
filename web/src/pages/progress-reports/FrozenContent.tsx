// What a monthly report holds: its progress table (one row per unit below, then 合计) and, folded
// away, each community as at the month end. Used for the preview and for a submitted version.
import { Collapse, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FrozenCommunity, ReportContent } from '../../api/monthlyReports.ts';
import { formatCell, formatInteger, formatWan } from '../../components/format.ts';
import { investmentWan, scaled } from '../declarations/declarationLabels.ts';

type Row = { key: number; cells: (string | number)[] };

export function ProgressTableView({ table }: { table: ReportContent['table'] }) {
  const columns: TableColumnsType<Row> = table.header.map((h, i) => ({
    title: h,
    key: String(i),
    align: i === 0 ? 'left' : 'right',
    fixed: i === 0 ? 'start' : undefined,
    width: i === 0 ? 140 : 110,
    render: (_, r) => {
      return formatCell(r.cells[i]!);
    },
  }));
  return (
    <Table<Row>
      className="report-progress-table"
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={table.rows.map((cells, key) => ({ key, cells }))}
      pagination={false}
      scroll={{ x: 140 + 110 * (table.header.length - 1) }}
      rowClassName={(r) => (r.cells[0] === '合计' ? 'report-total-row' : '')}
    />
  );
}

const communityColumns: TableColumnsType<FrozenCommunity> = [
  { title: '小区名称', dataIndex: 'name', key: 'name', width: 160, fixed: 'start' },
  { title: '区划代码', dataIndex: 'regionCode', key: 'regionCode', width: 90 },
  {
    title: '居民户数',
    key: 'households',
    width: 90,
    align: 'right',
    render: (_, c) => formatInteger(c.households),
  },
  {
    title: '进展记录月份',
    key: 'recordPeriod',
    width: 110,
    render: (_, c) => c.recordPeriod ?? <Typography.Text type="secondary">未填报</Typography.Text>,
  },
  { title: '开工日期', key: 'start', width: 110, render: (_, c) => c.startDate ?? '—' },
  { title: '完工日期', key: 'done', width: 110, render: (_, c) => c.completionDate ?? '—' },
  {
    title: '累计完成投资（万元）',
    key: 'investment',
    width: 150,
    align: 'right',
    render: (_, c) => formatWan(investmentWan(c.investmentDoneYuan)),
  },
  {
    title: '改造管线（公里）',
    key: 'pipelines',
    width: 120,
    align: 'right',
    render: (_, c) => scaled(c.pipelinesM, 3),
  },
  { title: '加装电梯（部）', dataIndex: 'elevators', key: 'elevators', width: 110, align: 'right' },
  {
    title: '养老/托育设施（个）',
    key: 'care',
    width: 130,
    align: 'right',
    render: (_, c) => `${c.elderlyCare}/${c.childcare}`,
  },
];

export function FrozenContent({ content }: { content: ReportContent }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {content.table.title}
      </Typography.Title>
      <ProgressTableView table={content.table} />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'communities',
            label: `各小区截至 ${content.monthEnd} 的进展（${content.communities.length} 个小区）`,
            children: (
              <Table<FrozenCommunity>
                className="report-communities"
                size="small"
                rowKey="id"
                columns={communityColumns}
                dataSource={content.communities}
                pagination={content.communities.length > 20 ? { pageSize: 20 } : false}
                scroll={{ x: 1180 }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
