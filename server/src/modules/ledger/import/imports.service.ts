/**
 * The web import: upload → check (a dry run, every problem listed) → confirm → import in the
 * background while the page polls progress. The file and the job's state are in a directory and a
 * table, not in process memory, so any server can report a job's state; the live row counter of a
 * running job is the one thing kept in memory, by the server running it (see docs/adr/0003).
 *
 * A job's upload is kept only while the job may still need it (checking, checked, importing,
 * interrupted) and removed as soon as it ends (imported, invalid, failed, cancelled) or expires
 * (import-jobs.sweep.ts); a user's pending uploads are capped in number and bytes. The server
 * running a job renews its heartbeat, so that a server starting takes only jobs whose lease ran
 * out for dead ones (已中断) — see docs/security-imports.md.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { sqliteHandle } from '../../../db/create-db.ts';
import type { ImportJob, ImportKind } from '../../../../../common/api/ledger.ts';
import type { ImportStatus } from '../../../../../common/ledger.ts';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../domain/actor.ts';
import { AppError, conflict, forbidden, notFound, validation } from '../../../errors.ts';
import { canEditLedger } from '../ledger.policy.ts';
import { importSubsidyHistory } from './history-import.service.ts';
import { importProjectList, type ImportOptions, type ImportReport } from './import.service.ts';
import {
  beat,
  findJob,
  insertJob,
  moveJob,
  pendingUsage,
  type ImportJobRow,
} from './import-jobs.repository.ts';
import { TableReadError } from './read-table.ts';

const liveProgress = new Map<string, number>();

/** The jobs this process is running (checking or importing): never taken for dead ones. */
export const runningImports = (): string[] => [...liveProgress.keys()];

/** How often the server running a job renews its lease (import-jobs.sweep.ts's LEASE_MS). */
export const HEARTBEAT_MS = 10_000;

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

/** Where uploads wait, and how much of it one user may hold (config.ts). */
export interface ImportSettings {
  uploadDir: string;
  connect: Connect;
  quota: { files: number; bytes: number };
}

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

const STATUS_LABEL: Record<ImportStatus, string> = {
  checking: '检查中',
  checked: '检查通过',
  invalid: '有错误',
  importing: '导入中',
  imported: '已导入',
  failed: '失败',
  interrupted: '已中断',
  expired: '已过期',
  cancelled: '已取消',
};

async function loadJob(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await findJob(db, id);
  if (!row || row.user_id !== actor.userId) throw notFound('导入任务');
  return row;
}

function present(row: ImportJobRow): ImportJob {
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

/** The jobs this process is importing (not checking). */
const importingHere = new Set<string>();

/** Runs `work` with the job's lease renewed meanwhile (on `db`, the shared connection). */
async function withHeartbeat<T>(db: Kysely<Database>, id: string, work: () => Promise<T>) {
  // SQLite: a running import holds the one writer, so a beat would only queue behind it; one
  // process owns an SQLite file, and its own running jobs are never swept (runningImports).
  const timer = setInterval(() => {
    if (sqliteHandle(db) && importingHere.has(id)) return;
    beat(db, id, new Date()).catch(() => undefined);
  }, HEARTBEAT_MS).unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

const messageOf = (e: unknown, fallback: string) =>
  e instanceof TableReadError || e instanceof AppError ? e.message : fallback;

/** Saves the upload and checks it (nothing is stored in the ledger). */
export async function uploadAndCheck(
  db: Kysely<Database>,
  settings: ImportSettings,
  actor: Actor,
  fileName: string,
  file: Readable & { truncated?: boolean },
  kind: ImportKind = 'projects',
): Promise<ImportJob> {
  if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
  const { files, bytes } = settings.quota;
  const used = await pendingUsage(db, actor.userId);
  if (used.files >= files) {
    file.resume();
    throw new AppError(
      'THROTTLED',
      `您已有 ${used.files} 个待导入的文件（上限 ${files} 个）：请先确认导入或取消其中的文件，再上传新文件`,
    );
  }
  const id = randomBytes(12).toString('base64url');
  await mkdir(settings.uploadDir, { recursive: true });
  const path = join(settings.uploadDir, `${id}.upload`);
  let size = 0;
  file.on('data', (chunk: Buffer) => (size += chunk.length));
  try {
    await pipeline(file, createWriteStream(path));
  } catch {
    // A broken request (cut off, a malformed multipart body): its partial file goes at once.
    await rm(path, { force: true });
    throw validation('文件上传未完成（请求中断或格式不完整），请重新上传');
  }
  if (file.truncated) {
    await rm(path, { force: true });
    throw validation('文件过大，上限 64 MB');
  }
  if (used.bytes + size > bytes) {
    await rm(path, { force: true });
    const mb = (n: number) => Math.ceil(n / 1024 / 1024);
    throw new AppError(
      'TOO_LARGE',
      `待导入的文件共计超过上限 ${mb(bytes)} MB（已有 ${mb(used.bytes)} MB，本文件 ${mb(size)} MB）：请先确认导入或取消已上传的文件`,
    );
  }
  await insertJob(
    db,
    { id, userId: actor.userId, fileName: fileName.slice(0, 255), filePath: path, fileBytes: size },
    new Date(),
  );
  liveProgress.set(id, 0);
  try {
    const report = await withHeartbeat(db, id, () =>
      onOwnConnection(settings.connect, (own) =>
        runImport(kind, own, actor, path, {
          dryRun: true,
          fileName,
          onProgress: (n) => liveProgress.set(id, n),
        }),
      ),
    );
    const invalid = report.errorCount > 0;
    await moveJob(db, id, ['checking'], invalid ? 'invalid' : 'checked', new Date(), {
      result: JSON.stringify({ report }),
      rowsDone: report.rows,
    });
    // A file with errors can never be imported: the user fixes it and uploads again.
    if (invalid) await rm(path, { force: true });
  } catch (e) {
    await rm(path, { force: true });
    const message = messageOf(e, '检查文件时出错');
    await moveJob(db, id, ['checking'], 'failed', new Date(), {
      result: JSON.stringify({ error: message }),
      rowsDone: 0,
    });
    if (e instanceof TableReadError) throw validation(message);
    throw e;
  } finally {
    liveProgress.delete(id);
  }
  return present(await loadJob(db, actor, id));
}

/**
 * Starts the import of a checked file, or runs an interrupted one again (all or nothing, so an
 * interrupted import stored nothing); answers at once, the page polls getImport.
 */
export async function confirmImport(
  db: Kysely<Database>,
  connect: Connect,
  actor: Actor,
  id: string,
): Promise<ImportJob> {
  if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
  const row = await loadJob(db, actor, id);
  const claimed = await moveJob(db, id, ['checked', 'interrupted'], 'importing', new Date(), {
    userId: actor.userId,
  });
  if (!claimed) {
    const now = (await findJob(db, id)) ?? row;
    throw conflict(
      'STATE_REFUSED',
      now.status === 'invalid'
        ? '文件有错误，不能导入，请修改后重新上传'
        : now.status === 'importing'
          ? '该文件正在导入'
          : `该导入任务当前状态为“${STATUS_LABEL[now.status]}”，不能再次导入`,
    );
  }
  liveProgress.set(id, 0);
  importingHere.add(id);
  // The kind the file was checked as (its check's report), so it is imported as that.
  const kind: ImportKind =
    (row.result ? (JSON.parse(row.result) as { report?: ImportReport }).report?.kind : undefined) ??
    'projects';
  void (async () => {
    try {
      const report = await withHeartbeat(db, id, () =>
        onOwnConnection(connect, (own) =>
          runImport(kind, own, actor, row.file_path, {
            dryRun: false,
            fileName: row.file_name,
            onProgress: (n) => liveProgress.set(id, n),
          }),
        ),
      );
      await moveJob(db, id, ['importing'], report.errorCount ? 'invalid' : 'imported', new Date(), {
        result: JSON.stringify({ report }),
        rowsDone: report.rows,
      });
    } catch (e) {
      await moveJob(db, id, ['importing'], 'failed', new Date(), {
        result: JSON.stringify({ error: messageOf(e, '导入失败，台账未改变') }),
        rowsDone: 0,
      }).catch(() => undefined);
    } finally {
      liveProgress.delete(id);
      importingHere.delete(id);
      await rm(row.file_path, { force: true });
    }
  })();
  return present(await loadJob(db, actor, id));
}

/** The user gives up a job not yet imported: its file goes at once. */
export async function cancelImport(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await loadJob(db, actor, id);
  if (!(await moveJob(db, id, ['checked', 'invalid', 'interrupted'], 'cancelled', new Date())))
    throw conflict(
      'STATE_REFUSED',
      `该导入任务当前状态为“${STATUS_LABEL[(await findJob(db, id))?.status ?? row.status]}”，不能取消`,
    );
  await rm(row.file_path, { force: true });
  return present(await loadJob(db, actor, id));
}

export async function getImport(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<ImportJob> {
  return present(await loadJob(db, actor, id));
}
