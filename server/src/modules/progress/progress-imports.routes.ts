/**
 * The monthly progress import and the consultations import over HTTP (issue 9 §3): upload with
 * dryRun=true to check (nothing is stored), again with dryRun=false to import; all or nothing,
 * errors by line and column. The import runs on a connection of its own, so other requests are
 * not queued behind it; the uploaded file is removed when the answer is ready.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { forbidden, validation } from '../../errors.ts';
import { errorSchema, uploadName, type App } from '../../http.ts';
import { CSV, fileResponse } from '../../file-response.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import type { Connect } from '../ledger/import/imports.service.ts';
import { TableReadError } from '../ledger/import/read-table.ts';
import { canEditLedger } from '../ledger/ledger.policy.ts';
import { CONSULTATION_COLUMNS, importConsultations } from './consultations-import.service.ts';
import { importProgress, PROGRESS_COLUMNS } from './progress-import.service.ts';
import { csvFile } from '../../domain/spreadsheet-cells.ts';
import {
  progressImportKind,
  progressImportQuery,
  progressImportReport,
} from '../../../../common/api/progress.ts';

const tags = ['进展统计'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
const TEMPLATES = {
  progress: { name: '月度进展导入模板.csv', headers: Object.values(PROGRESS_COLUMNS) },
  consultations: { name: '居民协商导入模板.csv', headers: Object.values(CONSULTATION_COLUMNS) },
};

export function progressImportRoutes(
  app: App,
  db: Kysely<Database>,
  uploadDir: string,
  connect: Connect,
): void {
  app.get('/api/progress-imports/template.csv', {
    schema: {
      tags,
      summary: '下载月度进展或居民协商的导入模板（csv 表头）',
      querystring: z.object({ kind: progressImportKind }),
      response: { 200: fileResponse('导入模板 csv', CSV) },
    },
    handler: async (req, reply) => {
      const t = TEMPLATES[req.query.kind];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="template.csv"; filename*=UTF-8''${encodeURIComponent(t.name)}`,
        )
        .send(csvFile([t.headers]));
    },
  });

  app.post('/api/progress-imports', {
    schema: {
      tags,
      summary:
        '上传月度进展（kind=progress）或居民协商（kind=consultations）文件：dryRun=true 只检查，false 导入；multipart 字段 file',
      consumes: ['multipart/form-data'],
      querystring: progressImportQuery,
      response: { 200: progressImportReport, ...errors },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      if (!canEditLedger(actor)) throw forbidden('没有导入的权限');
      if (!req.isMultipart()) throw validation('请以 multipart/form-data 上传文件（字段名 file）');
      const file = await req.file();
      if (!file) throw validation('没有收到文件');
      await mkdir(uploadDir, { recursive: true });
      const path = join(uploadDir, `${randomBytes(12).toString('base64url')}.${req.query.kind}`);
      try {
        await pipeline(file.file, createWriteStream(path));
        if (file.file.truncated) throw validation('文件过大，上限 64 MB');
        const own = await connect();
        try {
          const opts = {
            dryRun: req.query.dryRun === 'true',
            fileName: uploadName(file.filename).slice(0, 255),
          };
          return req.query.kind === 'progress'
            ? await importProgress(own.db, actor, path, opts)
            : await importConsultations(own.db, actor, path, opts);
        } finally {
          await own.destroy();
        }
      } catch (e) {
        if (e instanceof TableReadError) throw validation(e.message);
        throw e;
      } finally {
        await rm(path, { force: true });
      }
    },
  });
}
