/** The one scope gate, on both engines: codes as routes take them, levels, and nothing outside. */
import { expect, it } from 'vitest';
import type { Actor } from '../../domain/actor.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { fullRegionCode, resolveScope } from './scope.ts';

const actor = (code: string, path: string, level: Actor['regionLevel']): Actor => ({
  userId: 0,
  username: code,
  roles: ['province'],
  regionCode: code,
  regionPath: path,
  regionLevel: level,
});
const ministry = actor('000000', '/000000/', 'country');
const haikou = actor('460100', '/000000/460000/460100/', 'prefecture');

it('reads the codes routes take: all, a province’s two digits, six digits', () => {
  expect(fullRegionCode('all')).toBe('000000');
  expect(fullRegionCode('46')).toBe('460000');
  expect(fullRegionCode('460100')).toBe('460100');
  expect(fullRegionCode('4')).toBe('4');
});

describeEachEngine('resolveScope', (ctx) => {
  it('gives the region inside the actor’s subtree, of the levels asked', async () => {
    expect((await resolveScope(ctx.db.db, ministry, 'all')).level).toBe('country');
    expect((await resolveScope(ctx.db.db, ministry, '46')).code).toBe('460000');
    expect((await resolveScope(ctx.db.db, haikou, '460106')).name).toBe('龙华区');
    await expect(
      resolveScope(ctx.db.db, ministry, 'all', { levels: ['province'], what: '省份' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: '省份 all 不存在' });
  });

  it('answers "not found" outside the subtree, for codes that do not exist and malformed ones', async () => {
    for (const code of ['460200', '42', 'all', '999999', 'x; drop table'])
      await expect(resolveScope(ctx.db.db, haikou, code)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
  });

  it('shows the regions above the actor only when asked', async () => {
    await expect(resolveScope(ctx.db.db, haikou, '46')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await resolveScope(ctx.db.db, haikou, '46', { ancestors: true })).code).toBe('460000');
  });
});
