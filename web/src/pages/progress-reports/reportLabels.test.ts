import { describe, expect, it } from 'vitest';
import {
  chinaMonth,
  defaultPeriod,
  isPeriod,
  periodLabel,
  recentPeriods,
  reportsPath,
} from './reportLabels.ts';

describe('monthly report labels', () => {
  it('counts months in China time, and reports the last complete month by default', () => {
    expect(chinaMonth(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06');
    expect(defaultPeriod(new Date('2026-06-03T02:00:00Z'))).toBe('2026-05');
    expect(defaultPeriod(new Date('2026-01-03T02:00:00Z'))).toBe('2025-12');
  });
  it('offers this month and the months before it, never a future one', () => {
    expect(recentPeriods(3, new Date('2026-02-10T02:00:00Z'))).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
  });
  it('reads and writes periods and addresses', () => {
    expect(periodLabel('2026-05')).toBe('2026年5月');
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-12')).toBe(true);
    expect(reportsPath({ unit: '460106', year: 2026, period: '2026-05' })).toBe(
      '/progress/reports?unit=460106&year=2026&period=2026-05',
    );
  });
});
