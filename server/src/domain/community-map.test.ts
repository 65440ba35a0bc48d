import { describe, expect, it } from 'vitest';
import { chinaDay, countByStatus } from './community-map.ts';

describe('the map day and counts', () => {
  it('takes the day in China, and counts by status', () => {
    expect(chinaDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(chinaDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(
      countByStatus([{ status: 'plan' }, { status: 'completed' }, { status: 'completed' }]),
    ).toEqual({ plan: 1, started: 0, completed: 2 });
  });
});
