import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_RULES, throttleKeys, waitAfter } from './throttle.ts';

const { pair, account } = DEFAULT_THROTTLE_RULES;

describe('login throttle', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [20, 3_600_000],
    [5000, 3_600_000],
  ])('a pair waits, after %i failures, %i ms', (n, ms) => expect(waitAfter(n, pair)).toBe(ms));

  it('lets an account fail more often, and waits longer, than a pair', () => {
    expect(account.failuresBeforeWait).toBeGreaterThan(pair.failuresBeforeWait);
    expect(waitAfter(pair.failuresBeforeWait, account)).toBe(0);
    expect(waitAfter(account.failuresBeforeWait, account)).toBeGreaterThan(
      waitAfter(pair.failuresBeforeWait, pair),
    );
  });

  it('counts per pair, account and address, in that order; a known address skips the account', () => {
    const rules = DEFAULT_THROTTLE_RULES;
    expect(throttleKeys('Victim', '10.0.0.1', rules, false).map((k) => k.key)).toEqual([
      'pair:victim|10.0.0.1',
      'user:victim',
      'ip:10.0.0.1',
    ]);
    expect(throttleKeys('victim', '10.0.0.1', rules, true).map((k) => k.kind)).toEqual([
      'pair',
      'address',
    ]);
    expect(throttleKeys('victim', null, rules, false).map((k) => k.key)).toEqual([
      'pair:victim|-',
      'user:victim',
    ]);
  });
});
