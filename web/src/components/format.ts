// Display formats shared by the pages, one rule per measure on every table, card and print page
// (issue 13 §7): counts with thousands separators (1,852); 万元 with two decimals, as the official
// forms print investment (docs/plan-table.md, Figures), rounded half up (19,335.14); other exact
// decimals (m², 公里) as the server gave them, with separators. Exact decimals stay strings:
// separators and rounding work on the text, so no figure passes through floating point on its way
// to the screen. Exports (csv, xlsx) keep the raw figures.

import { currentLang } from '../i18n/lang.ts';

// China time, whatever the browser's zone: due days and deadlines are China dates (the server's
// monthly-report.ts), and a report sent at 01:00 on the 6th must not read as the 5th.
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});
const dateTimeEn = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

// The audit log's instants, to the second.
const dateTimeSeconds = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Shanghai',
});
const dateTimeSecondsEn = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'medium',
  timeZone: 'Asia/Shanghai',
});

/** An instant in China time with its seconds (the audit log). */
export function formatDateTimeSeconds(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (currentLang() === 'zh' ? dateTimeSeconds : dateTimeSecondsEn).format(d);
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return (currentLang() === 'zh' ? dateTime : dateTimeEn).format(d);
}

/** 1234567 → 1,234,567. */
export function formatInteger(n: number): string {
  return integer.format(n);
}

/** '1234567.8900' → '1,234,567.8900'; text that is not a plain decimal is returned as it is. */
export function formatDecimal(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  if (!m) return text;
  const [, sign, whole, fraction = ''] = m;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction}`;
}

/** Rounds a plain decimal text half up (away from zero) to `digits` places, on the text itself. */
export function roundDecimal(text: string, digits: number): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign, whole, fraction = ''] = m;
  const padded = fraction.padEnd(digits + 1, '0');
  const kept = BigInt(`${whole}${padded.slice(0, digits)}`) + (padded[digits]! >= '5' ? 1n : 0n);
  const t = kept.toString().padStart(digits + 1, '0');
  const value = digits ? `${t.slice(0, -digits)}.${t.slice(-digits)}` : t;
  return kept === 0n ? value : `${sign}${value}`;
}

/** 万元 (investment, funds): two decimals, half up, with separators: '1145.7391' → '1,145.74'. */
export function formatWan(text: string): string {
  return formatDecimal(roundDecimal(text, 2));
}

/** A cell of a table the server laid out (a count, or decimal text already in the form's digits). */
export function formatCell(v: string | number): string {
  return typeof v === 'number' ? formatInteger(v) : formatDecimal(v);
}
