/**
 * Backup and restore (issue 10, cli.md): one gzip'd JSON-lines archive of every table and every
 * uploaded file, consistent as at one moment and taken while the server runs — all tables are read
 * in one transaction (SQLite: a read transaction on the WAL snapshot; PostgreSQL: REPEATABLE READ,
 * one snapshot for every statement). Files are immutable once written and named by the rows read
 * in that transaction. Restore goes into an empty database only, in one transaction, its files
 * into UPLOAD_DIR (stored paths are relative to it, migration 0014).
 *
 * Archive lines: a header {format, version, createdAt, engine, migrations}; per table
 * {table, columns} then {t, r: [values]}; per file {file, data (base64)}; a trailer {end, counts}.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import * as repo from './backup.repository.ts';

export const FORMAT = 'gaizao-backup';
/**
 * Filled by opening a database (the region tree, the migrations' plan-year policies and national
 * targets, the audit chain's head): replaced by the archive's rows, not counted as content.
 */
const SEEDED = new Set([
  'regions',
  'plan_policies',
  'audit_chain',
  'start_targets',
  'completion_targets',
]);
/** Tables whose rows name an uploaded file in `file_path`, relative to UPLOAD_DIR. */
const FILE_TABLES = ['community_attachments', 'plan_approvals', 'fiscal_assessments'] as const;

export class RestoreRefused extends Error {}

export interface BackupSummary {
  tables: Record<string, number>;
  files: number;
  missingFiles: string[];
}

export async function writeBackup(db: Db, uploadDir: string, out: string): Promise<BackupSummary> {
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(out));
  const write = async (o: unknown) => {
    if (!gzip.write(`${JSON.stringify(o)}\n`)) await once(gzip, 'drain');
  };
  const summary: BackupSummary = { tables: {}, files: 0, missingFiles: [] };
  const dump = async (trx: Kysely<Database>) => {
    const columns = await repo.tableColumns(trx, db.dialect);
    await write({
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      engine: db.dialect,
      migrations: await repo.migrationsDone(trx),
    });
    for (const table of await repo.tablesInOrder(trx, db.dialect)) {
      const cols = columns.get(table)!;
      await write({ table, columns: cols });
      const rows = await repo.rowsOf(trx, table, cols);
      for (const r of rows) await write({ t: table, r: cols.map((c) => r[c] ?? null) });
      summary.tables[table] = rows.length;
      if ((FILE_TABLES as readonly string[]).includes(table))
        for (const r of rows) {
          if (r.file_path === null || r.file_path === undefined) continue;
          const path = String(r.file_path);
          const data = await readFile(resolve(uploadDir, path)).catch(() => undefined);
          if (!data) summary.missingFiles.push(path);
          else {
            await write({ file: basename(path), data: data.toString('base64') });
            summary.files++;
          }
        }
    }
    await write({ end: true, tables: summary.tables, files: summary.files });
  };
  try {
    if (db.dialect === 'postgres')
      await db.db.transaction().setIsolationLevel('repeatable read').execute(dump);
    else await db.db.transaction().execute(dump);
  } finally {
    gzip.end();
    await done;
  }
  return summary;
}

interface Header {
  format: string;
  version: number;
  migrations: string[];
}

/** Restores `file` into `db`, which must be empty; files go into `uploadDir`. */
export async function restoreBackup(
  db: Db,
  uploadDir: string,
  file: string,
): Promise<{ tables: Record<string, number>; files: number }> {
  const written: string[] = [];
  const counts: Record<string, number> = {};
  let files = 0;
  await mkdir(uploadDir, { recursive: true });
  try {
    await db.db.transaction().execute(async (trx) => {
      const columns = await repo.tableColumns(trx, db.dialect);
      const notEmpty: string[] = [];
      for (const t of columns.keys())
        if (!SEEDED.has(t) && (await repo.countRows(trx, t)) > 0) notEmpty.push(t);
      if (notEmpty.length)
        throw new RestoreRefused(
          `目标数据库不是空的（已有数据的表：${notEmpty.join('、')}），拒绝恢复`,
        );
      let header: Header | undefined;
      let table: { name: string; columns: string[] } | undefined;
      let batch: Record<string, unknown>[] = [];
      let ended = false;
      const flush = async () => {
        if (table && batch.length) await repo.insertRows(trx, table.name, batch);
        batch = [];
      };
      // Opened only now: lines a readline interface emits before its loop starts are lost.
      const input = createReadStream(file).pipe(createGunzip());
      for await (const line of createInterface({ input, crlfDelay: Infinity })) {
        if (!line) continue;
        const o = JSON.parse(line) as Record<string, unknown>;
        if (!header) {
          if (o.format !== FORMAT) throw new RestoreRefused('不是 gaizao 备份文件');
          header = o as unknown as Header;
          const mine = await repo.migrationsDone(trx);
          if (JSON.stringify(mine) !== JSON.stringify(header.migrations))
            throw new RestoreRefused(
              `备份的数据库版本（${header.migrations.at(-1)}）与本程序（${mine.at(-1)}）不同，请用相同版本恢复`,
            );
        } else if (typeof o.table === 'string') {
          await flush();
          const cols = o.columns as string[];
          const have = columns.get(o.table);
          if (!have || cols.some((c) => !have.includes(c)))
            throw new RestoreRefused(`备份中的表 ${o.table} 与目标数据库的结构不符`);
          table = { name: o.table, columns: cols };
          counts[o.table] = 0;
          if (SEEDED.has(o.table)) await repo.clearTable(trx, o.table);
        } else if (typeof o.t === 'string') {
          if (!table || o.t !== table.name) throw new RestoreRefused('备份文件结构有误');
          const values = o.r as unknown[];
          batch.push(Object.fromEntries(table.columns.map((c, i) => [c, values[i]])));
          counts[table.name]!++;
          if (batch.length >= 500) await flush();
        } else if (typeof o.file === 'string') {
          const name = basename(o.file);
          const path = resolve(uploadDir, name);
          await writeFile(path, Buffer.from(String(o.data), 'base64'), { flag: 'wx' });
          written.push(path);
          files++;
        } else if (o.end === true) {
          await flush();
          ended = true;
        }
      }
      if (!ended) throw new RestoreRefused('备份文件不完整（缺少结尾），可能在写入时被中断');
      if (db.dialect === 'postgres')
        for (const [t, cols] of columns) if (cols.includes('id')) await repo.resetSequence(trx, t);
    });
  } catch (e) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    if (e instanceof SyntaxError || (e as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw new RestoreRefused(`备份文件无法读取：${(e as Error).message}`);
    throw e;
  }
  return { tables: counts, files };
}
