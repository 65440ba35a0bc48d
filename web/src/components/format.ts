// Display formats shared by the pages. Exact decimals (money, areas) stay strings: separators are
// inserted into the text, so no figure ever passes through floating point on its way to the screen.

// China time, whatever the browser's zone: due days and deadlines are China dates (the server's
// monthly-report.ts), and a report sent at 01:00 on the 6th must not read as the 5th.
const dateTime = new Intl.DateTimeFormat('zh-CN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Shanghai',
});
const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
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
