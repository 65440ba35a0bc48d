/**
 * The assessment's document file (评估报告): stored like the community attachments, in the upload
 * directory under a random name and judged by its first bytes; a replaced file goes once the
 * change has committed (stored-files.ts). A new file sends the assessment back for review.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { forbidden, notFound, validation } from '../../errors.ts';
import type { Log } from '../../log.ts';
import { removeStoredFiles, storeUpload, type Upload } from '../../stored-files.ts';
import { auditBy } from '../audit/audit.repository.ts';
import * as policy from './fiscal.policy.ts';
import * as repo from './fiscal.repository.ts';
import { getAssessment, REVIEW_RESET, staleVersion, visibleUnit } from './fiscal.service.ts';

/** Attaches (or replaces) the document file of an assessment at `version`. */
export async function attachAssessmentFile(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
  version: number | undefined,
  upload: Upload,
  uploadDir: string,
  log: Log,
  now = new Date(),
) {
  const region = await visibleUnit(db, actor, regionCode);
  if (!policy.canRecordAssessment(actor, region))
    throw forbidden(`财政承受能力评估由${region.name}本级录入`);
  if (version === undefined || !Number.isInteger(version) || version < 1)
    throw validation('请附上评估的版本号（version）', [{ path: 'version', message: '必填' }]);
  const existing = await repo.findAssessment(db, region.code, year);
  if (!existing)
    throw validation(`请先录入${region.name}${year}年度的财政承受能力评估，再上传评估文件`, [
      { path: 'file', message: '尚无评估' },
    ]);
  const stored = await storeUpload(uploadDir, 'fiscal', upload);
  let replaced: string | null = null;
  try {
    await db.transaction().execute(async (trx) => {
      // The file being replaced is the one of the version the change is made on: read at that
      // version, then changed only if still at it (a concurrent change makes this a 409).
      const row = await repo.findAssessment(trx, region.code, year);
      const ok =
        row?.version === version &&
        (await repo.updateAssessment(trx, region.code, year, version, {
          file_name: upload.fileName.slice(0, 255) || '评估文件',
          // Relative to UPLOAD_DIR, so a restored backup finds its files wherever they are put.
          file_path: basename(stored.path),
          content_type: stored.type,
          size_bytes: stored.size,
          updated_at: now.toISOString(),
          updated_by: actor.username,
          ...REVIEW_RESET,
        }));
      if (!ok) throw staleVersion(region.name);
      replaced = row.file_path;
      await auditBy(
        trx,
        actor,
        'fiscal.file',
        `${region.code}/${year}`,
        { fileName: upload.fileName, size: stored.size },
        now,
      );
    });
  } catch (e) {
    await removeStoredFiles([stored.path], log);
    throw e;
  }
  if (replaced) await removeStoredFiles([resolve(uploadDir, replaced)], log);
  return getAssessment(db, actor, region.code, year);
}

export async function openAssessmentFile(
  db: Kysely<Database>,
  actor: Actor,
  regionCode: string,
  year: number,
  uploadDir: string,
) {
  const region = await visibleUnit(db, actor, regionCode);
  const row = await repo.findAssessment(db, region.code, year);
  const path = row?.file_path ? resolve(uploadDir, row.file_path) : undefined;
  const size = path
    ? await stat(path).then(
        (s) => s.size,
        () => undefined,
      )
    : undefined;
  if (!row?.file_path || size === undefined) throw notFound(`${region.name}的评估文件`);
  return {
    fileName: row.file_name ?? '评估文件',
    contentType: row.content_type ?? 'application/octet-stream',
    size,
    stream: createReadStream(path!),
  };
}
