import { describe, expect, it } from 'vitest';
import { progressRow, sumMeasures, type ProgressMeasures } from './progress.ts';
import {
  chinaMonthEnd,
  frozenPlanByUnit,
  planNote,
  regionCounts,
  withFrozenPlan,
  type PlanCount,
} from './progress-plan.ts';

const measures = (m: Partial<ProgressMeasures>): ProgressMeasures => ({ ...sumMeasures([]), ...m });

describe('the frozen plan by reporting unit', () => {
  const prefectureOf = new Map([
    ['460105', '460100'],
    ['460106', '460100'],
    ['469001', '469001'], // 五指山市: a prefecture-level unit of its own
  ]);
  it.each([
    ['nothing frozen', [], {}],
    [
      'one prefecture',
      [
        { regionCode: '460105', households: 120 },
        { regionCode: '460106', households: 80 },
      ],
      { '460100': { communities: 2, households: 200 } },
    ],
    [
      'two units, one a province-administered county-level unit',
      [
        { regionCode: '460106', households: 90 },
        { regionCode: '469001', households: 30 },
        { regionCode: '469001', households: 45 },
      ],
      {
        '460100': { communities: 1, households: 90 },
        '469001': { communities: 2, households: 75 },
      },
    ],
  ])('%s', (_, communities, expected) => {
    const plan = frozenPlanByUnit(regionCounts(communities), (code) => prefectureOf.get(code)!);
    expect(Object.fromEntries(plan)).toEqual(expected);
  });
  it('counts a whole snapshot under its province for the country table', () => {
    const plan = frozenPlanByUnit(
      regionCounts([
        { regionCode: '460106', households: 90 },
        { regionCode: '469001', households: 30 },
      ]),
      () => '460000',
    );
    expect(plan.get('460000')).toEqual({ communities: 2, households: 120 });
  });
  it('counts a snapshot by county-level code, in code order, whatever order it lists them in', () => {
    expect(
      regionCounts([
        { regionCode: '469001', households: 30 },
        { regionCode: '460106', households: 90 },
        { regionCode: '469001', households: 45 },
      ]),
    ).toEqual([
      ['460106', 1, 90],
      ['469001', 2, 75],
    ]);
  });
});

describe('计划改造 from the submitted snapshot, 新开工 from the current plan', () => {
  // 北京 2022 (brief §8.3): 400 communities submitted; 11 added later, and all 411 started.
  const current = measures({
    planCommunities: 411,
    planHouseholds: 213_040,
    startedCommunities: 411,
    startedHouseholds: 213_040,
  });
  const frozen: PlanCount = { communities: 400, households: 213_000 };
  it.each<[string, PlanCount | undefined, boolean, (string | number)[]]>([
    [
      'no submission: the current plan',
      undefined,
      false,
      [411, 213_040, 411, 213_040, '100.0%', '100.0%'],
    ],
    ['submitted: the snapshot', frozen, true, [400, 213_000, 411, 213_040, '102.8%', '100.0%']],
    [
      'submitted, the unit absent from the snapshot: nothing planned',
      undefined,
      true,
      [0, 0, 411, 213_040, '—', '—'],
    ],
    [
      'a snapshot not standing (returned): ignored',
      frozen,
      false,
      [411, 213_040, 411, 213_040, '100.0%', '100.0%'],
    ],
  ])('%s', (_, plan, submitted, expected) => {
    const m = withFrozenPlan(current, plan, submitted);
    expect(progressRow('北京市', m).slice(1, 7)).toEqual(expected);
  });
  it('keeps the other measures of the current plan', () => {
    const m = withFrozenPlan(
      { ...current, completedCommunities: 7, investmentDoneYuan: 1_000_000 },
      frozen,
      true,
    );
    expect(m.completedCommunities).toBe(7);
    expect(m.investmentDoneYuan).toBe(1_000_000);
  });
  it('rates by households pass 100 % when a community added after submission starts', () => {
    // 江苏 2022: 1,405 planned with 45.72万户; 1,578 started with 56.02万户.
    const m = withFrozenPlan(
      measures({ startedCommunities: 1578, startedHouseholds: 560_200 }),
      { communities: 1405, households: 457_200 },
      true,
    );
    expect(progressRow('江苏省', m).slice(5, 7)).toEqual(['112.3%', '122.5%']);
  });
});

describe('the plan in force at the end of a month, and the note that names it', () => {
  it('ends a month at midnight China time', () => {
    expect(chinaMonthEnd(2022, 8)).toBe('2022-08-31T15:59:59.999Z');
    expect(chinaMonthEnd(2022, 12)).toBe('2022-12-31T15:59:59.999Z');
    expect(chinaMonthEnd(2024, 2)).toBe('2024-02-29T15:59:59.999Z');
  });

  it('names the version of one province, and counts the bases of many', () => {
    const nx = { code: '640000', name: '宁夏回族自治区' };
    expect(
      planNote(
        [{ ...nx, basis: 'accepted', version: 2, revision: 1, acceptedAt: '2022-08-09T16:30:00Z' }],
        2022,
        9,
      ),
    ).toBe(
      '计划数：宁夏回族自治区按2022年9月末现行的已接收计划第 2 版（计划调整（第1次），2022-08-10 接收）。',
    );
    expect(
      planNote([{ ...nx, basis: 'live', version: null, revision: 0, acceptedAt: null }], 2022, 1),
    ).toBe('计划数：宁夏回族自治区按当前台账（2022年1月末尚未上报，未冻结）。');
    expect(
      planNote(
        [
          { ...nx, basis: 'accepted', version: 1, revision: 0, acceptedAt: '2022-03-01T00:00:00Z' },
          {
            code: '460000',
            name: '海南省',
            basis: 'submitted',
            version: 1,
            revision: 0,
            acceptedAt: null,
          },
          {
            code: '110000',
            name: '北京市',
            basis: 'live',
            version: null,
            revision: 0,
            acceptedAt: null,
          },
        ],
        2022,
        5,
      ),
    ).toBe(
      '计划数：1 个省按2022年5月末现行的已接收版本，1 个省按最近上报版本，1 个省按当前台账（尚未上报）。',
    );
  });
});
