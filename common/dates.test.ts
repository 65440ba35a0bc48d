import { describe, expect, it } from 'vitest';
import { dateLabel, periodLabel } from './dates.ts';

describe('month and day labels', () => {
  it.each([
    ['2026-09', '2026年9月'],
    ['2026-12', '2026年12月'],
  ])('%s → %s', (period, label) => expect(periodLabel(period)).toBe(label));

  it.each([
    ['2026-12-05', '2026年12月5日'],
    ['2026-02-28', '2026年2月28日'],
  ])('%s → %s', (date, label) => expect(dateLabel(date)).toBe(label));
});
