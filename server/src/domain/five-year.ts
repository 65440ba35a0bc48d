/**
 * The five-year view (十四五, DESIGN.md §5): targets against the ledger, year by year and
 * cumulated, the reserve pools against what remains, and green-community creation against the
 * notice's goal. Pure: all sums are of exact integers; shares are rounded half up once, at the end.
 */

/** 十四五: 建办城〔2021〕28号 三(二) asks for a 2021—2025 renovation programme (2021—2025年改造规划). */
export const FIVE_YEAR = { first: 2021, last: 2025 } as const;
export const FIVE_YEARS: readonly number[] = Array.from(
  { length: FIVE_YEAR.last - FIVE_YEAR.first + 1 },
  (_, i) => FIVE_YEAR.first + i,
);

/** The completion target counts communities built before end-2000 (28号 一: 2000年底前建成的). */
export const COMPLETION_CUTOFF_YEAR = 2000;

/** 28号 二(二): 到2021年底，25%以上的城市社区参与绿色社区创建行动并达到创建要求. */
export const GREEN_GOAL = {
  year: 2021,
  /** basis points of urban communities (社区) meeting the requirements */
  shareBp: 2500,
  source:
    '建办城〔2021〕28号 二(二)：到2021年底，25%以上的城市社区参与绿色社区创建行动并达到创建要求',
} as const;

export const isFiveYear = (year: number): boolean =>
  Number.isInteger(year) && year >= FIVE_YEAR.first && year <= FIVE_YEAR.last;

/**
 * A share in tenths of a percent, half up, from exact integers: 197/200 → 985 (98.5 %).
 * Null when there is nothing to divide by.
 */
export function shareTenths(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole));
}

/** Tenths of a percent as a number of percent with one decimal: 985 → 98.5. */
export const tenthsToPercent = (tenths: number | null): number | null =>
  tenths === null ? null : Math.round(tenths) / 10;

export interface Count {
  communities: number;
  households: number;
}

/** One plan year as read from the ledger and the progress records, with the region's target. */
export interface YearFigures {
  year: number;
  target: { communities: number; households: number | null } | null;
  /** the year's plan: communities with that plan year in the 实施 pool */
  plan: Count;
  /** of the plan, those with a start date on record */
  started: Count;
  /** of the plan, those with a completion date on record; `before2000`: built before end-2000 */
  completed: Count & { before2000: number };
}

export interface CumulativeYear extends YearFigures {
  /** started against the target, in tenths of a percent (may pass 1000) */
  startRateTenths: number | null;
  cumulative: {
    /** null from the first year without a target on: a sum with a gap would mislead */
    target: number | null;
    plan: number;
    started: number;
    completed: number;
    completedBefore2000: number;
  };
}

/** Running sums over the years, in order; the years come in any order and leave sorted. */
export function cumulate(years: readonly YearFigures[]): CumulativeYear[] {
  let target: number | null = 0;
  let plan = 0;
  let started = 0;
  let completed = 0;
  let before2000 = 0;
  return [...years]
    .sort((a, b) => a.year - b.year)
    .map((y) => {
      target = target === null || y.target === null ? null : target + y.target.communities;
      plan += y.plan.communities;
      started += y.started.communities;
      completed += y.completed.communities;
      before2000 += y.completed.before2000;
      return {
        ...y,
        startRateTenths: y.target ? shareTenths(y.started.communities, y.target.communities) : null,
        cumulative: {
          target,
          plan,
          started,
          completed,
          completedBefore2000: before2000,
        },
      };
    });
}

export interface RemainingYear {
  year: number;
  target: number | null;
  started: number;
  /** what is still to start of this year's target, never below 0 */
  outstanding: number;
}

/**
 * The years of the period not yet over (from `today`'s year to 2025) and what is still to start
 * of their targets. After 2025 the list is empty: the period is over.
 */
export function remainingYears(years: readonly YearFigures[], today: string): RemainingYear[] {
  const thisYear = Number(today.slice(0, 4));
  return [...years]
    .filter((y) => y.year >= thisYear && isFiveYear(y.year))
    .sort((a, b) => a.year - b.year)
    .map((y) => ({
      year: y.year,
      target: y.target?.communities ?? null,
      started: y.started.communities,
      outstanding: Math.max(0, (y.target?.communities ?? 0) - y.started.communities),
    }));
}

/** What is still to complete of the completion target, never below 0; null without a target. */
export const completionGap = (target: number | null, completedBefore2000: number): number | null =>
  target === null ? null : Math.max(0, target - completedBefore2000);

/** How far what is in the pools covers a need, in tenths of a percent; null when nothing is needed. */
export const coverageTenths = (available: number, need: number | null): number | null =>
  need ? shareTenths(available, need) : null;

export interface GreenFigures {
  /** urban communities (城市社区, 社区 = neighbourhood committees) */
  urbanCommunities: number;
  participating: number;
  meeting: number;
}

/** The share of urban communities meeting the requirements, tenths of a percent. */
export const greenShareTenths = (g: GreenFigures): number | null =>
  shareTenths(g.meeting, g.urbanCommunities);

/** 25 %以上 (以上 includes the bound), compared on exact counts, not on the rounded share. */
export const meetsGreenGoal = (g: GreenFigures): boolean =>
  g.urbanCommunities > 0 && g.meeting * 10_000 >= g.urbanCommunities * GREEN_GOAL.shareBp;

export const sumGreen = (rows: readonly GreenFigures[]): GreenFigures =>
  rows.reduce(
    (t, g) => ({
      urbanCommunities: t.urbanCommunities + g.urbanCommunities,
      participating: t.participating + g.participating,
      meeting: t.meeting + g.meeting,
    }),
    { urbanCommunities: 0, participating: 0, meeting: 0 },
  );

export interface Problem {
  path: string;
  message: string;
}

const COUNT_MAX = 10_000_000;
const HOUSEHOLDS_MAX = 1_000_000_000;

function countProblem(path: string, label: string, v: number, max = COUNT_MAX): Problem[] {
  if (!Number.isInteger(v) || v < 0) return [{ path, message: `${label}应为不小于0的整数` }];
  if (v > max) return [{ path, message: `${label}不能超过 ${max}` }];
  return [];
}

/** Problems of a green-community entry, in Chinese, each naming its field; [] if none. */
export function greenProblems(g: GreenFigures): Problem[] {
  const out = [
    ...countProblem('urbanCommunities', '城市社区总数', g.urbanCommunities),
    ...countProblem('participating', '参与创建的社区数', g.participating),
    ...countProblem('meeting', '达到创建要求的社区数', g.meeting),
  ];
  if (out.length) return out;
  if (g.participating > g.urbanCommunities)
    out.push({
      path: 'participating',
      message: `参与创建的社区数（${g.participating}）不能超过城市社区总数（${g.urbanCommunities}）`,
    });
  if (g.meeting > g.participating)
    out.push({
      path: 'meeting',
      message: `达到创建要求的社区数（${g.meeting}）不能超过参与创建的社区数（${g.participating}）`,
    });
  return out;
}

/** Problems of a start target: households, if given, at least one a community. */
export function startTargetProblems(t: { communities: number; households: number | null }) {
  const out = [
    ...countProblem('communities', '新开工改造小区数', t.communities),
    ...(t.households === null
      ? []
      : countProblem('households', '新开工改造户数', t.households, HOUSEHOLDS_MAX)),
  ];
  if (!out.length && t.households !== null && t.households < t.communities)
    out.push({
      path: 'households',
      message: `户数（${t.households}）不能少于小区数（${t.communities}）：每个小区至少有1户`,
    });
  return out;
}

export const completionTargetProblems = (t: { communities: number }): Problem[] =>
  countProblem('communities', '完成改造小区数', t.communities);

export const yearProblems = (year: number): Problem[] =>
  isFiveYear(year)
    ? []
    : [
        {
          path: 'year',
          message: `年度应在${FIVE_YEAR.first}—${FIVE_YEAR.last}年之间（十四五时期），收到 ${year}`,
        },
      ];
