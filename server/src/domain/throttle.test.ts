import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  FAILURE_MEMORY_MS,
  remainingWait,
  waitAfter,
  type ThrottleState,
} from './throttle.ts';

describe('login throttle', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [20, 3_600_000],
  ])('after %i failures waits %i ms', (n, ms) => expect(waitAfter(n)).toBe(ms));

  it('locks after the fifth consecutive failure and not before', () => {
    const t0 = new Date('2026-06-01T08:00:00Z');
    let s: ThrottleState | undefined;
    for (let i = 1; i <= 4; i++) {
      s = afterFailure(s, t0);
      expect(remainingWait(s, t0)).toBe(0);
    }
    s = afterFailure(s, t0);
    expect(s.failures).toBe(5);
    expect(remainingWait(s, t0)).toBe(30_000);
    expect(remainingWait(s, new Date(t0.getTime() + 30_001))).toBe(0);
  });

  it('forgets failures older than a day', () => {
    const t0 = new Date('2026-06-01T08:00:00Z');
    const old: ThrottleState = { failures: 9, lockedUntil: null, lastFailureAt: t0 };
    expect(afterFailure(old, new Date(t0.getTime() + FAILURE_MEMORY_MS + 1)).failures).toBe(1);
  });
});
