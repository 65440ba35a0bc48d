// Monthly reports (月报): what the server's rules and the web's pages both count with.

/** Every month has the day: the 29th to 31st would not. */
export const MAX_DUE_DAY = 28;

export const REPORT_STATUSES = ['on_time', 'late', 'pending', 'overdue'] as const;
/** on_time / late: reported (first version before / after the due date); pending / overdue: not reported (before / after it). */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export { chinaMonth } from './china-time.ts';

/** The month before a 'YYYY-MM' period. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
