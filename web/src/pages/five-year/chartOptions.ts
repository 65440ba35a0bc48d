// The options of the five-year charts, built from the view as plain data (tested without a DOM).
import type { EChartsOption } from 'echarts';
import type { FiveYearView } from '../../api/fiveYear.ts';
import { t } from '../../i18n/index.ts';

const countAxis = () => ({ type: 'value' as const, name: t('小区数（个）'), minInterval: 1 });

/** 2021–2025: each year's target and starts, and the running sums against the cumulative target. */
export function cumulativeOption(v: FiveYearView): EChartsOption {
  const years = v.years.map((y) => t('{year}年', { year: y.year }));
  const goal = v.completion.target;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years },
    yAxis: countAxis(),
    series: [
      {
        name: t('年度目标'),
        type: 'bar',
        data: v.years.map((y) => y.target?.communities ?? null),
      },
      { name: t('当年计划'), type: 'bar', data: v.years.map((y) => y.plan.communities) },
      { name: t('当年开工'), type: 'bar', data: v.years.map((y) => y.started.communities) },
      { name: t('累计目标'), type: 'line', data: v.years.map((y) => y.cumulative.target) },
      { name: t('累计开工'), type: 'line', data: v.years.map((y) => y.cumulative.started) },
      {
        name: t('累计完工（2000年底前建成）'),
        type: 'line',
        data: v.years.map((y) => y.cumulative.completedBefore2000),
        ...(goal
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { type: 'dashed' },
                label: {
                  position: 'insideEndTop',
                  formatter: t('十四五完成目标 {n}', { n: goal.communities }),
                },
                data: [{ yAxis: goal.communities }],
              },
            }
          : {}),
      },
    ],
  };
}

/** What the pools hold (not yet started) beside what the remaining years and the goal still need. */
export function poolsOption(v: FiveYearView): EChartsOption {
  const categories = [t('项目储备（未开工）'), t('剩余年度待开工'), t('十四五完成目标缺口')];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: countAxis(),
    series: [
      ...v.pools.rows.map((p) => ({
        name: t(p.label),
        type: 'bar' as const,
        stack: 'pools',
        data: [p.communities, null, null],
      })),
      { name: t('待开工'), type: 'bar', stack: 'pools', data: [null, v.pools.toStart, null] },
      {
        name: t('缺口'),
        type: 'bar',
        stack: 'pools',
        data: [null, null, v.pools.completionGap],
      },
    ],
  };
}

/** Share of urban communities meeting the requirements, per city and year, against the goal. */
export function greenOption(v: FiveYearView): EChartsOption {
  const cities = new Map(v.green.cities.map((c) => [c.code, c.name]));
  const codes = [...cities.keys()];
  const total = codes.length > 1;
  const categories = [...cities.values(), ...(total ? [t('合计')] : [])];
  const years = [...new Set(v.green.cities.map((c) => c.year))].sort();
  const many = codes.length > 12;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (x) => (x === null ? '—' : `${String(x)}%`) },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 56, bottom: many ? 48 : 8, containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: t('达标占比（%）'), min: 0, max: 100 },
    ...(many ? { dataZoom: [{ type: 'slider', endValue: 11 }] } : {}),
    series: years.map((year, i) => ({
      name: t('{year}年', { year }),
      type: 'bar' as const,
      data: [
        ...codes.map(
          (code) =>
            v.green.cities.find((c) => c.code === code && c.year === year)?.meetingPercent ?? null,
        ),
        ...(total ? [v.green.years.find((y) => y.year === year)?.meetingPercent ?? null] : []),
      ],
      // The notice's goal, drawn once: 到2021年底，25%以上的城市社区…达到创建要求.
      ...(i === 0
        ? {
            markLine: {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#cf1322' },
              label: {
                position: 'insideEndTop',
                formatter: t('目标 {percent}%（{year}年底）', {
                  percent: v.green.goal.percent,
                  year: v.green.goal.year,
                }),
              },
              data: [{ yAxis: v.green.goal.percent }],
            },
          }
        : {}),
    })),
  };
}
