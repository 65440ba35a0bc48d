/**
 * Monthly reports (月报): when a month's report is due and whether it came in time. Each unit
 * reports its month upward as at month end, by a day of the following month that the province
 * sets (issue 5); the deadline is that day's end in China time, as for plan deadlines. Pure.
 */
import type { ProgressMeasures } from './progress.ts';
import { dateLabel } from '../../../common/dates.ts';
import { chinaMonth, previousPeriod, type ReportStatus } from '../../../common/monthly-reports.ts';
import { chinaDate } from '../../../common/china-time.ts';

// Kept in common/ for the web's pages too; here for the server's callers.
export {
  chinaMonth,
  MAX_DUE_DAY,
  previousPeriod,
  REPORT_STATUSES,
  type ReportStatus,
} from '../../../common/monthly-reports.ts';

/** The due day when a province has set none: the 5th of the following month. */
export const DEFAULT_DUE_DAY = 5;

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  on_time: '按时上报',
  late: '逾期上报',
  pending: '尚未上报',
  overdue: '逾期未报',
};

/** The month after a 'YYYY-MM' period. */
export function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The date a period's report is due: the due day of the following month, 'YYYY-MM-DD'. */
export function dueDate(period: string, dueDay: number): string {
  return `${nextPeriod(period)}-${String(dueDay).padStart(2, '0')}`;
}

/** Whether an instant (ISO) falls on or before the due date's end in China time. */
export function inTime(at: string, due: string): boolean {
  return new Date(at).getTime() <= new Date(`${due}T23:59:59.999+08:00`).getTime();
}

/** Where a unit stands for a period: reported in time, late, not yet, or overdue. */
export function reportStatus(
  firstSubmittedAt: string | null,
  due: string,
  now: Date,
): ReportStatus {
  if (firstSubmittedAt) return inTime(firstSubmittedAt, due) ? 'on_time' : 'late';
  return inTime(now.toISOString(), due) ? 'pending' : 'overdue';
}

/**
 * The latest month whose report is overdue at `now` when not submitted: last month once its due
 * date has passed, else the month before. Automatic late notices chase this month only: earlier
 * ones were chased when they fell due.
 */
export function lastOverduePeriod(now: Date, dueDay: number): string {
  const last = previousPeriod(chinaMonth(now));
  return inTime(now.toISOString(), dueDate(last, dueDay)) ? previousPeriod(last) : last;
}

/**
 * The units that report for a community at `regionPath`: every region on the path but the
 * country ('/000000/460000/460100/460106/' → 460000, 460100, 460106), as completeness expects a
 * report from each unit with communities in the year's plan under it.
 */
export const reportingUnits = (regionPath: string): string[] =>
  regionPath.split('/').filter(Boolean).slice(1);

/** Why a period cannot be reported for a plan year now, in Chinese; undefined if it can. */
export function periodProblem(period: string, planYear: number, now: Date): string | undefined {
  if (period > chinaMonth(now)) return `报告期 ${period} 尚未到来，不能上报未来月份`;
  if (period < `${planYear}-01`)
    return `报告期 ${period} 早于计划年度（${planYear}年1月），不能上报`;
  return undefined;
}

/** The period's last day, 'YYYY-MM-DD': the first day its report may be submitted. */
export function reportOpensOn(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/**
 * Why a period's report cannot be submitted now, in Chinese; undefined if it can. A report is the
 * month as at month end (issue 5), so it opens on the month's last day in China time — the day
 * the figures are final — and December's cannot be sent on 6 December (issue 13 §11).
 */
export function submitProblem(period: string, planYear: number, now: Date): string | undefined {
  const problem = periodProblem(period, planYear, now);
  if (problem) return problem;
  const opens = reportOpensOn(period);
  const today = chinaDate(now);
  if (today < opens)
    return `报告期 ${period} 尚未结束：月报自${dateLabel(opens)}（报告期最后一天，北京时间）起方可上报`;
  return undefined;
}

/** Counts of each status, and how many reported at all. */
export function statusCounts(statuses: ReportStatus[]) {
  const count = (s: ReportStatus) => statuses.filter((x) => x === s).length;
  return {
    total: statuses.length,
    reported: count('on_time') + count('late'),
    onTime: count('on_time'),
    late: count('late'),
    pending: count('pending'),
    overdue: count('overdue'),
  };
}

/** One community's contribution to the progress table as at a month end (spec/progress.md). */
export function communityMeasures(
  c: {
    households: number;
    startDate: string | null;
    completionDate: string | null;
    investmentDoneYuan: number;
    elevators: number;
    pipelinesM: number;
    elderlyCare: number;
    childcare: number;
  },
  monthEnd: string,
): ProgressMeasures {
  const started = c.startDate !== null && c.startDate <= monthEnd;
  return {
    planCommunities: 1,
    planHouseholds: c.households,
    startedCommunities: started ? 1 : 0,
    startedHouseholds: started ? c.households : 0,
    completedCommunities: c.completionDate !== null && c.completionDate <= monthEnd ? 1 : 0,
    investmentDoneYuan: c.investmentDoneYuan,
    elevators: c.elevators,
    pipelinesM: c.pipelinesM,
    elderlyChildcare: c.elderlyCare + c.childcare,
  };
}
