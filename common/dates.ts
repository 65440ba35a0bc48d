// How a month and a day are written wherever a person reads them — pages, notifications, the
// command line: 2026年9月, 2026年12月31日, never 2026年09月 (issue 13 §12). Stored and sent
// values stay ISO ('2026-09', '2026-12-31').

/** '2026-09' → '2026年9月'. */
export function periodLabel(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

/** '2026-12-05' → '2026年12月5日'. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
