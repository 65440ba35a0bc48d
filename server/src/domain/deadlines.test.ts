import { describe, expect, it } from 'vitest';
import {
  cappedNote,
  changedDeadlines,
  deadlineAlongChain,
  deadlineUnder,
  pathCodes,
  subtreeDeadlines,
  type ChainUnit,
} from './deadlines.ts';

const P = '2021-06-30';

describe('deadlines along the chain of units', () => {
  it.each([
    // plan year's; province, city, county internal deadlines → the county's deadline, its city's
    [P, [null, null, null], P, P, false],
    [P, [null, null, '2021-06-10'], '2021-06-10', P, false],
    [P, [null, '2021-06-20', null], '2021-06-20', '2021-06-20', false],
    [P, [null, '2021-06-20', '2021-06-10'], '2021-06-10', '2021-06-20', false],
    // The province moved the city earlier than the county's own: the city's holds.
    [P, [null, '2021-06-05', '2021-06-10'], '2021-06-05', '2021-06-05', true],
    // The plan year's moved earlier than both.
    ['2021-06-01', [null, '2021-06-20', '2021-06-10'], '2021-06-01', '2021-06-01', true],
    // A level with no internal deadline passes on the one above it.
    [P, ['2021-06-15', null, '2021-06-20'], '2021-06-15', '2021-06-15', true],
    [P, [null, null, '2021-06-30'], P, P, false],
  ] as [string, (string | null)[], string, string, boolean][])(
    'plan year %s, chain %j → %s under %s (capped %s)',
    (policy, internals, deadline, parent, capped) =>
      expect(deadlineAlongChain(policy, internals)).toEqual({
        deadline,
        internal: internals[2],
        parent,
        capped,
      }),
  );

  it('takes a province’s deadline from the plan year’s', () => {
    expect(deadlineAlongChain(P, [undefined])).toEqual({
      deadline: P,
      internal: null,
      parent: P,
      capped: false,
    });
    expect(deadlineUnder('2021-06-20', '2021-06-25')).toMatchObject({
      deadline: '2021-06-20',
      capped: true,
    });
  });

  it('splits a path into its codes, top first', () => {
    expect(pathCodes('/000000/460000/460100/460106/')).toEqual([
      '000000',
      '460000',
      '460100',
      '460106',
    ]);
  });

  const tree: ChainUnit[] = [
    // listed bottom-up on purpose: the order must not matter
    { code: '460106', parentCode: '460100', path: '/0/460000/460100/460106/', internal: null },
    {
      code: '460105',
      parentCode: '460100',
      path: '/0/460000/460100/460105/',
      internal: '2021-06-10',
    },
    { code: '469001', parentCode: '460000', path: '/0/460000/469001/', internal: null },
    { code: '460100', parentCode: '460000', path: '/0/460000/460100/', internal: '2021-06-20' },
    { code: '460000', parentCode: '000000', path: '/0/460000/', internal: null },
  ];

  it('gives every unit of a subtree the earliest deadline along its chain', () => {
    expect(Object.fromEntries(subtreeDeadlines(P, tree))).toEqual({
      '460000': P,
      '460100': '2021-06-20',
      '460105': '2021-06-10',
      '460106': '2021-06-20',
      '469001': P,
    });
    const earlier = tree.map((u) => (u.code === '460100' ? { ...u, internal: '2021-06-05' } : u));
    const changes = changedDeadlines(subtreeDeadlines(P, tree), subtreeDeadlines(P, earlier));
    // 469001 and the province keep the plan year's: not among the changes.
    expect(changes.sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '460100', before: '2021-06-20', after: '2021-06-05' },
      { code: '460105', before: '2021-06-10', after: '2021-06-05' },
      { code: '460106', before: '2021-06-20', after: '2021-06-05' },
    ]);
  });

  it('says when a unit’s own internal deadline is capped, and by whom', () => {
    expect(cappedNote(deadlineUnder('2021-06-05', '2021-06-10'), '海口市')).toBe(
      '受上级截止日期限制：按海口市的截止日期 2021-06-05（内部截止日期 2021-06-10 晚于此日期）',
    );
    expect(cappedNote(deadlineUnder('2021-06-20', '2021-06-10'), '海口市')).toBeNull();
    expect(cappedNote(deadlineUnder('2021-06-20'), '海口市')).toBeNull();
  });
});
