/**
 * Login throttling (issues 2 and 10): a growing wait after repeated failures, counted per
 * (account, address) pair, per account across all addresses (a higher, slower limit, so that an
 * attacker elsewhere cannot lock the real user out from their own address), and per address
 * across accounts (password spraying). Pure arithmetic; the counts live in the login_throttle
 * table, raised atomically before a password is checked (auth.repository.ts), so they survive
 * restarts and are shared by every server.
 */
export interface ThrottleRule {
  /** failures (attempts reserved and not released by a success) before the first wait */
  failuresBeforeWait: number;
  firstWaitMs: number;
  maxWaitMs: number;
}

export interface ThrottleRules {
  pair: ThrottleRule;
  account: ThrottleRule;
  address: ThrottleRule;
  /**
   * An address the account logged in from successfully within this time is the user's own: the
   * per-account limit does not apply there (the pair's and the address's still do).
   */
  knownAddressMs: number;
}

const HOUR = 60 * 60_000;

/** The defaults; config.ts may override the failure counts (LOGIN_*_FAILURES). */
export const DEFAULT_THROTTLE_RULES: ThrottleRules = {
  pair: { failuresBeforeWait: 5, firstWaitMs: 30_000, maxWaitMs: HOUR },
  account: { failuresBeforeWait: 20, firstWaitMs: 5 * 60_000, maxWaitMs: HOUR },
  // An address is often a whole bureau behind one NAT (政务外网), and attempts in flight count until
  // they resolve: 20 colleagues logging in at once must not be refused. Spraying many accounts
  // from one address still waits after 50 failures, doubling.
  address: { failuresBeforeWait: 50, firstWaitMs: 30_000, maxWaitMs: HOUR },
  knownAddressMs: 30 * 24 * HOUR,
};

/** A failure older than this starts the count afresh. */
export const FAILURE_MEMORY_MS = 24 * HOUR;

/**
 * The wait after the n-th consecutive failure: 0 before the limit, then the first wait, doubling
 * with each failure up to the maximum (the pair's default: 30 s, 60 s, 120 s … ≤ 1 h).
 */
export function waitAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.failuresBeforeWait) return 0;
  const doublings = Math.min(failures - rule.failuresBeforeWait, 30);
  return Math.min(rule.firstWaitMs * 2 ** doublings, rule.maxWaitMs);
}

export type ThrottleKind = 'pair' | 'account' | 'address';

export interface ThrottleKey {
  kind: ThrottleKind;
  key: string;
  rule: ThrottleRule;
}

/**
 * The counters one login attempt reserves, always in this order (pair, account, address) so that
 * concurrent attempts lock the rows in the same order and cannot deadlock.
 */
export function throttleKeys(
  username: string,
  ip: string | null,
  rules: ThrottleRules,
  knownAddress: boolean,
): ThrottleKey[] {
  const user = username.toLowerCase();
  const keys: ThrottleKey[] = [{ kind: 'pair', key: pairKey(user, ip), rule: rules.pair }];
  if (!knownAddress) keys.push({ kind: 'account', key: `user:${user}`, rule: rules.account });
  if (ip) keys.push({ kind: 'address', key: `ip:${ip}`, rule: rules.address });
  return keys;
}

export const pairKey = (username: string, ip: string | null): string =>
  `pair:${username.toLowerCase()}|${ip ?? '-'}`;

/** The row remembering the last success of an account from an address. */
export const knownKey = (username: string, ip: string | null): string =>
  `ok:${username.toLowerCase()}|${ip ?? '-'}`;
