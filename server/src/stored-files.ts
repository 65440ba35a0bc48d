/**
 * Uploaded files belong to rows (a community's photos and consultation documents): a file goes
 * only after the transaction that deleted its row has committed — a delete that rolls back keeps
 * the row and its file — and a removal that fails is logged, not answered as an error, because
 * the row, which is what users see, is already gone.
 */
import { rm } from 'node:fs/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Log } from './log.ts';

/**
 * Runs `work` in a transaction; `discard(path)` names the file of a row it deletes (directly or
 * by cascade), removed once the transaction has committed.
 */
export async function deleteWithFiles<T>(
  db: Kysely<Database>,
  log: Log,
  work: (trx: Transaction<Database>, discard: (path: string) => void) => Promise<T>,
): Promise<T> {
  const discarded: string[] = [];
  const result = await db.transaction().execute((trx) =>
    work(trx, (path) => {
      discarded.push(path);
    }),
  );
  await removeStoredFiles(discarded, log);
  return result;
}

/** Removes files no row refers to any more; a failure leaves a file to clean up by hand. */
export async function removeStoredFiles(paths: string[], log: Log): Promise<void> {
  await Promise.all(
    paths.map((path) =>
      rm(path, { force: true }).catch((err: unknown) =>
        log.warn({ err, path }, `上传文件删除失败（记录已删除），请手动清理：${path}`),
      ),
    ),
  );
}
