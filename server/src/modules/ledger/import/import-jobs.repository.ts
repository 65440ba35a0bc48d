/**
 * The import jobs table (migration 0015): every state change is a conditional update (`where
 * status in (…)`) whose row count says whether this caller made it, so that of two servers or two
 * requests exactly one moves a job (issue 10, defect 2's rule for state machines).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ImportStatus, ImportTable } from '../../../db/schema.ts';

export type ImportJobRow = Selectable<ImportTable>;

/** Jobs whose upload is still kept on disk: they count against the user's quota. */
export const PENDING: ImportStatus[] = ['checking', 'checked', 'importing', 'interrupted'];

export function findJob(db: Kysely<Database>, id: string): Promise<ImportJobRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertJob(
  db: Kysely<Database>,
  job: { id: string; userId: number; fileName: string; filePath: string; fileBytes: number },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('imports')
    .values({
      id: job.id,
      user_id: job.userId,
      file_name: job.fileName,
      file_path: job.filePath,
      file_bytes: job.fileBytes,
      status: 'checking',
      rows_done: 0,
      result: null,
      created_at: at,
      updated_at: at,
      heartbeat_at: at,
    })
    .execute();
}

/** Moves a job from one of `from` to `to`; false when it was in none of them. */
export async function moveJob(
  db: Kysely<Database>,
  id: string,
  from: ImportStatus[],
  to: ImportStatus,
  now: Date,
  set: { result?: string | null; rowsDone?: number; userId?: number } = {},
): Promise<boolean> {
  let query = db
    .updateTable('imports')
    .set({
      status: to,
      updated_at: now.toISOString(),
      heartbeat_at: to === 'checking' || to === 'importing' ? now.toISOString() : null,
      ...(set.result !== undefined ? { result: set.result } : {}),
      ...(set.rowsDone !== undefined ? { rows_done: set.rowsDone } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', from);
  if (set.userId !== undefined) query = query.where('user_id', '=', set.userId);
  const res = await query.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The server running a job renews its lease. */
export async function beat(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('imports')
    .set({ heartbeat_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', 'in', ['checking', 'importing'])
    .execute();
}

/** What a user's pending uploads hold: files and bytes. */
export async function pendingUsage(
  db: Kysely<Database>,
  userId: number,
): Promise<{ files: number; bytes: number }> {
  const row = await db
    .selectFrom('imports')
    .select((e) => [
      e.fn.countAll<number>().as('files'),
      e.fn.sum<number>('file_bytes').as('bytes'),
    ])
    .where('user_id', '=', userId)
    .where('status', 'in', PENDING)
    .executeTakeFirstOrThrow();
  return { files: Number(row.files), bytes: Number(row.bytes ?? 0) };
}

/**
 * Jobs in `status` whose lease ran out before `before` (their server died or hung), except those
 * this process is running.
 */
export function staleJobs(
  db: Kysely<Database>,
  status: 'checking' | 'importing',
  before: Date,
  exceptIds: string[],
): Promise<ImportJobRow[]> {
  let query = db
    .selectFrom('imports')
    .selectAll()
    .where('status', '=', status)
    .where((e) =>
      e.or([
        e('heartbeat_at', '<', before.toISOString()),
        e.and([e('heartbeat_at', 'is', null), e('updated_at', '<', before.toISOString())]),
      ]),
    );
  if (exceptIds.length) query = query.where('id', 'not in', exceptIds);
  return query.execute();
}

/** Checked or interrupted jobs not run since `before`: past the retention. */
export function abandonedJobs(db: Kysely<Database>, before: Date): Promise<ImportJobRow[]> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('status', 'in', ['checked', 'interrupted'])
    .where('updated_at', '<', before.toISOString())
    .execute();
}

/** The file paths of pending jobs among `paths`. */
export async function pendingPaths(db: Kysely<Database>, paths: string[]): Promise<Set<string>> {
  const kept = new Set<string>();
  for (let i = 0; i < paths.length; i += 500)
    for (const r of await db
      .selectFrom('imports')
      .select('file_path')
      .where('file_path', 'in', paths.slice(i, i + 500))
      .where('status', 'in', PENDING)
      .execute())
      kept.add(r.file_path);
  return kept;
}
