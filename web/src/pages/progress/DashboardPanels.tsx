// The live panels of a region's progress for a plan year: KPI cards, the ministry's province
// tiles, the start-rate ranking of the units below, cumulative completed investment by month and
// the outcomes to date. Shared by the home page and the progress page.
import { Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../api/progress.ts';
import { EChart } from '../../components/charts/EChart.tsx';
import { formatInteger, formatWan } from '../../components/format.ts';
import { ProvinceTileMap } from './ProvinceTileMap.tsx';
import { currentLang, Data, t } from '../../i18n/index.ts';
import { HiddenText } from './withData.tsx';
import {
  formatRate,
  investmentOption,
  monthEndText,
  monthText,
  outcomeItems,
  RANKING_TITLES,
  rankedCodeAt,
  rankingOption,
  spanText,
} from './progressFormat.ts';

export interface DashboardPanelsProps {
  data: Dashboard;
  /** The progress page of a unit below. */
  linkFor: (code: string) => string;
}

function KpiCards({ data }: { data: Dashboard }) {
  const n = data.totals;
  const cards = [
    {
      key: 'plan',
      title: t('计划改造小区'),
      value: formatInteger(n.planCommunities),
      suffix: t('个'),
      note: `${t('{n} 户', { n: formatInteger(n.planHouseholds) })}${t('；')}${t(data.planBasis)}`,
    },
    {
      key: 'started',
      title: t('新开工小区'),
      value: formatInteger(n.startedCommunities),
      suffix: t('个'),
      note: t('{n} 户', { n: formatInteger(n.startedHouseholds) }),
    },
    {
      key: 'completed',
      title: t('完工小区'),
      value: formatInteger(n.completedCommunities),
      suffix: t('个'),
    },
    {
      key: 'rateC',
      title: t('开工率（按小区数）'),
      value: formatRate(n.startRateByCommunities),
    },
    {
      key: 'rateH',
      title: t('开工率（按户数）'),
      value: formatRate(n.startRateByHouseholds),
    },
    {
      key: 'investment',
      title: t('累计完成投资'),
      value: formatWan(n.investmentDone),
      suffix: t('万元'),
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
  const zh = currentLang() === 'zh';
  const when = spanText(data.year, data.month);
  const ranked = data.units.filter((u) => u.startRateByCommunities !== null);
  const ranking =
    data.breakdown === 'community' ? null : (
      <Card
        size="small"
        title={t(RANKING_TITLES[data.breakdown])}
        extra={<Typography.Text type="secondary">{t('按小区数')}</Typography.Text>}
        style={{ height: '100%' }}
      >
        {ranked.length ? (
          <>
            {!zh && (
              <HiddenText id="start-rate-ranking-name">
                {t(RANKING_TITLES[data.breakdown])}
                {t('：')}
                {ranked.map((u, i) => (
                  <span key={u.code}>
                    {i > 0 && t('，')}
                    <Data>{u.name}</Data> {formatRate(u.startRateByCommunities)}
                  </span>
                ))}
              </HiddenText>
            )}
            <EChart
              id="start-rate-ranking"
              // The units' names are data: in English the chart is named by the marked text below.
              {...(zh
                ? {
                    'aria-label': `${t(RANKING_TITLES[data.breakdown])}：${ranked
                      .map((u) => `${u.name} ${formatRate(u.startRateByCommunities)}`)
                      .join('，')}`,
                  }
                : { 'aria-labelledby': 'start-rate-ranking-name' })}
              option={rankingOption(data.units)}
              style={{ height: Math.max(240, ranked.length * 26 + 40) }}
              onItemClick={(i) => {
                const code = rankedCodeAt(data.units, i);
                if (code) void navigate(linkFor(code));
              }}
            />
          </>
        ) : (
          <Empty description={t('本年度没有列入计划的小区')} />
        )}
      </Card>
    );

  return (
    <Flex vertical gap="middle">
      <KpiCards data={data} />
      <Row gutter={[16, 16]}>
        {data.breakdown === 'province' && (
          <Col xs={24} xl={12}>
            <Card
              size="small"
              title={t('各省级单位开工率（{when}）', { when })}
              style={{ height: '100%' }}
            >
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
          <Card
            size="small"
            title={t('累计完成投资（{when}，万元）', { when })}
            style={{ height: '100%' }}
          >
            {data.investmentByMonth.length ? (
              <EChart
                id="investment-by-month"
                aria-label={`${t('逐月累计完成投资')}${t('：')}${data.investmentByMonth
                  .map(
                    (p) =>
                      `${monthText(p.month)} ${t('{amount} 万元', { amount: p.investmentDone })}`,
                  )
                  .join(t('，'))}`}
                option={investmentOption(data.investmentByMonth)}
                style={{ height: 280 }}
              />
            ) : (
              <Empty description={t('该年度尚无进展报告')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('改造成效（截至{when}）', { when: monthEndText(data.year, data.month) })}
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
