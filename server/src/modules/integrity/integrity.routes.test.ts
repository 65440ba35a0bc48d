/**
 * Frozen records verified on every read (issue 10): a submitted version whose content is edited in
 * the database reads as `integrity: 'mismatch'`, cannot be accepted (409 INTEGRITY), and both are
 * audited; `verifyAll` names it. The same for a monthly report. Put back, all is well again.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { declarationWorld, justifyAll, Y } from '../declarations/declarations.fixture.ts';
import { recomputeHash } from './integrity.ts';
import { verifyAll } from './integrity.service.ts';

describeEachEngine('frozen records verified', (ctx) => {
  const world = declarationWorld(ctx);

  const auditActions = async () =>
    (
      await ctx.db.db.selectFrom('audit_log').select(['action', 'target']).orderBy('id').execute()
    ).map((a) => `${a.action} ${a.target}`);

  it('an edited submission reads as mismatch, is refused acceptance with 409, and is audited', async () => {
    const { u } = world;
    await justifyAll(u.county!, '460106');
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/submit`)).statusCode).toBe(
      200,
    );
    expect((await verifyAll(ctx.db.db)).mismatches).toEqual([]);
    const snap = await ctx.db.db
      .selectFrom('declaration_snapshots')
      .selectAll()
      .where('unit_code', '=', '460106')
      .executeTakeFirstOrThrow();
    expect((await u.county!.get(`/api/declarations/460106/${Y}`)).json().submitted).toMatchObject({
      integrity: 'ok',
    });

    // A community's investment ×10, in the database.
    const content = JSON.parse(snap.content) as {
      communities: { investmentYuan: number }[];
    };
    content.communities[0]!.investmentYuan *= 10;
    await ctx.db.db
      .updateTable('declaration_snapshots')
      .set({ content: JSON.stringify(content) })
      .where('id', '=', snap.id)
      .execute();

    const page = (await u.city!.get(`/api/declarations/460106/${Y}`)).json();
    expect(page.submitted).toMatchObject({ integrity: 'mismatch', hash: snap.hash });
    const version = (await u.city!.get(`/api/declarations/460106/${Y}/versions/1`)).json();
    expect(version.integrity).toBe('mismatch');
    const refused = await u.city!.send('POST', `/api/declarations/460106/${Y}/accept`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'INTEGRITY', region: '460106' });
    expect(refused.json().error.message).toContain('数据校验失败');
    expect(
      (await u.city!.get(`/api/declarations/460106/${Y}`)).json().state,
      'nothing accepted',
    ).toBe('submitted');
    const actions = await auditActions();
    expect(actions).toContain(`integrity.mismatch declaration_snapshot/${snap.id}`);
    expect(actions).toContain(`integrity.refused declaration_snapshot/${snap.id}`);

    const { mismatches } = await verifyAll(ctx.db.db);
    expect(mismatches).toEqual([
      expect.objectContaining({
        kind: 'declaration_snapshot',
        id: String(snap.id),
        region: '460106',
        stored: snap.hash,
        recomputed: recomputeHash(JSON.stringify(content)),
      }),
    ]);

    // Put back: the version holds again and is accepted.
    await ctx.db.db
      .updateTable('declaration_snapshots')
      .set({ content: snap.content })
      .where('id', '=', snap.id)
      .execute();
    expect((await u.city!.send('POST', `/api/declarations/460106/${Y}/accept`)).statusCode).toBe(
      200,
    );
    expect((await verifyAll(ctx.db.db)).mismatches).toEqual([]);
  });

  it('an edited monthly report reads as mismatch and verify names it', async () => {
    const base = `/api/monthly-reports/460106/${Y}/${Y}-06`;
    const submitted = await world.u.county!.send('POST', base);
    expect(submitted.statusCode, submitted.body).toBe(201);
    const url = `${base}/versions/1`;
    expect((await world.u.county!.get(url)).json().integrity).toBe('ok');
    const row = await ctx.db.db
      .selectFrom('monthly_reports')
      .selectAll()
      .where('unit_code', '=', '460106')
      .executeTakeFirstOrThrow();
    const content = JSON.parse(row.content) as { table: { title: string } };
    content.table.title += '（改）';
    await ctx.db.db
      .updateTable('monthly_reports')
      .set({ content: JSON.stringify(content) })
      .where('id', '=', row.id)
      .execute();
    expect((await world.u.county!.get(url)).json().integrity).toBe('mismatch');
    const { mismatches } = await verifyAll(ctx.db.db);
    expect(mismatches.map((m) => [m.kind, m.id, m.region, m.stored])).toEqual([
      ['monthly_report', String(row.id), '460106', row.hash],
    ]);
    expect(await auditActions()).toContain(`integrity.mismatch monthly_report/${row.id}`);
  });
});
