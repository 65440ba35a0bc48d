import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments.ts';
import { validation } from '../../errors.ts';
import { errorSchema, partText, uploadName, type App } from '../../http.ts';
import { ANY_FILE, fileResponse } from '../../file-response.ts';
import { attachmentList, communityParams, createdId } from '../../../../common/api/progress.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  addConsultationDocument,
  addPhoto,
  listDocuments,
  listPhotos,
  openAttachment,
  removeAttachment,
  type Upload,
} from './attachments.service.ts';
import { rowIntParam } from '../../../../common/api/row-int.ts';

const tags = ['进展统计'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema };
const id = communityParams;
const consultation = id.extend({ consultationId: rowIntParam() });
const attachmentParams = id.extend({ attachmentId: rowIntParam() });
const created = { 201: createdId, ...errors };

/**
 * Reads a multipart request: its text fields (which must come before the file) and the one
 * `file`, handed to `keep`; files past the size limit arrive cut off and marked `truncated`.
 */
async function withUpload(
  req: FastifyRequest,
  fieldNames: string,
  keep: (fields: Record<string, string>, upload: Upload) => Promise<number>,
): Promise<number> {
  if (!req.isMultipart()) throw validation(`请以 multipart/form-data 提交（${fieldNames}）`);
  const fields: Record<string, string> = {};
  let result: number | undefined;
  for await (const part of req.parts({
    limits: { fileSize: MAX_ATTACHMENT_BYTES, fields: 8 },
  })) {
    if (part.type === 'field') fields[part.fieldname] = partText(part.fieldname, part.value);
    else if (part.fieldname === 'file' && result === undefined)
      result = await keep(fields, { fileName: uploadName(part.filename), file: part.file });
    else part.file.resume();
  }
  if (result === undefined)
    throw validation('请选择要上传的文件', [{ path: 'file', message: '必填' }]);
  return result;
}

export function progressAttachmentRoutes(app: App, db: Kysely<Database>, uploadDir: string): void {
  app.post('/api/communities/:id/photos', {
    schema: {
      tags,
      summary: `上传改造前/后照片（multipart：kind=before|after、period、lng、lat、positionSource=device|manual、caption，最后是 file；未填经纬度时取照片 EXIF 中的位置；JPEG/PNG/WebP，每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）`,
      params: id,
      consumes: ['multipart/form-data'],
      response: created,
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const photoId = await withUpload(
        req,
        'kind、period、lng、lat、positionSource、caption、file',
        (f, upload) => addPhoto(db, actor, req.params.id, f, upload, uploadDir),
      );
      return reply.code(201).send({ id: photoId });
    },
  });

  app.get('/api/communities/:id/photos', {
    schema: {
      tags,
      summary: '小区的改造前/后照片（最新在前）',
      params: id,
      response: { 200: attachmentList, ...errors },
    },
    handler: async (req) => ({ items: await listPhotos(db, actorOf(req), req.params.id) }),
  });

  app.post('/api/communities/:id/consultations/:consultationId/documents', {
    schema: {
      tags,
      summary: `上传居民协商材料（multipart：file；PDF/JPEG/PNG，每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）`,
      params: consultation,
      consumes: ['multipart/form-data'],
      response: created,
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const docId = await withUpload(req, 'file', (_f, upload) =>
        addConsultationDocument(
          db,
          actor,
          req.params.id,
          req.params.consultationId,
          upload,
          uploadDir,
        ),
      );
      return reply.code(201).send({ id: docId });
    },
  });

  app.get('/api/communities/:id/consultations/:consultationId/documents', {
    schema: {
      tags,
      summary: '一次居民协商的材料',
      params: consultation,
      response: { 200: attachmentList, ...errors },
    },
    handler: async (req) => ({
      items: await listDocuments(db, actorOf(req), req.params.id, req.params.consultationId),
    }),
  });

  app.get('/api/communities/:id/attachments/:attachmentId', {
    schema: {
      tags,
      summary: '查看或下载照片、协商材料（download=1 时作为附件下载）',
      params: attachmentParams,
      querystring: z.object({ download: z.enum(['0', '1']).optional() }),
      response: { 200: fileResponse('照片或协商材料（以其自身的类型）', ANY_FILE), ...errors },
    },
    handler: async (req, reply) => {
      const a = await openAttachment(
        db,
        actorOf(req),
        req.params.id,
        req.params.attachmentId,
        uploadDir,
      );
      const disposition = req.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .header('content-type', a.contentType)
        .header('content-length', String(a.size))
        .header(
          'content-disposition',
          `${disposition}; filename="file"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(a.stream);
    },
  });

  app.delete('/api/communities/:id/attachments/:attachmentId', {
    schema: {
      tags,
      summary: '删除照片或协商材料',
      params: attachmentParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await removeAttachment(
        db,
        actorOf(req),
        req.params.id,
        req.params.attachmentId,
        req.log,
        uploadDir,
      );
      return reply.code(204).send(null);
    },
  });
}
