// The monthly reports' words and small pure helpers: statuses, periods, addresses.
import type { ReportStatus } from '../../api/monthlyReports.ts';
import { chinaMonth as monthInChina, previousPeriod } from '../../../../common/monthly-reports.ts';
import { currentLang } from '../../i18n/index.ts';

export const STATUS_COLORS: Record<ReportStatus, string> = {
  on_time: 'success',
  late: 'warning',
  pending: 'default',
  overdue: 'error',
};

/** The month of an instant in China time (UTC+8), 'YYYY-MM', as the server counts. */
export const chinaMonth = (now = new Date()): string => monthInChina(now);

export { previousPeriod };

/** The month a unit reports now: the last complete month (its report is due early this month). */
export const defaultPeriod = (now = new Date()): string => previousPeriod(chinaMonth(now));

/** The months one may pick, newest first: this month and the `count - 1` before it. */
export function recentPeriods(count: number, now = new Date()): string[] {
  const out = [chinaMonth(now)];
  while (out.length < count) out.push(previousPeriod(out.at(-1)!));
  return out;
}

/** '2026-05' → '2026年5月' (common/dates.ts: the same words in notifications). */
export { dateLabel, periodLabel } from '../../../../common/dates.ts';

export const isPeriod = (s: string | null | undefined): s is string =>
  !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export const reportsPath = (q: { unit?: string; year: number; period: string }) =>
  `/progress/reports?${new URLSearchParams({
    ...(q.unit ? { unit: q.unit } : {}),
    year: String(q.year),
    period: q.period,
  }).toString()}`;

/** A plan year in a picker: '2026年度' / '2026'. */
export const planYearText = (y: number): string =>
  currentLang() === 'zh' ? `${y}年度` : String(y);
