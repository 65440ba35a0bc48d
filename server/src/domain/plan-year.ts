/**
 * The plan year being declared (申报年度): the year the home page counts and the plan table opens
 * on, decided here once so the two agree (issue 13, defects 1–2). Pure: the policies, the years
 * that hold plan communities in the user's scope, and today (Beijing) are passed in.
 *
 * 1. The earliest plan year with its own policy whose deadline is today or later: a year being
 *    declared now (建办城〔2021〕28号 二(四): each year's plan is reported by the year's deadline).
 * 2. Else the latest year with plan communities in the scope: the plan last worked on.
 * 3. Else the current year.
 */
export type PlanYearBasis = 'policy' | 'records' | 'calendar';

export interface PlanYearInput {
  policies: readonly { planYear: number; deadline: string }[];
  /** the plan years of the communities in the user's scope */
  yearsWithPlans: readonly number[];
  /** YYYY-MM-DD, Beijing time */
  today: string;
}

export const PLAN_YEAR_BASIS_LABELS: Record<PlanYearBasis, string> = {
  policy: '正在申报的年度（年度政策的报送截止日期未到）',
  records: '最近一个有计划数据的年度',
  calendar: '本年度',
};

export function declaringYear(i: PlanYearInput): { year: number; basis: PlanYearBasis } {
  const open = i.policies
    .filter((p) => p.deadline >= i.today)
    .map((p) => p.planYear)
    .sort((a, b) => a - b);
  if (open.length) return { year: open[0]!, basis: 'policy' };
  if (i.yearsWithPlans.length) return { year: Math.max(...i.yearsWithPlans), basis: 'records' };
  return { year: Number(i.today.slice(0, 4)), basis: 'calendar' };
}
