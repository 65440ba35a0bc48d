// The progress page's address: /progress?scope=CODE&year=YYYY&month=M. Without a scope the user's
// own region; without a year this calendar year; without a month the latest one reported.

export interface ProgressSearch {
  scope?: string;
  year: number;
  month?: number;
}

export function parseProgressSearch(params: URLSearchParams, now = new Date()): ProgressSearch {
  const scope = params.get('scope') ?? '';
  const year = Number(params.get('year'));
  const month = Number(params.get('month'));
  return {
    scope: /^(all|\d{2}|[0-9A-Z]{6})$/.test(scope) ? scope : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.getFullYear(),
    month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined,
  };
}

/** The address of the progress page for a scope, keeping the year and month of the view. */
export function progressLink(scope: string, year?: number, month?: number): string {
  const q = new URLSearchParams({ scope });
  if (year) q.set('year', String(year));
  if (month) q.set('month', String(month));
  return `/progress?${q.toString()}`;
}

/** The plan years to choose from: 2019 (the programme's first national plan) to next year. */
export function progressYears(now = new Date()): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - 2019 + 1 }, (_, i) => last - i);
}
