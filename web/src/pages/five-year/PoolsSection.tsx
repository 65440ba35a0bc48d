// 项目储备: 实施一批、谋划一批、储备一批 (建办城〔2021〕28号 三(二)). What the three pools hold
// that has not started yet, beside what the remaining years' targets and the completion goal need.
import { Alert, Card, Col, Row, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { FiveYearView, PoolRow } from '../../api/fiveYear.ts';
import { t } from '../../i18n/index.ts';
import { Chart } from './Chart.tsx';
import { poolsOption } from './chartOptions.ts';
import { num, pct } from './ProgressSection.tsx';

type Row = Omit<PoolRow, 'pool'> & { key: string };

const columns = (): TableColumnsType<Row> => [
  { title: t('项目库'), key: 'label', render: (_, r) => t(r.label) },
  { title: t('项目（个）'), key: 'projects', align: 'right', render: (_, r) => num(r.projects) },
  {
    title: t('未开工小区（个）'),
    key: 'communities',
    align: 'right',
    render: (_, r) => num(r.communities),
  },
  {
    title: t('其中2000年底前建成'),
    key: 'before2000',
    align: 'right',
    render: (_, r) => num(r.before2000),
  },
  {
    title: t('居民户数（户）'),
    key: 'households',
    align: 'right',
    render: (_, r) => num(r.households),
  },
];

export function PoolsSection({ view }: { view: FiveYearView }) {
  const p = view.pools;
  const rows: Row[] = [
    ...p.rows.map(({ pool, ...r }) => ({ key: pool, ...r })),
    { key: 'total', label: '合计', ...p.total }, // the label goes through t() in the column
  ];
  const over = p.remainingYears.length === 0;
  return (
    <Card title={t('项目储备与剩余任务')}>
      <Alert
        type={over ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          over
            ? t(
                '十四五时期（{first}—{last}年）已结束：没有剩余年度的开工目标，下面只对照完成目标的缺口。',
                { first: view.period.first, last: view.period.last },
              )
            : t(
                '剩余年度 {years}：待开工 {n} 个（各年目标减去已开工，当年计入），项目库中未开工小区可覆盖 {pct}。',
                {
                  years: p.remainingYears.map((y) => t('{year}年', { year: y.year })).join(t('、')),
                  n: num(p.toStart),
                  pct: pct(p.startCoveragePercent),
                },
              )
        }
        description={
          p.completionGap === null
            ? t('本地区未设十四五完成目标；项目库中2000年底前建成、尚未开工的小区 {n} 个。', {
                n: num(p.total.before2000),
              })
            : t(
                '十四五完成目标尚差 {gap} 个；项目库中2000年底前建成、尚未开工的小区 {n} 个，可覆盖 {pct}。',
                {
                  gap: num(p.completionGap),
                  n: num(p.total.before2000),
                  pct: pct(p.completionCoveragePercent),
                },
              )
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
            columns={columns()}
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
                { title: t('剩余年度'), dataIndex: 'year', key: 'year' },
                { title: t('目标'), key: 't', align: 'right', render: (_, y) => num(y.target) },
                {
                  title: t('已开工'),
                  key: 's',
                  align: 'right',
                  render: (_, y) => num(y.started),
                },
                {
                  title: t('待开工'),
                  key: 'o',
                  align: 'right',
                  render: (_, y) => num(y.outstanding),
                },
              ]}
              dataSource={p.remainingYears}
            />
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Chart
            id="five-year-pools-chart"
            label={t('项目储备与剩余任务')}
            describedBy={over ? 'five-year-pools' : 'five-year-pools five-year-remaining'}
            option={poolsOption(view)}
            height={300}
          />
        </Col>
      </Row>
    </Card>
  );
}
