// 项目储备: 实施一批、谋划一批、储备一批 (建办城〔2021〕28号 三(二)). What the three pools hold
// that has not started yet, beside what the remaining years' targets and the completion goal need.
import { Alert, Card, Col, Row, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FiveYearView, PoolRow } from '../../api/fiveYear.ts';
import { Chart } from './Chart.tsx';
import { poolsOption } from './chartOptions.ts';
import { num, pct } from './ProgressSection.tsx';

type Row = Omit<PoolRow, 'pool'> & { key: string };

const columns: TableColumnsType<Row> = [
  { title: '项目库', dataIndex: 'label', key: 'label' },
  { title: '项目（个）', key: 'projects', align: 'right', render: (_, r) => num(r.projects) },
  {
    title: '未开工小区（个）',
    key: 'communities',
    align: 'right',
    render: (_, r) => num(r.communities),
  },
  {
    title: '其中2000年底前建成',
    key: 'before2000',
    align: 'right',
    render: (_, r) => num(r.before2000),
  },
  {
    title: '居民户数（户）',
    key: 'households',
    align: 'right',
    render: (_, r) => num(r.households),
  },
];

export function PoolsSection({ view }: { view: FiveYearView }) {
  const p = view.pools;
  const rows: Row[] = [
    ...p.rows.map(({ pool, ...r }) => ({ key: pool, ...r })),
    { key: 'total', label: '合计', ...p.total },
  ];
  const over = p.remainingYears.length === 0;
  return (
    <Card title="项目储备与剩余任务">
      <Alert
        type={over ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          over
            ? `十四五时期（${view.period.first}—${view.period.last}年）已结束：没有剩余年度的开工目标，下面只对照完成目标的缺口。`
            : `剩余年度 ${p.remainingYears.map((y) => `${y.year}年`).join('、')}：待开工 ${num(p.toStart)} 个（各年目标减去已开工，当年计入），项目库中未开工小区可覆盖 ${pct(p.startCoveragePercent)}。`
        }
        description={
          p.completionGap === null
            ? `本地区未设十四五完成目标；项目库中2000年底前建成、尚未开工的小区 ${num(p.total.before2000)} 个。`
            : `十四五完成目标尚差 ${num(p.completionGap)} 个；项目库中2000年底前建成、尚未开工的小区 ${num(p.total.before2000)} 个，可覆盖 ${pct(p.completionCoveragePercent)}。`
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Table<Row>
            id="five-year-pools"
            rowKey="key"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={rows}
          />
          {!over && (
            <Table
              id="five-year-remaining"
              rowKey="year"
              size="small"
              bordered
              pagination={false}
              style={{ marginTop: 16 }}
              columns={[
                { title: '剩余年度', dataIndex: 'year', key: 'year' },
                { title: '目标', key: 't', align: 'right', render: (_, y) => num(y.target) },
                { title: '已开工', key: 's', align: 'right', render: (_, y) => num(y.started) },
                { title: '待开工', key: 'o', align: 'right', render: (_, y) => num(y.outstanding) },
              ]}
              dataSource={p.remainingYears}
            />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Chart
            id="five-year-pools-chart"
            label="项目储备与剩余任务"
            describedBy={over ? 'five-year-pools' : 'five-year-pools five-year-remaining'}
            option={poolsOption(view)}
            height={300}
          />
        </Col>
      </Row>
    </Card>
  );
}
