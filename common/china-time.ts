// China time (UTC+8, no daylight saving): the days and months the programme counts in, from the
// UTC instants the records store. Every page, export and rule reads them through these.

/** China's offset from UTC, ms. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const inChina = (at: Date | number | string): string => {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  return new Date(ms + CHINA_OFFSET_MS).toISOString();
};

/** The date in China of an instant, 'YYYY-MM-DD'. */
export const chinaDate = (at: Date | number | string): string => inChina(at).slice(0, 10);

/** The month in China of an instant, 'YYYY-MM'. */
export const chinaMonth = (at: Date | number | string): string => inChina(at).slice(0, 7);

/** An instant as China's wall-clock time with its offset: 2026-12-07T23:27:46.524+08:00. */
export const chinaIso = (at: Date | number | string): string => inChina(at).replace('Z', '+08:00');
