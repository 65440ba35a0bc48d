// /progress/reports — 月报 (issue 5): a unit submits its month upward as a frozen snapshot as at
// month end, by a day of the following month its province sets; the level above sees who has and
// has not reported, and chases the overdue. Query: ?unit=&year=&period= (default: my unit, the
// last complete month, that month's year as plan year).
import { Alert, Button, Card, Flex, Select, Spin, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { getRegion } from '../../api/regions.ts';
import type { RegionDetail } from '../../api/types.ts';
import { invalidate, useResource } from '../../api/useResource.ts';
import { hasAnyRole, useMe } from '../../app/auth.tsx';
import { CompletenessPanel } from './CompletenessPanel.tsx';
import { DueDayCard } from './DueDayCard.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { Data, periodText, t } from '../../i18n/index.ts';
import {
  defaultPeriod,
  isPeriod,
  planYearText,
  recentPeriods,
  reportsPath,
} from './reportLabels.ts';
import { SubmitCard } from './SubmitCard.tsx';

const PERIODS = 24;

export function ReportsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('period');
  const period = isPeriod(periodParam) ? periodParam : defaultPeriod();
  const yearParam = Number(params.get('year'));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : Number(period.slice(0, 4));
  const unit = params.get('unit') ?? me.region.code;
  const own = unit === me.region.code;

  const loaded = useResource(['regions', unit], (signal) => getRegion(unit, signal));
  const region: RegionDetail | { error: string } | null = loaded.error
    ? { error: loaded.error.message }
    : (loaded.data ?? null);

  const go = (next: { year?: number; period?: string }) =>
    setParams(
      new URLSearchParams(
        reportsPath({
          unit: own ? undefined : unit,
          year: next.year ?? year,
          period: next.period ?? period,
        }).split('?')[1],
      ),
    );

  const periods = recentPeriods(PERIODS);
  if (!periods.includes(period)) periods.push(period);
  const thisYear = Number(periods[0]!.slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  if (!years.includes(year)) years.push(year);

  const level = region && 'level' in region ? region.level : null;
  const reports = level !== null && level !== 'country';
  const hasBelow = region && 'children' in region && region.children.length > 0;
  const setsDueDay = own && me.region.level === 'province' && hasAnyRole(me, ['province']);

  return (
    <Flex
      id="reports-page"
      vertical
      gap={16}
      data-unit={unit}
      data-year={year}
      data-period={period}
    >
      <Card size="small">
        <Flex gap={16} align="center" wrap justify="space-between">
          <Flex vertical gap={2}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('月报上报与报送情况')}
              {region && 'name' in region && (
                <Typography.Text type="secondary" style={{ fontSize: 16, marginInlineStart: 12 }}>
                  <Data>{region.name}</Data>
                </Typography.Text>
              )}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('每月按月末情况上报本单位月报（冻结为附校验码的版本），上级查看下级报送情况。')}
            </Typography.Text>
          </Flex>
          <Flex gap={8} align="center" wrap>
            <span>{t('计划年度')}</span>
            <Select
              id="reports-year"
              aria-label={t('计划年度')}
              style={{ width: 110 }}
              value={year}
              options={years.map((y) => ({ value: y, label: planYearText(y) }))}
              onChange={(y) => go({ year: y })}
            />
            <span>{t('报告期')}</span>
            <Select
              id="reports-period"
              aria-label={t('报告期')}
              style={{ width: 130 }}
              value={period}
              options={periods.map((p) => ({ value: p, label: periodText(p) }))}
              onChange={(p) => go({ period: p })}
            />
            {!own && (
              <Button
                onClick={() => setParams(new URLSearchParams({ year: String(year), period }))}
              >
                {t('返回本单位')}
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>

      {!region && <Spin style={{ display: 'block', margin: 48 }} />}
      {region && 'error' in region && <Alert type="warning" showIcon title={t(region.error)} />}
      {region && 'level' in region && (
        <>
          {setsDueDay && (
            <DueDayCard
              province={me.region.code}
              onChanged={() => void invalidate(['monthly-reports'])}
            />
          )}
          {reports && (
            <SubmitCard
              unit={unit}
              year={year}
              period={period}
              onSubmitted={() => void invalidate(['monthly-reports', unit])}
            />
          )}
          {hasBelow && (
            <CompletenessPanel
              key={`${unit}/${year}/${period}`}
              unit={unit}
              year={year}
              period={period}
              title={t('下级单位{period}月报报送情况', { period: periodText(period) })}
            />
          )}
          {reports && <HistoryCard unit={unit} year={year} />}
        </>
      )}
    </Flex>
  );
}
