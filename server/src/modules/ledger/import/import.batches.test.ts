/**
 * An import longer than a batch (2,000 rows): one batch's statement runs while the next batch is
 * checked (import.service.ts). What a batch finds against the ledger is still listed, in file
 * order, and a file that fails to read mid-way leaves nothing stored and the database usable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { totalsOf } from '../communities.repository.ts';
import { importProjectList } from './import.service.ts';
import { TableReadError } from './read-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-batches-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度,是否拟征收或拆除新建,已纳入中央补助年度';
const ROWS = 5000; // three batches
const row = (i: number) => `460105,滨海新村${i}号院,1995,3,60,5000,100,2023,,`;

function file(name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return path;
}
/** The file line of data row i (the header is line 1). */
const lineOf = (i: number) => i + 2;

describeEachEngine('an import in batches', (ctx) => {
  it('lists what every batch finds against the ledger, in file order, and stores nothing', async () => {
    // Two communities already in the ledger: one in the first batch's rows, one in the last's.
    const stored = await importProjectList(
      ctx.db.db,
      SYSTEM_ACTOR,
      file('stored.csv', [row(10), row(4900)]),
      { dryRun: false },
    );
    expect(stored).toMatchObject({ imported: 2, errorCount: 0 });
    const rows = Array.from({ length: ROWS }, (_, i) => row(i));
    rows[2500] = '460105,滨海新村2500号院,1995,零,60,5000,100,2023,,'; // the second batch's
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, file('long.csv', rows), {
      dryRun: false,
    });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [lineOf(10), '小区名称'],
      [lineOf(2500), '楼栋数'],
      [lineOf(4900), '小区名称'],
    ]);
    expect(report.errors[2]!.message).toMatch(/台账中已有的小区“滨海新村4900号院”/);
    expect(report).toMatchObject({ rows: ROWS, imported: 0, errorCount: 3 });
    expect((await totalsOf(ctx.db.db, { scopePath: '/' })).count).toBe(2);
  });

  it('stores nothing from a file that fails to read after some batches were written', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => row(10_000 + i));
    rows[4500] = `${row(14500)}${',x'.repeat(250)}`; // wider than 200 columns
    await expect(
      importProjectList(ctx.db.db, SYSTEM_ACTOR, file('broken.csv', rows), { dryRun: false }),
    ).rejects.toThrow(TableReadError);
    expect((await totalsOf(ctx.db.db, { scopePath: '/' })).count).toBe(2);
    // The connection came back whole: the next import is stored.
    rows[4500] = row(14500);
    const again = await importProjectList(ctx.db.db, SYSTEM_ACTOR, file('fixed.csv', rows), {
      dryRun: false,
    });
    expect(again).toMatchObject({ imported: ROWS, errorCount: 0 });
    expect((await totalsOf(ctx.db.db, { scopePath: '/' })).count).toBe(ROWS + 2);
  });
});
