/** 计划调整 through the API: who may revise, the reasons' vocabulary, the diff and the history. */
import { expect, it } from 'vitest';
import { declareAccepted } from '../../test-support/declarations.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { declarationWorld, view, Y } from './declarations.fixture.ts';

describeEachEngine('plan revision routes', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;

  it('walks 401/403/404/400/409 to a revision, a reason, the diff and the accepted versions', async () => {
    const base = `/api/declarations/460105/${Y}`;
    const reason = { reason: '个别小区不具备改造条件' };
    const anonymous = await world.app.inject({
      method: 'POST',
      url: `${base}/revise`,
      payload: reason,
    });
    expect(anonymous.statusCode).toBe(401);
    // Not accepted yet: nothing to revise.
    const early = await u.xiuying!.send('POST', `${base}/revise`, reason);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('当前状态为“编制中”，不能调整计划');
    expect((await u.xiuying!.get(`${base}/revision/diff`)).statusCode).toBe(404);
    expect((await u.xiuying!.get(`${base}/acceptances`)).json().items).toEqual([]);

    await declareAccepted(ctx.db.db, '460105', Y);
    expect((await u.city!.send('POST', `${base}/revise`, reason)).statusCode).toBe(403);
    expect((await u.sanya!.send('POST', `${base}/revise`, reason)).statusCode).toBe(404);
    const blank = await u.xiuying!.send('POST', `${base}/revise`, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toMatch(/请写明调整理由/);
    // A reason before the revision is open is refused.
    const community = (await u.xiuying!.get('/api/communities?region=460105&pageSize=1')).json()
      .items[0];
    const early2 = await u.xiuying!.send('PUT', `${base}/revision/reasons/${community.id}`, {
      code: 'merged',
    });
    expect(early2.statusCode).toBe(409);
    expect(early2.json().error.message).toMatch(/只有计划调整中/);

    expect((await u.xiuying!.send('POST', `${base}/revise`, reason)).json()).toEqual({
      state: 'draft',
    });
    expect(await view(u.city!, '460105')).toMatchObject({
      stateLabel: '计划调整中',
      revision: 1,
      revisionInfo: { reason: '个别小区不具备改造条件', baseVersion: 1, openedBy: 'xiuying' },
      inForce: { version: 1, acceptedBy: 'city@460100' },
    });
    const url = `${base}/revision/reasons/${community.id}`;
    const badCode = await u.xiuying!.send('PUT', url, { code: 'weather' });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.message).toMatch(
      /not_feasible、residents_changed、merged 或 other/,
    );
    const other = await u.xiuying!.send('PUT', url, { code: 'other', text: '' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toBe('原因为“其他”时请写明具体原因');
    expect((await u.city!.send('PUT', url, { code: 'merged' })).statusCode).toBe(403);
    expect(
      (await u.xiuying!.send('PUT', `${base}/revision/reasons/999999`, { code: 'merged' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await u.xiuying!.send('PUT', url, { code: 'merged', text: '并入片区项目' })).statusCode,
    ).toBe(204);

    // Nothing changed yet: the diff is empty, and submitting such a revision is refused.
    const diff = (await u.city!.get(`${base}/revision/diff`)).json();
    expect(diff).toMatchObject({ revision: 1, from: { version: 1 }, to: { version: null } });
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
    const same = await u.xiuying!.send('POST', `${base}/submit`);
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toMatch(/与现行计划（第 1 版）相同/);
    const history = (await u.city!.get(`${base}/acceptances`)).json();
    expect(history.items).toEqual([
      expect.objectContaining({ version: 1, revision: 0, revisionLabel: null, changes: null }),
    ]);
  });
});
