/**
 * Round trip (issue 3): a synthetic file over every province imported, exported and compared gives
 * back every row, every Chinese character and every decimal exactly, in csv and in xlsx. The full
 * national scale is GAIZAO_ROUNDTRIP_ROWS=220000; by default 6,000 rows keep the suite quick on both engines.
 */
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { syntheticRows } from '../../../demo/synthetic.ts';
import { COLUMNS, HEADERS } from '../../../domain/ledger/template.ts';
import { describeEachEngine, newDatabaseUrl } from '../../../test-support/engines.ts';
import { openDatabase } from '../../../bootstrap.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { importProjectList } from '../import/import.service.ts';
import { readTable } from '../import/read-table.ts';
import { csvLine } from '../../../domain/spreadsheet-cells.ts';
import { exportLedger } from './export.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-rt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// GAIZAO_ROUNDTRIP_ROWS=220000 runs the national-scale round trip (a few minutes per engine).
const ROWS = Number(process.env.GAIZAO_ROUNDTRIP_ROWS ?? 6000);
const KEYS = COLUMNS.map((c) => c.key).filter((k) => k !== 'seq' && k !== 'regionName');

async function readAll(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of readTable(path)) rows.push(r.cells);
  return rows;
}

/** Rows keyed by 区划代码 + 小区名称, with the columns compared (序号 and 区县 are presentation). */
function byKey(rows: string[][]): Map<string, string[]> {
  const [header, ...body] = rows;
  const idx = KEYS.map((k) => header!.indexOf(COLUMNS.find((c) => c.key === k)!.header));
  const exclusion = KEYS.indexOf('exclusion');
  // 是否拟征收或拆除新建: empty means 否 (import-template.md); the export writes it out.
  // The export guards formula-like text with an apostrophe, which the import takes off again.
  const unguard = (v: string) => v.replace(/^'(?=[=+\-@])/, '');
  const cells = (r: string[]) =>
    idx.map((i, k) => (k === exclusion && !r[i] ? '否' : unguard(r[i] ?? '')));
  return new Map(body.map((r) => cells(r)).map((c) => [`${c[0]}|${c[2]}`, c]));
}

describeEachEngine('ledger round trip', (ctx) => {
  it(`imports ${ROWS} rows over every province, exports csv and xlsx, and re-imports them identically`, async () => {
    const units = await ctx.db.db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('is_ledger_unit', '=', 1)
      .orderBy('code')
      .execute();
    let text = '\uFEFF' + csvLine([...HEADERS]);
    for (const row of syntheticRows(units, ROWS, { seed: 42, planYears: [2022, 2023] })) {
      // Names that stress the path: quotes, commas, full-width brackets, formula-like text, rare characters.
      if (row.seq === '7') row.name = '"老"厂区,东院（一期）';
      if (row.seq === '8') row.name = '-1号楼';
      if (row.seq === '9') row.name = '𠀋𡈽𡌛小区';
      text += csvLine(COLUMNS.map((c) => row[c.key]));
    }
    const source = join(dir, `source-${ctx.engine}.csv`);
    writeFileSync(source, text);
    const first = await importProjectList(ctx.db.db, SYSTEM_ACTOR, source, { dryRun: false });
    expect(first.errors).toEqual([]);
    expect(first.imported).toBe(ROWS);
    if (ctx.engine === 'postgres') {
      // A large import leaves PostgreSQL's planner with statistics of what it loaded.
      const stats = await sql<{ analyzed: boolean }>`select last_analyze is not null as analyzed
        from pg_stat_user_tables where schemaname = current_schema() and relname = 'communities'`.execute(
        ctx.db.db,
      );
      expect(stats.rows).toEqual([{ analyzed: true }]);
    }

    const expected = byKey(await readAll(source));
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = join(dir, `export-${ctx.engine}.${format}`);
      const out = createWriteStream(exported);
      const done = once(out, 'finish');
      expect(await exportLedger(ctx.db.db, { scopePath: '/' }, format, out)).toBe(ROWS);
      await done;
      const got = byKey(await readAll(exported));
      expect(got.size).toBe(ROWS);
      for (const [key, cells] of expected) expect(got.get(key), `${format} ${key}`).toEqual(cells);
      if (format === 'csv') expect(await readFile(exported, 'utf8')).toContain(`'-1号楼`);

      // And into an empty database: the same ledger again.
      const target = newDatabaseUrl(ctx.engine);
      const empty = await openDatabase(target.url);
      try {
        const again = await importProjectList(empty.db, SYSTEM_ACTOR, exported, { dryRun: false });
        expect(again.errors).toEqual([]);
        expect(again.imported).toBe(ROWS);
      } finally {
        await empty.destroy();
        await target.cleanup();
      }
    }
  }, 3_600_000);
});
