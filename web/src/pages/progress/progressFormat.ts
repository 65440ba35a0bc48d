// Formats and chart options of the progress pages. Exact decimals stay strings until a chart needs
// a number to draw; the labels show the server's text.
import type { ChartOption } from '../../components/charts/EChart.tsx';
import type { Dashboard, DashboardUnit, Outcomes } from '../../api/progress.ts';
import { formatDecimal, formatInteger } from '../../components/format.ts';

/** 98.5 → '98.5%'; null (no plan) → '—'. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${rate.toFixed(1)}%`;

/** What a unit's breakdown is called on the page. */
export const BREAKDOWN_LABELS: Record<Dashboard['breakdown'], string> = {
  province: '各省（区、市）',
  prefecture: '各市（地、州、盟）',
  county: '各县（市、区）',
  community: '各小区',
};

/** Start-rate ranking bars, highest on top: units with a plan only. */
export function rankingOption(units: readonly DashboardUnit[]): ChartOption {
  const shown = units.filter((u) => u.startRateByCommunities !== null);
  const reversed = [...shown].reverse(); // a category y axis draws its first entry at the bottom
  return {
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
        name: '开工率（按小区数）',
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
      valueFormatter: (v: number) => `${formatDecimal(v.toFixed(2))} 万元`,
    },
    xAxis: { type: 'category', data: points.map((p) => `${p.month}月`) },
    yAxis: { type: 'value', name: '万元' },
    series: [
      {
        name: '累计完成投资',
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
    { key: 'elevators', label: '加装电梯', value: formatInteger(o.elevators), unit: '部' },
    { key: 'pipelines', label: '改造管线', value: formatDecimal(o.pipelinesKm), unit: '公里' },
    { key: 'parking', label: '增设停车位', value: formatInteger(o.parking), unit: '个' },
    { key: 'chargers', label: '增设充电桩', value: formatInteger(o.chargers), unit: '个' },
    { key: 'elderlyCare', label: '养老服务设施', value: formatInteger(o.elderlyCare), unit: '个' },
    { key: 'childcare', label: '托育设施', value: formatInteger(o.childcare), unit: '个' },
    {
      key: 'housekeeping',
      label: '家政服务设施',
      value: formatInteger(o.housekeeping),
      unit: '个',
    },
    { key: 'health', label: '卫生防疫设施', value: formatInteger(o.health), unit: '个' },
    { key: 'energy', label: '建筑节能改造', value: formatDecimal(o.energyAreaM2), unit: '平方米' },
  ];
}
