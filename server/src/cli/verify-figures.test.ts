/**
 * `gaizao verify` checks the maintained figures too (issue 14 §1), on each engine: 0 on a ledger
 * the triggers kept; 1 naming the figure when one was changed behind them; and
 * `--rebuild-figures` recomputes them from the records, after which the check passes again.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { communityRow } from '../test-support/communities.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import { insertSnapshot } from '../modules/declarations/declarations.repository.ts';
import type { SnapshotContent } from '../modules/declarations/declarations.units.ts';
import { recomputeHash } from '../modules/integrity/integrity.ts';

const run = promisify(execFile);
const NOW = '2026-01-01T00:00:00.000Z';

interface VerifyOut {
  ok: boolean;
  mismatches: { kind: string; id: string; problem: string }[];
  figures: { checked: Record<string, number>; mismatches: { table: string; key: string }[] };
}

describeEachEngine('gaizao verify: the maintained figures', (ctx) => {
  async function verify(...extra: string[]) {
    try {
      const { stdout } = await run(
        process.execPath,
        [
          '--import',
          'tsx',
          'server/src/cli/main.ts',
          'verify',
          '--json',
          ...extra,
          '--db',
          ctx.url,
        ],
        { env: { ...process.env, DATABASE_URL: '' } },
      );
      return { code: 0, out: JSON.parse(stdout) as VerifyOut };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      if (!err.stdout) throw new Error(err.stderr, { cause: e });
      return { code: err.code, out: JSON.parse(err.stdout) as VerifyOut };
    }
  }

  it('passes, finds a figure changed behind the triggers, and rebuilds', async () => {
    const db = ctx.db.db;
    const county = await db
      .selectFrom('regions')
      .select(['code', 'path', 'parent_code'])
      .where('level', '=', 'county')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const project = await db
      .insertInto('projects')
      .values({
        code: 'P1',
        name: '项目',
        prefecture_code: county.parent_code!,
        region_path: county.path,
        plan_year: 2022,
        pool: 'implement',
        version: 1,
        created_at: NOW,
        updated_at: NOW,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, households] of [120, 80].entries()) {
      const c = await db
        .insertInto('communities')
        .values(
          communityRow(
            {
              region_code: county.code,
              prefecture_code: county.parent_code!,
              region_path: county.path,
            },
            {
              name: `小区${i}`,
              name_key: `k${i}`,
              build_year: 1995,
              buildings: 3,
              households,
              floor_area_centi: 100_000,
              investment_yuan: 1_000_000,
              plan_year: 2022,
              at: NOW,
            },
          ),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('project_communities')
        .values({ project_id: project.id, community_id: c.id })
        .execute();
    }
    const good = await verify();
    expect(good.code).toBe(0);
    expect(good.out.figures.checked).toMatchObject({ members: 2, plan: 1 });

    await db.updateTable('plan_figures').set({ households: 199 }).execute();
    const bad = await verify();
    expect(bad.code).toBe(1);
    expect(bad.out.figures.mismatches).toEqual([
      expect.objectContaining({
        table: 'plan_figures',
        stored: expect.stringContaining('199'),
        recomputed: expect.stringContaining('200'),
      }),
    ]);

    const rebuilt = await verify('--rebuild-figures');
    expect(rebuilt).toMatchObject({ code: 0, out: { ok: true } });
    const row = await db.selectFrom('plan_figures').select('households').executeTakeFirstOrThrow();
    expect(Number(row.households)).toBe(200);
  }, 60_000);

  it("finds a frozen plan's counts by region edited or missing, and counts intact plans again", async () => {
    const db = ctx.db.db;
    const content = {
      communities: [
        { regionCode: '460106', households: 90 },
        { regionCode: '460105', households: 30 },
        { regionCode: '460106', households: 60 },
      ],
      table: null,
    } as unknown as SnapshotContent;
    const id = await insertSnapshot(db, {
      unit: '460000',
      year: 2031,
      kind: 'submission',
      version: 1,
      hash: recomputeHash(JSON.stringify(content)),
      content,
      by: 'test',
      at: NOW,
    });
    const counts = () =>
      db
        .selectFrom('snapshot_counts')
        .select(['counts', 'hash'])
        .where('snapshot_id', '=', id)
        .executeTakeFirst();
    const frozen = await counts();
    expect(JSON.parse(frozen!.counts)).toEqual([
      ['460105', 1, 30],
      ['460106', 2, 150],
    ]);
    expect((await verify()).code).toBe(0);
    const problems = async () =>
      (await verify()).out.mismatches.filter((m) => m.id.startsWith(`${id}`));

    await db
      .updateTable('snapshot_counts')
      .set({ counts: '[["460105",1,30],["460106",2,151]]' })
      .where('snapshot_id', '=', id)
      .execute();
    expect(await problems()).toEqual([
      expect.objectContaining({ id: `${id}/counts`, problem: expect.stringContaining('校验码') }),
    ]);
    await db.deleteFrom('snapshot_counts').where('snapshot_id', '=', id).execute();
    expect(await problems()).toEqual([
      expect.objectContaining({ id: `${id}/counts`, problem: expect.stringContaining('缺少') }),
    ]);
    expect(await verify('--rebuild-figures')).toMatchObject({ code: 0, out: { ok: true } });
    expect(await counts()).toEqual(frozen);

    // A plan whose content was edited is not counted again: its counts stay as frozen.
    await db
      .updateTable('declaration_snapshots')
      .set({ content: JSON.stringify({ ...content, communities: [] }) })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('snapshot_counts').where('snapshot_id', '=', id).execute();
    const tampered = await verify('--rebuild-figures');
    expect(tampered.code).toBe(1);
    expect(tampered.out.mismatches.filter((m) => m.id.startsWith(`${id}`))).toEqual([
      expect.objectContaining({ id: `${id}`, problem: expect.stringContaining('内容') }),
    ]);
    expect(await counts()).toBeUndefined();
  }, 60_000);
});
