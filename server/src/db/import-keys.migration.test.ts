/**
 * Migration 0035: the keys an import compares by compare byte by byte on PostgreSQL (collation
 * "C", as SQLite's do), and a link into a project adds its community to the plan's figures only
 * when the project is in the 实施 pool, without looking for members to take out. Undone by `down`
 * and done again, the same.
 */
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';
import { placeOf, smallCommunity } from '../test-support/communities.ts';
import * as m0035 from './migrations/0035_import_keys.ts';

const KEYS = [
  'regions.code',
  'communities.region_code',
  'communities.prefecture_code',
  'communities.name_key',
  'projects.code',
  'projects.prefecture_code',
];

describeEachEngine('migration 0035: the keys an import compares by', (ctx) => {
  const collations = async () => {
    const rows = await sql<{ table_name: string; column_name: string; collation_name: string }>`
      select table_name, column_name, collation_name from information_schema.columns
      where table_schema = current_schema()
        and table_name in ('regions', 'communities', 'projects')`.execute(ctx.db.db);
    return KEYS.map((k) => {
      const r = rows.rows.find((c) => `${c.table_name}.${c.column_name}` === k);
      return `${k} ${r?.collation_name ?? 'default'}`;
    });
  };

  it.skipIf(ctx.engine !== 'postgres')(
    'compares them byte by byte on PostgreSQL, up, down and up again',
    async () => {
      expect(await collations()).toEqual(KEYS.map((k) => `${k} C`));
      const raw = ctx.db.db as unknown as Kysely<unknown>;
      await m0035.down(raw);
      expect(await collations()).toEqual(KEYS.map((k) => `${k} default`));
      await m0035.up(ctx.db.dialect)(raw);
      expect(await collations()).toEqual(KEYS.map((k) => `${k} C`));
    },
  );

  it('orders project codes byte by byte on both engines', async () => {
    const at = '2031-01-01T00:00:00.000Z';
    const place = placeOf('460105', '460100');
    const codes = ['XM-b', 'XM-B', 'XM-a', 'XM-A'];
    await ctx.db.db
      .insertInto('projects')
      .values(
        codes.map((code) => ({
          code,
          name: code,
          prefecture_code: place.prefecture_code,
          region_path: place.region_path,
          plan_year: 2031,
          pool: 'reserve' as const,
          version: 1,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    const ordered = await ctx.db.db
      .selectFrom('projects')
      .select('code')
      .where('code', 'in', codes)
      .orderBy('code')
      .execute();
    expect(ordered.map((r) => r.code)).toEqual(['XM-A', 'XM-B', 'XM-a', 'XM-b']);
  });

  it('adds a linked community to the figures only for a project in the 实施 pool', async () => {
    const db = ctx.db.db;
    const at = '2031-01-01T00:00:00.000Z';
    const place = placeOf('460105', '460100');
    const [planned, implemented] = await Promise.all(
      ['规划一村', '实施二村'].map(async (name) => {
        const { id } = await db
          .insertInto('communities')
          .values(smallCommunity(place, name))
          .returning('id')
          .executeTakeFirstOrThrow();
        return id;
      }),
    );
    const project = async (code: string, pool: 'planning' | 'implement') =>
      (
        await db
          .insertInto('projects')
          .values({
            code,
            name: code,
            prefecture_code: place.prefecture_code,
            region_path: place.region_path,
            plan_year: 2031,
            pool,
            version: 1,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const planning = await project('XM-0035-P', 'planning');
    const implement = await project('XM-0035-I', 'implement');
    const members = async () =>
      (await db.selectFrom('figure_members').select('community_id').execute())
        .map((r) => r.community_id)
        .filter((id) => id === planned || id === implemented)
        .sort((a, b) => a - b);

    await db
      .insertInto('project_communities')
      .values([
        { project_id: planning, community_id: planned! },
        { project_id: implement, community_id: implemented! },
      ])
      .execute();
    expect(await members()).toEqual([implemented]);
    // A second link of a member, to a project of another pool, keeps it once.
    await db
      .insertInto('project_communities')
      .values({ project_id: planning, community_id: implemented! })
      .execute();
    expect(await members()).toEqual([implemented]);
    // The planned community's project enters the 实施 pool: it joins (migration 0030's trigger).
    await db
      .updateTable('projects')
      .set({ pool: 'implement' })
      .where('id', '=', planning)
      .execute();
    expect(await members()).toEqual([planned, implemented].sort((a, b) => a! - b!));
  });
});
