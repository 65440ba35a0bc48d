/**
 * Uploaded files belong to rows (a community's photos and consultation documents, fiscal
 * assessments, the provincial government's approval): stored only when they pass their checks,
 * and a file goes
 * only after the transaction that deleted its row has committed — a delete that rolls back keeps
 * the row and its file — and a removal that fails is logged, not answered as an error, because
 * the row, which is what users see, is already gone.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db/schema.ts';
import {
  attachmentProblem,
  SNIFF_BYTES,
  sniffType,
  type AttachmentPurpose,
  type AttachmentType,
} from './domain/attachments.ts';
import { validation } from './errors.ts';
import type { Log } from './log.ts';

export interface Upload {
  fileName: string;
  file: Readable & { truncated?: boolean };
}

/**
 * Writes an upload into `uploadDir` under a random name and keeps it only if it passes the checks
 * of its purpose (size, type by its first bytes). A broken, cut-off or refused upload leaves no
 * file behind; the caller removes the file if what it then writes to the database fails.
 */
export async function storeUpload(
  uploadDir: string,
  purpose: AttachmentPurpose,
  upload: Upload,
): Promise<{ path: string; size: number; type: AttachmentType; sha256: string }> {
  await mkdir(uploadDir, { recursive: true });
  const path = join(uploadDir, `${purpose}-${randomBytes(12).toString('base64url')}`);
  try {
    await pipeline(upload.file, createWriteStream(path));
    const size = (await stat(path)).size;
    const head = new Uint8Array(SNIFF_BYTES);
    const fh = await open(path, 'r');
    const { bytesRead } = await fh.read(head, 0, SNIFF_BYTES, 0).finally(() => fh.close());
    const file = {
      name: upload.fileName,
      size,
      truncated: Boolean(upload.file.truncated),
      head: head.subarray(0, bytesRead),
    };
    const problem = attachmentProblem(purpose, file);
    if (problem) throw validation(problem, [{ path: 'file', message: problem }]);
    const sha256 = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
    return { path, size, type: sniffType(file.head)!, sha256 };
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
}

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
