// What a monthly report holds: its progress table (one row per unit below, then 合计) and, folded
// away, each community as at the month end. Used for the preview and for a submitted version.
import { Collapse, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FrozenCommunity, ReportContent } from '../../api/monthlyReports.ts';
import { formatCell, formatInteger, formatWan } from '../../components/format.ts';
import { investmentWan, scaled } from '../declarations/declarationLabels.ts';
import { Data, dataCell, t } from '../../i18n/index.ts';
import { serverText } from '../progress/withData.tsx';

type Row = { key: number; cells: (string | number)[] };

export function ProgressTableView({ table }: { table: ReportContent['table'] }) {
  const columns: TableColumnsType<Row> = table.header.map((h, i) => ({
    title: t(h),
    key: String(i),
    align: i === 0 ? 'left' : 'right',
    fixed: i === 0 ? 'start' : undefined,
    width: i === 0 ? 140 : 110,
    render: (_, r) =>
      i > 0 ? (
        formatCell(r.cells[i]!)
      ) : r.cells[0] === '合计' ? (
        t('合计')
      ) : (
        <Data>{formatCell(r.cells[0]!)}</Data>
      ),
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

const communityColumns = (): TableColumnsType<FrozenCommunity> => [
  { title: t('小区名称'), dataIndex: 'name', key: 'name', width: 160, fixed: 'start', ...dataCell },
  { title: t('区划代码'), dataIndex: 'regionCode', key: 'regionCode', width: 90 },
  {
    title: t('居民户数'),
    key: 'households',
    width: 90,
    align: 'right',
    render: (_, c) => formatInteger(c.households),
  },
  {
    title: t('进展记录月份'),
    key: 'recordPeriod',
    width: 110,
    render: (_, c) =>
      c.recordPeriod ?? <Typography.Text type="secondary">{t('未填报')}</Typography.Text>,
  },
  { title: t('开工日期'), key: 'start', width: 110, render: (_, c) => c.startDate ?? '—' },
  { title: t('完工日期'), key: 'done', width: 110, render: (_, c) => c.completionDate ?? '—' },
  {
    title: t('累计完成投资（万元）'),
    key: 'investment',
    width: 150,
    align: 'right',
    render: (_, c) => formatWan(investmentWan(c.investmentDoneYuan)),
  },
  {
    title: t('改造管线（公里）'),
    key: 'pipelines',
    width: 120,
    align: 'right',
    render: (_, c) => scaled(c.pipelinesM, 3),
  },
  {
    title: t('加装电梯（部）'),
    dataIndex: 'elevators',
    key: 'elevators',
    width: 110,
    align: 'right',
  },
  {
    title: t('养老/托育设施（个）'),
    key: 'care',
    width: 130,
    align: 'right',
    render: (_, c) => `${c.elderlyCare}/${c.childcare}`,
  },
];

export function FrozenContent({
  content,
  unitName,
}: {
  content: ReportContent;
  /** the reporting unit's name, which the table's title holds */
  unitName?: string;
}) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {serverText(content.table.title, [
          unitName,
          ...content.table.rows.map((r) => String(r[0])),
          ...content.communities.map((c) => c.name),
        ])}
      </Typography.Title>
      <ProgressTableView table={content.table} />
      <Collapse
        size="small"
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'communities',
            label: t('各小区截至 {date} 的进展（{n} 个小区）', {
              date: content.monthEnd,
              n: content.communities.length,
            }),
            children: (
              <Table<FrozenCommunity>
                className="report-communities"
                size="small"
                rowKey="id"
                columns={communityColumns()}
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
