import { describe, expect, it } from 'vitest';
import {
  completionGap,
  completionTargetProblems,
  coverageTenths,
  cumulate,
  FIVE_YEARS,
  greenProblems,
  greenShareTenths,
  meetsGreenGoal,
  remainingYears,
  shareTenths,
  startTargetProblems,
  sumGreen,
  tenthsToPercent,
  yearProblems,
  type YearFigures,
} from './five-year.ts';

const year = (
  y: number,
  target: number | null,
  plan: number,
  started: number,
  completed = 0,
  before2000 = 0,
): YearFigures => ({
  year: y,
  target: target === null ? null : { communities: target, households: null },
  plan: { communities: plan, households: plan * 100 },
  started: { communities: started, households: started * 100 },
  completed: { communities: completed, households: completed * 100, before2000 },
});

describe('five-year arithmetic', () => {
  it('spans 2021–2025', () => expect(FIVE_YEARS).toEqual([2021, 2022, 2023, 2024, 2025]));

  it.each([
    [197, 200, 985],
    [1, 3, 333],
    [2, 3, 667],
    [1, 8, 125], // 12.5 % exactly
    [1, 16, 63], // 6.25 % → 6.3, half up
    [1, 400, 3], // 0.25 % → 0.3, half up
    [1, 2000, 1], // 0.05 % → 0.1, half up
    [1, 2001, 0], // 0.0499… % → 0.0
    [5.56e4, 5.3e4, 1049], // 2021: 5.56万 started of 5.3万 → 104.9 %
    [0, 5, 0],
    [3, 0, null],
  ])('share %d/%d = %s tenths of a percent, half up', (part, whole, tenths) =>
    expect(shareTenths(part, whole)).toBe(tenths),
  );

  it.each([
    [985, 98.5],
    [1049, 104.9],
    [null, null],
  ])('tenths %s → %s %', (t, p) => expect(tenthsToPercent(t)).toBe(p));

  it('cumulates targets, plans, starts and completions in year order', () => {
    const rows = cumulate([
      year(2022, 51_000, 50, 40, 5, 4),
      year(2021, 53_000, 60, 60, 50, 45),
      year(2023, 53_000, 10, 0),
    ]);
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023]);
    expect(rows.map((r) => r.cumulative)).toEqual([
      { target: 53_000, plan: 60, started: 60, completed: 50, completedBefore2000: 45 },
      { target: 104_000, plan: 110, started: 100, completed: 55, completedBefore2000: 49 },
      { target: 157_000, plan: 120, started: 100, completed: 55, completedBefore2000: 49 },
    ]);
  });

  it('stops the cumulative target at the first year without one, and rates only years with one', () => {
    const rows = cumulate([year(2021, 200, 0, 211), year(2022, null, 0, 5), year(2023, 10, 0, 1)]);
    expect(rows.map((r) => r.cumulative.target)).toEqual([200, null, null]);
    expect(rows.map((r) => r.startRateTenths)).toEqual([1055, null, 100]);
  });

  it.each([
    ['2023-06-30', [2023, 2024, 2025], 80 + 54_000 + 25_000],
    ['2025-01-01', [2025], 25_000],
    ['2026-11-26', [], 0],
    ['2019-01-01', [2021, 2022, 2023, 2024, 2025], 0 + 0 + 80 + 54_000 + 25_000],
  ])('on %s the remaining years are %j, with %i still to start', (today, years, outstanding) => {
    const figures = [
      year(2021, 53_000, 0, 60_000), // more started than targeted: nothing outstanding, not negative
      year(2022, 51_000, 0, 51_000),
      year(2023, 100, 0, 20),
      year(2024, 54_000, 0, 0),
      year(2025, 25_000, 0, 0),
    ];
    const r = remainingYears(figures, today);
    expect(r.map((y) => y.year)).toEqual(years);
    expect(r.reduce((s, y) => s + y.outstanding, 0)).toBe(outstanding);
  });

  it('counts a year without a target as nothing outstanding, but says so', () => {
    expect(remainingYears([year(2025, null, 0, 3)], '2025-03-01')).toEqual([
      { year: 2025, target: null, started: 3, outstanding: 0 },
    ]);
  });

  it.each([
    [219_000, 100_000, 119_000],
    [219_000, 230_000, 0],
    [null, 5, null],
  ])('completion target %s with %i completed leaves %s', (target, done, gap) =>
    expect(completionGap(target, done)).toBe(gap),
  );

  it.each([
    [500, 1000, 500],
    [1500, 1000, 1500],
    [3, 0, null],
    [3, null, null],
  ])('%i in the pools cover %s needed: %s tenths', (available, need, tenths) =>
    expect(coverageTenths(available, need)).toBe(tenths),
  );
});

describe('green communities', () => {
  it.each([
    // total, participating, meeting, share tenths, meets 25 %
    [400, 150, 100, 250, true], // exactly 25 % meets 25%以上
    [401, 150, 100, 249, false], // 24.94 %: short, though it rounds to 24.9
    [399, 150, 100, 251, true],
    [1000, 300, 249, 249, false],
    [8, 2, 2, 250, true],
    [0, 0, 0, null, false],
  ])(
    '%i urban communities, %i participating, %i meeting: %s tenths, goal met %s',
    (t, p, m, s, ok) => {
      const g = { urbanCommunities: t, participating: p, meeting: m };
      expect(greenShareTenths(g)).toBe(s);
      expect(meetsGreenGoal(g)).toBe(ok);
    },
  );

  it('does not count a share that only rounds up to 25 % as meeting the goal', () => {
    // 99,999 of 400,000 = 24.99975 %, shown as 25.0 %, still short of 25%以上
    const g = { urbanCommunities: 400_000, participating: 100_000, meeting: 99_999 };
    expect(greenShareTenths(g)).toBe(250);
    expect(meetsGreenGoal(g)).toBe(false);
  });

  it('sums cities exactly', () =>
    expect(
      sumGreen([
        { urbanCommunities: 10, participating: 4, meeting: 3 },
        { urbanCommunities: 5, participating: 5, meeting: 1 },
      ]),
    ).toEqual({ urbanCommunities: 15, participating: 9, meeting: 4 }));

  it.each([
    [{ urbanCommunities: 10, participating: 4, meeting: 3 }, []],
    [
      { urbanCommunities: 10, participating: 11, meeting: 3 },
      [['participating', '参与创建的社区数（11）不能超过城市社区总数（10）']],
    ],
    [
      { urbanCommunities: 10, participating: 4, meeting: 5 },
      [['meeting', '达到创建要求的社区数（5）不能超过参与创建的社区数（4）']],
    ],
    [
      { urbanCommunities: -1, participating: 0.5, meeting: 0 },
      [
        ['urbanCommunities', '城市社区总数应为不小于0的整数'],
        ['participating', '参与创建的社区数应为不小于0的整数'],
      ],
    ],
  ])('checks %j', (g, problems) =>
    expect(greenProblems(g).map((p) => [p.path, p.message])).toEqual(problems),
  );
});

describe('target checks', () => {
  it.each([
    [{ communities: 53_000, households: null }, []],
    [{ communities: 51_000, households: 8_400_000 }, []],
    [{ communities: 10, households: 9 }, ['households']],
    [{ communities: -1, households: null }, ['communities']],
    [{ communities: 20_000_000, households: null }, ['communities']],
  ])('start target %j → %j', (t, paths) =>
    expect(startTargetProblems(t).map((p) => p.path)).toEqual(paths),
  );
  it('says what is wrong in Chinese', () => {
    expect(startTargetProblems({ communities: 10, households: 9 })[0]!.message).toBe(
      '户数（9）不能少于小区数（10）：每个小区至少有1户',
    );
    expect(completionTargetProblems({ communities: 1.5 })[0]!.message).toBe(
      '完成改造小区数应为不小于0的整数',
    );
  });
  it.each([
    [2021, 0],
    [2025, 0],
    [2020, 1],
    [2026, 1],
  ])('year %i has %i problems', (y, n) => expect(yearProblems(y)).toHaveLength(n));
});
