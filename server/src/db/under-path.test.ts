import { CompiledQuery, sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';
import { underPath } from './under-path.ts';

/** Paths of the real tree's shapes, and neighbours that share digits but not the subtree. */
const PATHS = [
  '/000000/',
  '/000000/510000/',
  '/000000/510000/510100/',
  '/000000/510000/510100/510104/',
  '/000000/510000/5101A0/',
  '/000000/5100001/',
  '/000000/51000/',
  '/000000/510001/',
  '/000000/520000/',
  '/000000/420000/4201A0/',
];

describeEachEngine('underPath: a subtree as a range on the path', (ctx) => {
  // A table of bare paths, in the column type and collation of communities.region_path.
  const probe = () => ctx.db.db.withTables<{ path_probe: { path: string } }>();
  beforeAll(async () => {
    await probe()
      .schema.createTable('path_probe')
      .addColumn('path', 'varchar(64)', (c) =>
        ctx.engine === 'postgres' ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull(),
      )
      .execute();
    await probe()
      .insertInto('path_probe')
      .values(PATHS.map((path) => ({ path })))
      .execute();
  });
  const under = async (path: string) =>
    (
      await probe()
        .selectFrom('path_probe')
        .select('path')
        .where((e) => underPath(e, 'path', path))
        .orderBy('path')
        .execute()
    ).map((r) => r.path);

  it('keeps a province, its prefectures, counties and functional zones, and no neighbour sharing digits', async () => {
    expect(await under('/000000/510000/')).toEqual([
      '/000000/510000/',
      '/000000/510000/510100/',
      '/000000/510000/510100/510104/',
      '/000000/510000/5101A0/',
    ]);
    expect(await under('/000000/51000/')).toEqual(['/000000/51000/']);
    expect(await under('/000000/510000/5101A0/')).toEqual(['/000000/510000/5101A0/']);
    expect(await under('/000000/530000/')).toEqual([]);
  });

  it('takes everything under the root', async () => {
    expect(await under('/')).toEqual([...PATHS].sort());
    expect(await under('/000000/')).toEqual([...PATHS].sort());
  });

  it('is served by the path index of communities', async () => {
    const q = ctx.db.db
      .selectFrom('communities as c')
      .select('c.id')
      .where('c.plan_year', '=', 2022)
      .where((e) => underPath(e, 'c.region_path', '/000000/510000/'));
    const compiled = q.compile();
    const explain = (prefix: string) =>
      CompiledQuery.raw(`${prefix} ${compiled.sql}`, [...compiled.parameters]);
    if (ctx.engine === 'sqlite') {
      const plan = await ctx.db.db.executeQuery<{ detail: string }>(explain('explain query plan'));
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(
        /USING (COVERING )?INDEX communities_\w+ \(.*region_path>\? AND region_path<\?\)/,
      );
    } else {
      // The table is empty, so a sequential scan would win: forbid it to see what the index serves.
      const plan = await ctx.db.db.connection().execute(async (conn) => {
        await sql`set enable_seqscan = off`.execute(conn);
        const rows = await conn.executeQuery<{ 'QUERY PLAN': string }>(explain('explain'));
        await sql`reset enable_seqscan`.execute(conn);
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(
        /Index Cond: .*region_path\)?(::text)? >= .*region_path\)?(::text)? < /s,
      );
    }
  });

  it('compares the paths by code point, whatever the database collation', async () => {
    if (ctx.engine === 'sqlite') {
      // SQLite compares text by its bytes: a child sorts below its parent's upper bound.
      const { rows } = await sql<{ below: number }>`
        select '/000000/510000/510100/' < '/000000/510000/~' as below`.execute(ctx.db.db);
      expect(rows[0]!.below).toBe(1);
      return;
    }
    const { rows } = await sql<{ table_name: string; collation_name: string | null }>`
      select table_name, collation_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'region_path'
        and table_name in ('communities', 'projects')
      order by table_name`.execute(ctx.db.db);
    expect(rows).toEqual([
      { table_name: 'communities', collation_name: 'C' },
      { table_name: 'projects', collation_name: 'C' },
    ]);
  });
});
