import { describe, expect, it } from 'vitest';
import {
  childCodeOf,
  daysLeft,
  effectiveDeadline,
  unacceptedChildren,
  type DeclarationState,
} from './declaration.ts';

describe('declaration deadlines and units below', () => {
  it.each([
    [null, '2021-06-30', '2021-06-30'],
    [undefined, '2021-06-30', '2021-06-30'],
    ['2021-06-15', '2021-06-30', '2021-06-15'],
    ['2021-06-30', '2021-06-30', '2021-06-30'],
    // The policy's deadline moved earlier after the internal one was set: the earlier holds.
    ['2021-07-10', '2021-06-30', '2021-06-30'],
  ])('internal %s with the plan year’s %s → %s', (internal, policy, want) =>
    expect(effectiveDeadline(internal, policy)).toBe(want),
  );

  it.each([
    ['2021-06-30', '2021-06-27T00:00:00+08:00', 3],
    ['2021-06-30', '2021-06-30T23:59:00+08:00', 0],
    ['2021-06-30', '2021-07-01T00:00:01+08:00', -1],
  ])('deadline %s at %s: %i days left', (deadline, now, want) =>
    expect(daysLeft(deadline, new Date(now))).toBe(want),
  );

  it.each([
    ['/000000/460000/460100/460106/', '/000000/460000/460100/', '460106'],
    ['/000000/460000/460100/460106/', '/000000/460000/', '460100'],
    ['/000000/460000/469001/', '/000000/460000/', '469001'],
    ['/000000/460000/469001/', '/000000/460000/469001/', null],
    ['/000000/420000/420100/', '/000000/460000/', null],
  ])('%s lies under %s in %s', (path, parent, want) =>
    expect(childCodeOf(path, parent)).toBe(want),
  );

  it('holds a submission back for every unit below with plan communities not yet accepted', () => {
    const c = (code: string, state: DeclarationState, communities: number) => ({
      code,
      state,
      communities,
    });
    expect(
      unacceptedChildren([
        c('460105', 'draft', 1),
        c('460106', 'accepted', 3),
        c('460107', 'submitted', 2),
        c('460108', 'returned', 4),
        c('460109', 'draft', 0),
      ]).map((x) => x.code),
    ).toEqual(['460105', '460107', '460108']);
  });
});
