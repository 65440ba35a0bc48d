import { describe, expect, it } from 'vitest';
import {
  breakdownOf,
  byStartRate,
  cumulativeByMonth,
  defaultMonth,
  lastReportableMonth,
  ratePercent,
} from './dashboard.ts';
import { rate } from './progress.ts';

describe('dashboard arithmetic', () => {
  it.each([
    ['country', false, 'province'],
    ['province', false, 'prefecture'],
    ['prefecture', false, 'county'],
    ['prefecture', true, 'community'], // 儋州市, 五指山市
    ['county', true, 'community'],
  ] as const)('%s (ledger unit %s) breaks down by %s', (level, ledger, b) =>
    expect(breakdownOf(level, ledger)).toBe(b),
  );

  it.each([
    [2025, '2026-11-26', 12, 12],
    [2026, '2026-11-26', 11, 11],
    [2026, '2026-01-01', 1, 1],
    [2027, '2026-11-26', 0, 12],
  ])('plan year %i on %s: reports up to month %i, shown at %i', (y, today, last, shown) => {
    expect(lastReportableMonth(y, today)).toBe(last);
    expect(defaultMonth(y, today)).toBe(shown);
  });

  it.each([
    [197, 200],
    [1, 3],
    [2, 3],
    [211, 200],
    [1, 8],
    [0, 5],
  ])('rate %i/%i agrees with the progress table’s text', (a, b) =>
    expect(`${ratePercent(a, b)!.toFixed(1)}%`).toBe(rate(a, b)),
  );
  it('has no rate without a plan', () => expect(ratePercent(3, 0)).toBeNull());

  it('ranks by start rate, then households, then code; units without a plan last', () => {
    const u = (code: string, pc: number, sc: number, ph = 100, sh = 0) => ({
      code,
      planCommunities: pc,
      startedCommunities: sc,
      planHouseholds: ph,
      startedHouseholds: sh,
    });
    const ranked = byStartRate([
      u('A', 0, 0),
      u('B', 3, 1),
      u('C', 2, 2),
      u('D', 6, 2, 100, 50),
      u('E', 4, 5),
      u('F', 0, 0),
    ]).map((x) => x.code);
    expect(ranked).toEqual(['E', 'C', 'D', 'B', 'A', 'F']);
  });

  it('sums month-on-month changes into a cumulative curve, months without reports carried over', () => {
    const curve = cumulativeByMonth(
      [
        { period: '2026-03', delta: 100 },
        { period: '2026-03', delta: 50 },
        { period: '2026-05', delta: 25 },
        { period: '2026-06', delta: -10 }, // a correction
      ],
      2026,
      6,
    );
    expect(curve.map((c) => c.yuan)).toEqual([0, 0, 150, 150, 175, 165]);
    expect(curve[0]).toEqual({ month: 1, period: '2026-01', yuan: 0 });
    expect(cumulativeByMonth([], 2027, 0)).toEqual([]);
  });
});
