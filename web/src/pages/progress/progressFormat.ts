// Formats and chart options of the progress pages. Exact decimals stay strings until a chart needs
// a number to draw; the labels show the server's text.
import type { ChartOption } from '../../components/charts/EChart.tsx';
import type { Dashboard, DashboardUnit, Outcomes } from '../../api/progress.ts';
import { formatDecimal, formatInteger } from '../../components/format.ts';
import { currentLang, t } from '../../i18n/index.ts';

const shortMonth = (m: number) =>
  new Date(Date.UTC(2000, m - 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });

/** 2026 → '2026年' / '2026'. */
export const yearText = (y: number): string => (currentLang() === 'zh' ? `${y}年` : String(y));

/** 9 → '9月' / 'Sep'. */
export const monthText = (m: number): string => (currentLang() === 'zh' ? `${m}月` : shortMonth(m));

/** The months of a plan year to date: '2026年1—9月' / 'Jan–Sep 2026'. */
export const spanText = (year: number, month: number): string =>
  currentLang() === 'zh'
    ? `${year}年1—${month}月`
    : `${month === 1 ? '' : 'Jan–'}${shortMonth(month)} ${year}`;

/** A month's end: '2026年9月末' / 'end of Sep 2026'. */
export const monthEndText = (year: number, month: number): string =>
  currentLang() === 'zh' ? `${year}年${month}月末` : `end of ${shortMonth(month)} ${year}`;

/** 98.5 → '98.5%'; null (no plan) → '—'. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${rate.toFixed(1)}%`;

/** The title of the breakdown table: the scope's name, its units, the months (t() at render). */
export const BREAKDOWN_TITLES: Record<Dashboard['breakdown'], string> = {
  province: '{scope}各省（区、市）（{span}）',
  prefecture: '{scope}各市（地、州、盟）（{span}）',
  county: '{scope}各县（市、区）（{span}）',
  community: '{scope}各小区（{span}）',
};

/** The title of the start-rate ranking (t() at render). */
export const RANKING_TITLES: Record<Dashboard['breakdown'], string> = {
  province: '各省（区、市）开工率排名',
  prefecture: '各市（地、州、盟）开工率排名',
  county: '各县（市、区）开工率排名',
  community: '各小区开工率排名',
};

/** Start-rate ranking bars, highest on top: units with a plan only. */
export function rankingOption(units: readonly DashboardUnit[]): ChartOption {
  const shown = units.filter((u) => u.startRateByCommunities !== null);
  const reversed = [...shown].reverse(); // a category y axis draws its first entry at the bottom
  return {
    // ECharts' own description would repeat the units' names in an attribute, unmarked: in English
    // the chart is named by the page's marked text instead.
    ...(currentLang() === 'zh' ? {} : { aria: { enabled: false } }),
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => `${v.toFixed(1)}%`,
    },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: reversed.map((u) => u.name),
      axisLabel: { interval: 0 },
    },
    series: [
      {
        name: t('开工率（按小区数）'),
        type: 'bar',
        data: reversed.map((u) => u.startRateByCommunities),
        barMaxWidth: 28,
        itemStyle: { color: '#1677ff' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${p.value.toFixed(1)}%`,
        },
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { color: '#faad14', type: 'dashed' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}

/** The code of the bar at `dataIndex` of rankingOption(units). */
export function rankedCodeAt(
  units: readonly DashboardUnit[],
  dataIndex: number,
): string | undefined {
  const shown = units.filter((u) => u.startRateByCommunities !== null);
  return shown[shown.length - 1 - dataIndex]?.code;
}

/** Cumulative completed investment by month (万元). */
export function investmentOption(points: Dashboard['investmentByMonth']): ChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => t('{amount} 万元', { amount: formatDecimal(v.toFixed(2)) }),
    },
    xAxis: { type: 'category', data: points.map((p) => monthText(p.month)) },
    yAxis: { type: 'value', name: t('万元') },
    series: [
      {
        name: t('累计完成投资'),
        type: 'line',
        areaStyle: { opacity: 0.15 },
        data: points.map((p) => Number(p.investmentDone)),
      },
    ],
  };
}

/** The outcomes to date, as label, value and unit (brief §7.3: the indicators published). */
export function outcomeItems(
  o: Outcomes,
): { key: string; label: string; value: string; unit: string }[] {
  return [
    { key: 'elevators', label: t('加装电梯'), value: formatInteger(o.elevators), unit: t('部') },
    {
      key: 'pipelines',
      label: t('改造管线'),
      value: formatDecimal(o.pipelinesKm),
      unit: t('公里'),
    },
    { key: 'parking', label: t('增设停车位'), value: formatInteger(o.parking), unit: t('个') },
    { key: 'chargers', label: t('增设充电桩'), value: formatInteger(o.chargers), unit: t('个') },
    {
      key: 'elderlyCare',
      label: t('养老服务设施'),
      value: formatInteger(o.elderlyCare),
      unit: t('个'),
    },
    { key: 'childcare', label: t('托育设施'), value: formatInteger(o.childcare), unit: t('个') },
    {
      key: 'housekeeping',
      label: t('家政服务设施'),
      value: formatInteger(o.housekeeping),
      unit: t('个'),
    },
    { key: 'health', label: t('卫生防疫设施'), value: formatInteger(o.health), unit: t('个') },
    {
      key: 'energy',
      label: t('建筑节能改造'),
      value: formatDecimal(o.energyAreaM2),
      unit: t('平方米'),
    },
  ];
}
