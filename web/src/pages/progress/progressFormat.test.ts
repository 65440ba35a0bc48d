import { describe, expect, it } from 'vitest';
import type { DashboardUnit } from '../../api/progress.ts';
import { formatRate, outcomeItems, rankedCodeAt, rankingOption } from './progressFormat.ts';

const unit = (code: string, rate: number | null): DashboardUnit => ({
  code,
  name: `单位${code}`,
  planCommunities: rate === null ? 0 : 10,
  planHouseholds: 100,
  startedCommunities: 0,
  startedHouseholds: 0,
  completedCommunities: 0,
  startRateByCommunities: rate,
  startRateByHouseholds: rate,
  investmentDone: '0.00',
});

describe('progress formats and charts', () => {
  it.each([
    [98.5, '98.5%'],
    [100, '100.0%'],
    [null, '—'],
  ])('rate %s reads %s', (r, text) => expect(formatRate(r)).toBe(text));

  it('draws the highest rate on top and maps a clicked bar back to its unit', () => {
    const units = [unit('A', 104.4), unit('B', 80), unit('C', 12.5), unit('D', null)];
    const option = rankingOption(units) as {
      yAxis: { data: string[] };
      series: { data: number[] }[];
    };
    // A category y axis draws its first entry at the bottom: the list is reversed, D left out.
    expect(option.yAxis.data).toEqual(['单位C', '单位B', '单位A']);
    expect(option.series[0]!.data).toEqual([12.5, 80, 104.4]);
    expect([0, 1, 2].map((i) => rankedCodeAt(units, i))).toEqual(['C', 'B', 'A']);
    expect(rankedCodeAt(units, 3)).toBeUndefined();
  });

  it('lists the nine published outcomes with their units, exact decimals kept', () => {
    const items = outcomeItems({
      elevators: 1234,
      pipelinesKm: '1234.50',
      parking: 7,
      chargers: 3,
      elderlyCare: 2,
      childcare: 1,
      housekeeping: 0,
      health: 0,
      energyAreaM2: '70791',
    });
    expect(items).toHaveLength(9);
    expect(items.find((i) => i.key === 'pipelines')).toMatchObject({
      value: '1,234.50',
      unit: '公里',
    });
    expect(items.find((i) => i.key === 'elevators')!.value).toBe('1,234');
  });
});
