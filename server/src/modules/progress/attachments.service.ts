/**
 * Files kept with a community: before/after photos (issue 5: stored as attachments with a size
 * limit and a type check, with a location) and the documents of its resident consultations. Stored
 * like the province's approval file: in the upload directory under a random name, described by a
 * row; the type is judged by the file's first bytes.
 */
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { CommunityAttachmentTable, Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { readPhotoExif, type PhotoExif } from '../../domain/exif.ts';
import { parsePeriod } from '../../domain/progress.ts';
import { notFound, validation } from '../../errors.ts';
import type { Log } from '../../log.ts';
import { deleteWithFiles, storeUpload, type Upload } from '../../stored-files.ts';
import { auditBy } from '../audit/audit.repository.ts';
import * as repo from './community-progress.repository.ts';
import { presentAttachment } from './community-progress.service.ts';
import { visibleCommunity } from './progress.service.ts';

export type { Upload };

export interface PhotoFields {
  kind?: string;
  period?: string;
  lng?: string;
  lat?: string;
  /** where lng/lat came from: `device` (the phone's location at upload) or `manual` (typed) */
  positionSource?: string;
  caption?: string;
}

const LNG = /^-?\d{1,3}(\.\d{1,8})?$/;
const LAT = /^-?\d{1,2}(\.\d{1,8})?$/;

function checkPhotoFields(f: PhotoFields) {
  const problems: { path: string; message: string }[] = [];
  const kind: 'before' | 'after' | undefined =
    f.kind === 'before' ? 'before' : f.kind === 'after' ? 'after' : undefined;
  if (!kind) problems.push({ path: 'kind', message: '请选择改造前或改造后（before/after）' });
  const period = f.period?.trim() ? parsePeriod(f.period) : null;
  if (period === undefined) problems.push({ path: 'period', message: '报告期应为 YYYY-MM' });
  const lng = f.lng?.trim() || null;
  const lat = f.lat?.trim() || null;
  if (lng && (!LNG.test(lng) || Math.abs(Number(lng)) > 180))
    problems.push({ path: 'lng', message: '经度应为 -180 到 180 之间的小数' });
  if (lat && (!LAT.test(lat) || Math.abs(Number(lat)) > 90))
    problems.push({ path: 'lat', message: '纬度应为 -90 到 90 之间的小数' });
  if (Boolean(lng) !== Boolean(lat))
    problems.push({ path: lng ? 'lat' : 'lng', message: '经度和纬度须同时填写' });
  const source = f.positionSource?.trim() || 'manual';
  if (source !== 'device' && source !== 'manual')
    problems.push({
      path: 'positionSource',
      message: '位置来源应为 device（本机定位）或 manual（手工填写）',
    });
  const caption = (f.caption ?? '').trim();
  if (caption.length > 200) problems.push({ path: 'caption', message: '说明不超过200字' });
  if (problems.length)
    throw validation(`照片信息有误：${problems.map((p) => p.message).join('；')}`, problems);
  const positionSource = lng ? (source as 'device' | 'manual') : null;
  return { kind: kind!, period: period ?? null, lng, lat, positionSource, caption };
}

/** The EXIF of a stored JPEG: its APP1 segment lies within the first 64 KB after the markers. */
async function exifOf(path: string, type: string): Promise<PhotoExif | null> {
  if (type !== 'image/jpeg') return null;
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(128 * 1024);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return readPhotoExif(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

async function keep(
  db: Kysely<Database>,
  actor: Actor,
  row: Omit<CommunityAttachmentTable, 'id' | 'username' | 'created_at' | 'caption'> & {
    caption: string;
  },
  now: Date,
): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const id = await repo.insertAttachment(trx, {
        ...row,
        // Relative to UPLOAD_DIR, so that a restored archive finds it wherever that is.
        file_path: basename(row.file_path),
        username: actor.username,
        created_at: now.toISOString(),
      });
      await auditBy(
        trx,
        actor,
        `community.${row.kind === 'document' ? 'document' : 'photo'}.add`,
        `community/${row.community_id}`,
        { id, kind: row.kind, fileName: row.file_name, size: row.size_bytes },
        now,
      );
      return id;
    });
  } catch (e) {
    await rm(row.file_path, { force: true });
    throw e;
  }
}

export async function addPhoto(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  fields: PhotoFields,
  upload: Upload,
  uploadDir: string,
  now = new Date(),
): Promise<number> {
  const c = await visibleCommunity(db, actor, communityId, true);
  const f = checkPhotoFields(fields);
  const stored = await storeUpload(uploadDir, 'photo', upload);
  // A position given with the upload wins; otherwise the photo's own GPS, if it has one.
  const exif = await exifOf(stored.path, stored.type).catch(async (e: unknown) => {
    await rm(stored.path, { force: true });
    throw e;
  });
  const fromPhoto = !f.lng && exif?.lng ? exif : null;
  return keep(
    db,
    actor,
    {
      community_id: c.id,
      kind: f.kind,
      consultation_id: null,
      period: f.period,
      lng: fromPhoto ? fromPhoto.lng : f.lng,
      lat: fromPhoto ? fromPhoto.lat : f.lat,
      taken_at: exif?.takenAt ?? null,
      position_source: fromPhoto ? 'exif' : f.positionSource,
      caption: f.caption,
      file_name: upload.fileName.slice(0, 255),
      // Relative to UPLOAD_DIR, so a restored backup finds its files wherever they are put.
      file_path: basename(stored.path),
      content_type: stored.type,
      size_bytes: stored.size,
    },
    now,
  );
}

async function consultationOf(db: Kysely<Database>, communityId: number, consultationId: number) {
  const x = await repo.findConsultation(db, consultationId);
  if (!x || x.community_id !== communityId) throw notFound('协商记录');
  return x;
}

export async function addConsultationDocument(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  consultationId: number,
  upload: Upload,
  uploadDir: string,
  now = new Date(),
): Promise<number> {
  const c = await visibleCommunity(db, actor, communityId, true);
  await consultationOf(db, c.id, consultationId);
  const stored = await storeUpload(uploadDir, 'document', upload);
  return keep(
    db,
    actor,
    {
      community_id: c.id,
      kind: 'document',
      consultation_id: consultationId,
      period: null,
      lng: null,
      lat: null,
      taken_at: null,
      position_source: null,
      caption: '',
      file_name: upload.fileName.slice(0, 255),
      file_path: basename(stored.path),
      content_type: stored.type,
      size_bytes: stored.size,
    },
    now,
  );
}

export async function listPhotos(db: Kysely<Database>, actor: Actor, communityId: number) {
  const c = await visibleCommunity(db, actor, communityId, false);
  return (await repo.photosOf(db, c.id)).map(presentAttachment(c.id));
}

export async function listDocuments(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  consultationId: number,
) {
  const c = await visibleCommunity(db, actor, communityId, false);
  await consultationOf(db, c.id, consultationId);
  return (await repo.documentsOf(db, c.id, consultationId)).map(presentAttachment(c.id));
}

async function attachmentOf(db: Kysely<Database>, communityId: number, attachmentId: number) {
  const a = await repo.findAttachment(db, attachmentId);
  if (!a || a.community_id !== communityId) throw notFound('附件');
  return a;
}

/** The file to send: its stored type (judged from its bytes), its name and a stream. */
export async function openAttachment(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  attachmentId: number,
  uploadDir: string,
) {
  const c = await visibleCommunity(db, actor, communityId, false);
  const a = await attachmentOf(db, c.id, attachmentId);
  const path = resolve(uploadDir, a.file_path);
  const size = await stat(path).then(
    (s) => s.size,
    () => undefined,
  );
  if (size === undefined) throw notFound('附件文件');
  return {
    fileName: a.file_name,
    contentType: a.content_type,
    size,
    stream: createReadStream(path),
  };
}

/** Deletes a photo or document; its file goes once the deletion has committed. */
export async function removeAttachment(
  db: Kysely<Database>,
  actor: Actor,
  communityId: number,
  attachmentId: number,
  log: Log,
  uploadDir: string,
  now = new Date(),
): Promise<void> {
  const c = await visibleCommunity(db, actor, communityId, true);
  await deleteWithFiles(db, log, async (trx, discard) => {
    const found = await attachmentOf(trx, c.id, attachmentId);
    await repo.deleteAttachment(trx, found.id);
    discard(resolve(uploadDir, found.file_path));
    await auditBy(
      trx,
      actor,
      `community.${found.kind === 'document' ? 'document' : 'photo'}.delete`,
      `community/${c.id}`,
      { id: found.id, kind: found.kind, fileName: found.file_name },
      now,
    );
  });
}
