import { describe, expect, it } from 'vitest';
import { matchEarlier } from './earlier-plans.ts';

describe('matchEarlier', () => {
  const planned = [
    { id: 1, name: '幸福小区（一期）', regionCode: '460106' },
    { id: 2, name: '机械厂家属院', regionCode: '460106' },
    { id: 3, name: '建设路3号院', regionCode: '460106' },
    { id: 4, name: '椰林花园', regionCode: '460106' },
    { id: 5, name: '渡假村北区', regionCode: '460106' },
  ];
  const earlier = [
    { name: '幸福小区一期', regionCode: '460106', year: 2021 },
    { name: '幸福小区一期', regionCode: '460105', year: 2021 },
    { name: '建设路4号院', regionCode: '460106', year: 2020 },
    { name: '度假村北区', regionCode: '460106', year: 2019 },
    { name: '别的名字', regionCode: '460106', year: 2022, communityId: 4 },
  ];
  const byId = new Map(matchEarlier(planned, earlier).map((m) => [m.planned.id, m]));

  it('matches the same name in the same unit only, and the same community whatever its name now', () => {
    expect(byId.get(1)!.exact.map((e) => e.regionCode)).toEqual(['460106']);
    expect(byId.get(4)!.exact).toEqual([earlier[4]]);
    expect(byId.has(2)).toBe(false);
  });
  it('suspects a name one edit away, but not one that differs only by its number', () => {
    expect(byId.get(5)).toMatchObject({ exact: [], suspected: [earlier[3]] });
    expect(byId.has(3)).toBe(false);
  });
});
