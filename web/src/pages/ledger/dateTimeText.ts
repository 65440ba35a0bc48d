// A moment in China time in the interface's language: 2026年12月5日 10:30 / 5 Dec 2026, 10:30.
import { formatDateTime } from '../../components/format.ts';
import { currentLang } from '../../i18n/index.ts';

const english = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});

export function dateTimeText(iso: string | null): string {
  if (currentLang() === 'zh' || !iso) return formatDateTime(iso);
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : english.format(d);
}
