/**
 * The web import: upload → check (a dry run, every problem listed) → confirm → import in the
 * background while the page polls progress. The file and the job's state are in a directory and a
 * table, not in process memory, so any server can report a job's state; the live row counter of a
 * running job is the one thing kept in memory, by the server running it (see docs/adr/0003).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../domain/actor.ts';
import { AppError, forbidden, notFound, validation } from '../../../errors.ts';
import { canEditLedger } from '../ledger.policy.ts';
import { importSubsidyHistory } from './history-import.service.ts';
import { importProjectList, type ImportOptions, type ImportReport } from './import.service.ts';
import { TableReadError } from './read-table.ts';

const liveProgress = new Map<string, number>();

export type ImportKind = ImportReport['kind'];

/** The import of a kind: a project list, or a subsidised-history list (issue 9 §4). */
const runImport = (
  kind: ImportKind,
  db: Kysely<Database>,
  actor: Actor,
  path: string,
  opts: ImportOptions & { fileName?: string },
) =>
  kind === 'subsidised-history'
    ? importSubsidyHistory(db, actor, path, opts)
    : importProjectList(db, actor, path, opts);

/** Opens a connection of its own for a long import (see Db.detached). */
export type Connect = () => Promise<{ db: Kysely<Database>; destroy: () => Promise<void> }>;

async function onOwnConnection<T>(
  connect: Connect,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const own = await connect();
  try {
    return await work(own.db);
  } finally {
    await own.destroy();
  }
}

export interface ImportJob {
  id: string;
  fileName: string;
  status: 'checking' | 'checked' | 'invalid' | 'importing' | 'imported' | 'failed';
  rowsDone: number;
  report: ImportReport | null;
  error: string | null;
}

async function loadJob(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.user_id !== actor.userId) throw notFound('导入任务');
  return row;
}

function present(row: Awaited<ReturnType<typeof loadJob>>): ImportJob {
  const result = row.result
    ? (JSON.parse(row.result) as { report?: ImportReport; error?: string })
    : {};
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status,
    rowsDone: liveProgress.get(row.id) ?? row.rows_done,
    report: result.report ?? null,
    error: result.error ?? null,
  };
}

async function setStatus(
  db: Kysely<Database>,
  id: string,
  status: ImportJob['status'],
  result: { report?: ImportReport; error?: string } | null,
  rowsDone: number,
) {
  await db
    .updateTable('imports')
    .set({
      status,
      result: result ? JSON.stringify(result) : null,
      rows_done: rowsDone,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** Saves the upload and checks it (nothing is stored in the ledger). */
export async function uploadAndCheck(
  db: Kysely<Database>,
  connect: Connect,
  actor: Actor,
  uploadDir: string,
  fileName: string,
  file: Readable & { truncated?: boolean },
  kind: ImportKind = 'projects',
): Promise<ImportJob> {
  if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
  const id = randomBytes(12).toString('base64url');
  await mkdir(uploadDir, { recursive: true });
  const path = join(uploadDir, `${id}.upload`);
  await pipeline(file, createWriteStream(path));
  if (file.truncated) {
    await rm(path, { force: true });
    throw validation('文件过大，上限 64 MB');
  }
  const now = new Date().toISOString();
  await db
    .insertInto('imports')
    .values({
      id,
      user_id: actor.userId,
      file_name: fileName.slice(0, 255),
      file_path: path,
      status: 'checking',
      rows_done: 0,
      result: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  try {
    const report = await onOwnConnection(connect, (own) =>
      runImport(kind, own, actor, path, { dryRun: true, fileName }),
    );
    await setStatus(db, id, report.errorCount ? 'invalid' : 'checked', { report }, report.rows);
  } catch (e) {
    await rm(path, { force: true });
    const message =
      e instanceof TableReadError
        ? e.message
        : e instanceof AppError
          ? e.message
          : '检查文件时出错';
    await setStatus(db, id, 'failed', { error: message }, 0);
    if (e instanceof TableReadError) throw validation(message);
    throw e;
  }
  return present(await loadJob(db, actor, id));
}

/** Starts the import of a checked file; answers at once, the page polls getImport. */
export async function confirmImport(
  db: Kysely<Database>,
  connect: Connect,
  actor: Actor,
  id: string,
): Promise<ImportJob> {
  if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
  const row = await loadJob(db, actor, id);
  if (row.status !== 'checked')
    throw new AppError(
      'CONFLICT',
      row.status === 'invalid'
        ? '文件有错误，不能导入，请修改后重新上传'
        : `该导入任务当前状态为“${row.status}”，不能再次导入`,
    );
  const claimed = await db
    .updateTable('imports')
    .set({ status: 'importing', updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('status', '=', 'checked')
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该文件正在导入');
  liveProgress.set(id, 0);
  // The kind the file was checked as (its check's report), so it is imported as that.
  const kind: ImportKind =
    (row.result ? (JSON.parse(row.result) as { report?: ImportReport }).report?.kind : undefined) ??
    'projects';
  void (async () => {
    try {
      const report = await onOwnConnection(connect, (own) =>
        runImport(kind, own, actor, row.file_path, {
          dryRun: false,
          fileName: row.file_name,
          onProgress: (n) => liveProgress.set(id, n),
        }),
      );
      await setStatus(db, id, report.errorCount ? 'invalid' : 'imported', { report }, report.rows);
    } catch (e) {
      await setStatus(
        db,
        id,
        'failed',
        {
          error:
            e instanceof Error && (e instanceof AppError || e instanceof TableReadError)
              ? e.message
              : '导入失败，台账未改变',
        },
        0,
      );
    } finally {
      liveProgress.delete(id);
      await rm(row.file_path, { force: true });
    }
  })();
  return present(await loadJob(db, actor, id));
}

export async function getImport(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<ImportJob> {
  return present(await loadJob(db, actor, id));
}
