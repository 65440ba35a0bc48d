/** Dates as requests write them. */

/**
 * Whether `s` is a day of the calendar written YYYY-MM-DD. `Date.parse` alone is not enough: it
 * reads 2028-02-30 as 1 March and 2030-02-29 as a day of a year that has none.
 */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
