/**
 * The declaration's pure rules as tables, every case spelled out (issue 12 §5): each state × action
 * × side of the transitions, a province's standing around its deadline (China time), and the diff
 * of two versions. A rule changed by mistake fails here before any route test.
 */
import { describe, expect, it } from 'vitest';
import {
  declarationCan,
  diffSnapshots,
  provinceProgress,
  transition,
  type ActorSide,
  type DeclarationAction,
  type DeclarationState,
  type SnapshotCommunity,
} from './declaration.ts';

const SELF_ONLY = '只能由上级单位退回或接收';
const ABOVE_ONLY = '只能由本单位上报或调整计划';
const refusedIn = (state: string, action: string) => `当前状态为“${state}”，不能${action}`;

// state, action, side → next state, or the refusal's text
const TRANSITIONS: [DeclarationState, DeclarationAction, ActorSide, string][] = [
  ['draft', 'submit', 'self', 'submitted'],
  ['draft', 'submit', 'above', ABOVE_ONLY],
  ['draft', 'return', 'above', refusedIn('编制中', '退回')],
  ['draft', 'return', 'self', SELF_ONLY],
  ['draft', 'accept', 'above', refusedIn('编制中', '接收')],
  ['draft', 'accept', 'self', SELF_ONLY],
  ['draft', 'revise', 'self', refusedIn('编制中', '调整计划')],
  ['draft', 'revise', 'above', ABOVE_ONLY],
  ['submitted', 'submit', 'self', refusedIn('已上报', '上报')],
  ['submitted', 'submit', 'above', ABOVE_ONLY],
  ['submitted', 'return', 'above', 'returned'],
  ['submitted', 'return', 'self', SELF_ONLY],
  ['submitted', 'accept', 'above', 'accepted'],
  ['submitted', 'accept', 'self', SELF_ONLY],
  ['submitted', 'revise', 'self', refusedIn('已上报', '调整计划')],
  ['submitted', 'revise', 'above', ABOVE_ONLY],
  ['returned', 'submit', 'self', 'submitted'],
  ['returned', 'submit', 'above', ABOVE_ONLY],
  ['returned', 'return', 'above', refusedIn('已退回', '退回')],
  ['returned', 'return', 'self', SELF_ONLY],
  ['returned', 'accept', 'above', refusedIn('已退回', '接收')],
  ['returned', 'accept', 'self', SELF_ONLY],
  ['returned', 'revise', 'self', refusedIn('已退回', '调整计划')],
  ['returned', 'revise', 'above', ABOVE_ONLY],
  ['accepted', 'submit', 'self', refusedIn('已接收', '上报')],
  ['accepted', 'submit', 'above', ABOVE_ONLY],
  ['accepted', 'return', 'above', refusedIn('已接收', '退回')],
  ['accepted', 'return', 'self', SELF_ONLY],
  ['accepted', 'accept', 'above', refusedIn('已接收', '接收')],
  ['accepted', 'accept', 'self', SELF_ONLY],
  ['accepted', 'revise', 'self', 'draft'],
  ['accepted', 'revise', 'above', ABOVE_ONLY],
];

describe('declaration transitions, every state × action × side', () => {
  it.each(TRANSITIONS)('%s, %s by %s → %s', (state, action, side, expected) => {
    const next = transition(state, action, side);
    expect(typeof next === 'string' ? next : next.refused).toBe(expected);
  });
});

// The deadline 2022-06-30 ends at 23:59:59 China time, 15:59:59 UTC.
const DEADLINE = '2022-06-30';
const BEFORE = new Date('2022-06-30T15:59:59Z');
const AFTER = new Date('2022-06-30T16:00:00Z');
const ON_TIME = '2022-06-30T15:59:00Z';
const LATE = '2022-06-30T16:00:01Z';

// state, submitted at, now, revision → standing
const STANDINGS: [DeclarationState | undefined, string | null, Date, number, string][] = [
  [undefined, null, BEFORE, 0, 'not_started'],
  [undefined, null, AFTER, 0, 'late'],
  ['draft', null, BEFORE, 0, 'in_progress'],
  ['draft', null, AFTER, 0, 'late'],
  ['draft', ON_TIME, AFTER, 1, 'revising'],
  ['returned', ON_TIME, AFTER, 0, 'returned'],
  ['submitted', ON_TIME, AFTER, 0, 'submitted_on_time'],
  ['submitted', LATE, AFTER, 0, 'late'],
  ['accepted', ON_TIME, AFTER, 0, 'submitted_on_time'],
  ['accepted', LATE, AFTER, 0, 'late'],
  ['accepted', null, BEFORE, 0, 'late'],
];

describe('a province’s standing against the deadline (China time)', () => {
  it.each(STANDINGS)('%s, submitted %s, at %s, revision %i → %s', (state, at, now, rev, want) => {
    expect(provinceProgress(state, at, DEADLINE, now, rev)).toBe(want);
  });
});

const community = (id: number, over: Partial<SnapshotCommunity> = {}): SnapshotCommunity => ({
  id,
  name: `小区${id}`,
  regionCode: '460106',
  buildYear: 1995,
  households: 100,
  buildings: 3,
  floorAreaCenti: 800_000,
  investmentYuan: 1_500_000,
  areaClass: 'city',
  exclusion: '',
  ...over,
});

describe('the diff of two versions', () => {
  it.each([
    ['nothing changed', [community(1)], [community(1)], [], [], []],
    ['one added', [community(1)], [community(1), community(2)], [2], [], []],
    ['one removed', [community(1), community(2)], [community(2)], [], [1], []],
    [
      'households and investment changed',
      [community(1)],
      [community(1, { households: 120, investmentYuan: 1_600_000 })],
      [],
      [],
      [[1, ['households', 'investmentYuan']]],
    ],
    [
      'renamed under the same id: a change, not a removal and an addition',
      [community(1)],
      [community(1, { name: '新名' })],
      [],
      [],
      [[1, ['name']]],
    ],
    ['both empty', [], [], [], [], []],
  ] as [
    string,
    SnapshotCommunity[],
    SnapshotCommunity[],
    number[],
    number[],
    [number, string[]][],
  ][])('%s', (_title, before, after, added, removed, changed) => {
    const d = diffSnapshots(before, after);
    expect(d.added.map((c) => c.id)).toEqual(added);
    expect(d.removed.map((c) => c.id)).toEqual(removed);
    expect(d.changed.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual(changed);
  });

  it('keeps the old and new value of each changed field', () => {
    const d = diffSnapshots([community(7)], [community(7, { buildYear: 2001 })]);
    expect(d.changed).toEqual([
      { id: 7, name: '小区7', fields: [{ field: 'buildYear', old: 1995, new: 2001 }] },
    ]);
  });
});

// state, side → what the side may do (submit, return, accept, revise, edit), as the web is told
const CAN: [DeclarationState, ActorSide | null, string][] = [
  ['draft', 'self', 'submit edit'],
  ['draft', 'above', ''],
  ['returned', 'self', 'submit edit'],
  ['returned', 'above', ''],
  ['submitted', 'self', ''],
  ['submitted', 'above', 'return accept'],
  ['accepted', 'self', 'revise'],
  ['accepted', 'above', ''],
  ['submitted', null, ''],
  ['draft', null, ''],
];

describe('what a side may do, told to the web', () => {
  it.each(CAN)('%s, seen by %s: %s', (state, side, want) => {
    const can = declarationCan(state, side);
    const yes = Object.entries(can)
      .filter(([, v]) => v)
      .map(([k]) => k);
    expect(yes.join(' ')).toBe(want);
  });
});
