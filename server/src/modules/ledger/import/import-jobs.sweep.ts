/**
 * Import jobs after a crash, and uploads nobody will use (issue 10, defects 8 and 9). Run when a
 * server starts and hourly after (like the late notices, reports/late-notices.timer.ts), on every
 * server; each change is a conditional update, so two servers sweeping at once do each job once.
 *
 * - importing, lease run out (its server died or hung): 已中断 (interrupted), file kept, can be
 *   run again — the import is one transaction, so a dead one stored nothing;
 * - checking, lease run out: failed (upload it again), file removed;
 * - checked or interrupted, not run within the retention: expired, file removed;
 * - an upload file no pending job refers to, older than an hour (a job row never written after a
 *   crash between the upload and the insert): removed.
 * A job this process is running is never swept, whatever its heartbeat says (on SQLite an
 * import's heartbeat cannot be written while it holds the one writer).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Log } from '../../../log.ts';
import {
  abandonedJobs,
  moveJob,
  pendingPaths,
  staleJobs,
  type ImportJobRow,
} from './import-jobs.repository.ts';
import { HEARTBEAT_MS, runningImports } from './imports.service.ts';

/** A job whose heartbeat is older than this is taken for dead: six beats missed. */
export const LEASE_MS = 6 * HEARTBEAT_MS;
/** An upload file with no job this long after it was written is an orphan. */
const ORPHAN_AFTER_MS = 3600_000;
export const IMPORT_SWEEP_INTERVAL_MS = 3600_000;

export interface SweepResult {
  interrupted: string[];
  failed: string[];
  expired: string[];
  orphans: string[];
}

async function removeFiles(paths: string[], log: Log): Promise<void> {
  await Promise.all(
    paths.map((p) =>
      rm(p, { force: true }).catch((err: unknown) =>
        log.warn({ err, path: p }, `导入文件删除失败，请手动清理：${p}`),
      ),
    ),
  );
}

/** Moves each of `jobs` (conditionally); the ids this call moved. */
async function moveAll(
  db: Kysely<Database>,
  jobs: ImportJobRow[],
  from: ImportJobRow['status'],
  to: ImportJobRow['status'],
  now: Date,
  result?: string,
): Promise<ImportJobRow[]> {
  const moved: ImportJobRow[] = [];
  for (const job of jobs)
    if (await moveJob(db, job.id, [from], to, now, result ? { result } : {})) moved.push(job);
  return moved;
}

export interface SweepOptions {
  now?: Date;
  keepHours?: number;
  /** Only take dead jobs for dead (each minute); expiry and orphans are hourly. */
  leaseOnly?: boolean;
}

export async function sweepImportJobs(
  db: Kysely<Database>,
  uploadDir: string,
  log: Log,
  { now = new Date(), keepHours = 24, leaseOnly = false }: SweepOptions = {},
): Promise<SweepResult> {
  const leaseEnd = new Date(now.getTime() - LEASE_MS);
  const running = runningImports();
  const interrupted = await moveAll(
    db,
    await staleJobs(db, 'importing', leaseEnd, running),
    'importing',
    'interrupted',
    now,
    JSON.stringify({ error: '导入被中断（服务器停止运行），台账未改变，可重新导入' }),
  );
  const failed = await moveAll(
    db,
    await staleJobs(db, 'checking', leaseEnd, running),
    'checking',
    'failed',
    now,
    JSON.stringify({ error: '检查被中断（服务器停止运行），请重新上传文件' }),
  );
  const keepEnd = new Date(now.getTime() - keepHours * 3600_000);
  const gone = JSON.stringify({
    error: `上传后 ${keepHours} 小时内未导入，文件已过期删除，台账未改变，请重新上传`,
  });
  const expired = leaseOnly
    ? []
    : [
        ...(await moveAll(db, await abandonedJobs(db, keepEnd), 'checked', 'expired', now, gone)),
        ...(await moveAll(
          db,
          await abandonedJobs(db, keepEnd),
          'interrupted',
          'expired',
          now,
          gone,
        )),
      ];
  await removeFiles(
    [...failed, ...expired].map((j) => j.file_path),
    log,
  );
  const orphans = leaseOnly ? [] : await orphanUploads(db, uploadDir, now);
  await removeFiles(orphans, log);
  return {
    interrupted: interrupted.map((j) => j.id),
    failed: failed.map((j) => j.id),
    expired: expired.map((j) => j.id),
    orphans,
  };
}

/** Upload files (`*.upload`) older than an hour that no pending job refers to. */
async function orphanUploads(db: Kysely<Database>, uploadDir: string, now: Date) {
  const names = await readdir(uploadDir).catch(() => [] as string[]);
  const old: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.upload'))) {
    const path = join(uploadDir, name);
    const s = await stat(path).catch(() => undefined);
    if (s && now.getTime() - s.mtimeMs > ORPHAN_AFTER_MS) old.push(path);
  }
  const kept = await pendingPaths(db, old);
  return old.filter((p) => !kept.has(p));
}

export interface ImportSweeper {
  /** Stops the timers and waits for a sweep under way, so that the database can be closed. */
  stop: () => Promise<void>;
}

/**
 * Sweeps at once, then hourly, and takes dead jobs for dead each lease (a server restarted within
 * the lease finds its job still leased at its start); timers unref'd, a failure logged for the
 * next run to retry.
 */
export function startImportSweeper(
  db: Kysely<Database>,
  uploadDir: string,
  log: Log,
  { everyMs = IMPORT_SWEEP_INTERVAL_MS, keepHours = 24 } = {},
): ImportSweeper {
  let running: Promise<void> | undefined;
  const run = (leaseOnly: boolean) => {
    if (running) return;
    running = sweepImportJobs(db, uploadDir, log, { keepHours, leaseOnly })
      .then((r) => {
        if (r.interrupted.length + r.failed.length + r.expired.length + r.orphans.length)
          log.info(
            r,
            `导入任务清理：${r.interrupted.length} 个已中断，${r.failed.length} 个检查中断，${r.expired.length} 个已过期，${r.orphans.length} 个无主文件已删除`,
          );
      })
      .catch((err: unknown) => log.error({ err }, '导入任务清理失败，下次定时再试'))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(() => run(false), 0).unref();
  const hourly = setInterval(() => run(false), everyMs).unref();
  const leases = setInterval(() => run(true), LEASE_MS).unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(hourly);
      clearInterval(leases);
      await running;
    },
  };
}
