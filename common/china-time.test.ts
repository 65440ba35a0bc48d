import { describe, expect, it } from 'vitest';
import { chinaDate, chinaIso, chinaMonth } from './china-time.ts';

describe('China time', () => {
  it('turns the day at 16:00 UTC, whatever the machine’s zone', () => {
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate('2026-12-31T16:30:00.000Z')).toBe('2027-01-01');
    expect(chinaDate(Date.parse('2026-02-28T16:00:00Z'))).toBe('2026-03-01');
  });

  it('gives the month and the wall-clock time with its offset', () => {
    expect(chinaMonth(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06');
    expect(chinaMonth('2026-05-31T15:59:59.999Z')).toBe('2026-05');
    expect(chinaIso('2026-12-07T15:27:46.524Z')).toBe('2026-12-07T23:27:46.524+08:00');
  });
});
