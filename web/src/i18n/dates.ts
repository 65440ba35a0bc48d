// Months and days in the interface's language: 2026年9月 / Sep 2026, 2026年12月5日 / 5 Dec 2026.
// The Chinese forms are common/dates.ts, shared with the server and the command line.
import { dateLabel, periodLabel } from '../../../common/dates.ts';
import { currentLang } from './lang.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-09' → '2026年9月' or 'Sep 2026'. */
export function periodText(period: string): string {
  if (currentLang() === 'zh') return periodLabel(period);
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** '2026-12-05' → '2026年12月5日' or '5 Dec 2026'. */
export function dateText(date: string): string {
  if (currentLang() === 'zh') return dateLabel(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
