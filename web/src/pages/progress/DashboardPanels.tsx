// The live panels of a region's progress for a plan year: KPI cards, the ministry's province
// tiles, the start-rate ranking of the units below, cumulative completed investment by month and
// the outcomes to date. Shared by the home page and the progress page.
import { Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../api/progress.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { formatInteger, formatWan } from '../../components/format.ts';
import { ProvinceTileMap } from './ProvinceTileMap.tsx';
import {
  BREAKDOWN_LABELS,
  formatRate,
  investmentOption,
  outcomeItems,
  rankedCodeAt,
  rankingOption,
} from './progressFormat.ts';

export interface DashboardPanelsProps {
  data: Dashboard;
  /** The progress page of a unit below. */
  linkFor: (code: string) => string;
}

function KpiCards({ data }: { data: Dashboard }) {
  const t = data.totals;
  const cards = [
    {
      key: 'plan',
      title: '计划改造小区',
      value: formatInteger(t.planCommunities),
      suffix: '个',
      note: `${formatInteger(t.planHouseholds)} 户；${data.planBasis}`,
    },
    {
      key: 'started',
      title: '新开工小区',
      value: formatInteger(t.startedCommunities),
      suffix: '个',
      note: `${formatInteger(t.startedHouseholds)} 户`,
    },
    {
      key: 'completed',
      title: '完工小区',
      value: formatInteger(t.completedCommunities),
      suffix: '个',
    },
    {
      key: 'rateC',
      title: '开工率（按小区数）',
      value: formatRate(t.startRateByCommunities),
    },
    {
      key: 'rateH',
      title: '开工率（按户数）',
      value: formatRate(t.startRateByHouseholds),
    },
    {
      key: 'investment',
      title: '累计完成投资',
      value: formatWan(t.investmentDone),
      suffix: '万元',
    },
  ];
  return (
    <Row gutter={[16, 16]} id="progress-kpis">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
          <Card size="small" style={{ height: '100%' }} data-kpi={c.key}>
            <Statistic title={c.title} value={c.value} suffix={c.suffix} />
            {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function DashboardPanels({ data, linkFor }: DashboardPanelsProps) {
  const navigate = useNavigate();
  const when = `${data.year}年1—${data.month}月`;
  const ranked = data.units.filter((u) => u.startRateByCommunities !== null);
  const ranking =
    data.breakdown === 'community' ? null : (
      <Card
        size="small"
        title={`${BREAKDOWN_LABELS[data.breakdown]}开工率排名`}
        extra={<Typography.Text type="secondary">按小区数</Typography.Text>}
        style={{ height: '100%' }}
      >
        {ranked.length ? (
          <EChart
            id="start-rate-ranking"
            aria-label={`${BREAKDOWN_LABELS[data.breakdown]}开工率排名：${ranked
              .map((u) => `${u.name} ${formatRate(u.startRateByCommunities)}`)
              .join('，')}`}
            option={rankingOption(data.units)}
            style={{ height: Math.max(240, ranked.length * 26 + 40) }}
            onItemClick={(i) => {
              const code = rankedCodeAt(data.units, i);
              if (code) void navigate(linkFor(code));
            }}
          />
        ) : (
          <Empty description="本年度没有列入计划的小区" />
        )}
      </Card>
    );

  return (
    <Flex vertical gap="middle">
      <KpiCards data={data} />
      <Row gutter={[16, 16]}>
        {data.breakdown === 'province' && (
          <Col xs={24} xl={12}>
            <Card size="small" title={`各省级单位开工率（${when}）`} style={{ height: '100%' }}>
              <ProvinceTileMap units={data.units} linkFor={linkFor} />
            </Card>
          </Col>
        )}
        {ranking && (
          <Col xs={24} xl={12}>
            {ranking}
          </Col>
        )}
        <Col xs={24} xl={12}>
          <Card size="small" title={`累计完成投资（${when}，万元）`} style={{ height: '100%' }}>
            {data.investmentByMonth.length ? (
              <EChart
                id="investment-by-month"
                aria-label={`逐月累计完成投资：${data.investmentByMonth
                  .map((p) => `${p.month}月 ${p.investmentDone} 万元`)
                  .join('，')}`}
                option={investmentOption(data.investmentByMonth)}
                style={{ height: 280 }}
              />
            ) : (
              <Empty description="该年度尚无进展报告" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={`改造成效（截至${data.year}年${data.month}月末）`}
            style={{ height: '100%' }}
          >
            <Row gutter={[16, 16]} id="progress-outcomes">
              {outcomeItems(data.outcomes).map((o) => (
                <Col key={o.key} xs={12} md={8}>
                  <Statistic title={o.label} value={o.value} suffix={o.unit} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
