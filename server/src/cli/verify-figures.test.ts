/**
 * `gaizao verify` checks the maintained figures too (issue 14 §1), on each engine: 0 on a ledger
 * the triggers kept; 1 naming the figure when one was changed behind them; and
 * `--rebuild-figures` recomputes them from the records, after which the check passes again.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';

const run = promisify(execFile);
const NOW = '2026-01-01T00:00:00.000Z';

interface VerifyOut {
  ok: boolean;
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
        .values({
          region_code: county.code,
          prefecture_code: county.parent_code!,
          region_path: county.path,
          street: '',
          name: `小区${i}`,
          name_key: `k${i}`,
          address: '',
          build_year: 1995,
          area_class: 'city',
          area_class_entered: 1,
          buildings: 3,
          households,
          floor_area_centi: 100_000,
          investment_yuan: 1_000_000,
          plan_year: 2022,
          content: '',
          housing_type: '',
          ownership: '',
          exclusion: 'none',
          subsidy_years: '',
          notes: '',
          version: 1,
          created_at: NOW,
          updated_at: NOW,
        })
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
});
