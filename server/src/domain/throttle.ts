/**
 * Login throttling (issue 2): after five failures a growing wait, per account and per address.
 * Pure arithmetic; the state lives in the login_throttle table so it survives restarts and is
 * shared by every server.
 */
export const FAILURES_BEFORE_WAIT = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 60 * 60_000;
/** A failure older than this starts the count afresh. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  lastFailureAt: Date;
}

/** The wait after the n-th consecutive failure: 0 before the fifth, then 30 s, 60 s, 120 s … ≤ 1 h. */
export function waitAfter(failures: number): number {
  if (failures < FAILURES_BEFORE_WAIT) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FAILURES_BEFORE_WAIT), MAX_WAIT_MS);
}

/** Milliseconds the caller must still wait, 0 if they may try now. */
export function remainingWait(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | undefined, now: Date): ThrottleState {
  const stale = !state || now.getTime() - state.lastFailureAt.getTime() > FAILURE_MEMORY_MS;
  const failures = stale ? 1 : state.failures + 1;
  const wait = waitAfter(failures);
  return {
    failures,
    lockedUntil: wait ? new Date(now.getTime() + wait) : null,
    lastFailureAt: now,
  };
}
