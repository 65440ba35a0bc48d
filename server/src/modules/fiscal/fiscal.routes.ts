/** 财政承受能力评估: a city or county records its own, the province reviews (fiscal.policy.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments.ts';
import { validation } from '../../errors.ts';
import { errorSchema, partText, uploadName, type App } from '../../http.ts';
import { ANY_FILE, fileResponse } from '../../file-response.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { attachAssessmentFile, openAssessmentFile } from './fiscal.files.ts';
import {
  assessment,
  assessmentInput,
  assessmentList,
  fileDownloadQuery,
  fileUploadQuery,
  reviewInput,
  unitYear,
} from '../../../../common/api/fiscal.ts';
import { yearOnly } from '../../../../common/api/plan.ts';
import {
  getAssessment,
  listAssessments,
  reviewAssessment,
  saveAssessment,
} from './fiscal.service.ts';

const tags = ['年度计划'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const FILE_SUMMARY = `上传财政承受能力评估文件（multipart：version（或查询参数 version），最后是 file；PDF/JPEG/PNG，不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）`;

export function fiscalRoutes(app: App, db: Kysely<Database>, uploadDir: string): void {
  app.get('/api/fiscal-assessments', {
    schema: {
      tags,
      summary: '本人辖区内的财政承受能力评估，及有小区列入计划的市、县是否已评估',
      querystring: yearOnly,
      response: { 200: assessmentList, ...errors },
    },
    handler: async (req) => listAssessments(db, actorOf(req), req.query.year),
  });

  app.get('/api/fiscal-assessments/:region/:year', {
    schema: {
      tags,
      summary: '一个市、县某计划年度的财政承受能力评估',
      params: unitYear,
      response: { 200: assessment, ...errors },
    },
    handler: async (req) => getAssessment(db, actorOf(req), req.params.region, req.params.year),
  });

  app.put('/api/fiscal-assessments/:region/:year', {
    schema: {
      tags,
      summary:
        '录入或修改本市、县的财政承受能力评估（拟安排地方财政资金、债务指标、结论；修改时带版本号，修改后须省级重新审核）',
      params: unitYear,
      body: assessmentInput,
      response: { 200: assessment, ...errors },
    },
    handler: async (req) =>
      saveAssessment(db, actorOf(req), req.params.region, req.params.year, req.body),
  });

  app.put('/api/fiscal-assessments/:region/:year/review', {
    schema: {
      tags,
      summary: '省级审核市、县的财政承受能力评估（通过或退回，审核人、日期、意见；带版本号）',
      params: unitYear,
      body: reviewInput,
      response: { 200: assessment, ...errors },
    },
    handler: async (req) =>
      reviewAssessment(db, actorOf(req), req.params.region, req.params.year, req.body),
  });

  app.post('/api/fiscal-assessments/:region/:year/file', {
    schema: {
      tags,
      summary: FILE_SUMMARY,
      params: unitYear,
      querystring: fileUploadQuery,
      consumes: ['multipart/form-data'],
      response: { 200: assessment, ...errors },
    },
    handler: async (req) => {
      if (!req.isMultipart()) throw validation('请以 multipart/form-data 提交（version、file）');
      const actor = actorOf(req);
      const fields: Record<string, string> = {};
      let result: Awaited<ReturnType<typeof attachAssessmentFile>> | undefined;
      for await (const part of req.parts({
        limits: { fileSize: MAX_ATTACHMENT_BYTES, fields: 4 },
      })) {
        if (part.type === 'field') fields[part.fieldname] = partText(part.fieldname, part.value);
        else if (part.fieldname === 'file' && result === undefined)
          result = await attachAssessmentFile(
            db,
            actor,
            req.params.region,
            req.params.year,
            fields.version === undefined ? req.query.version : Number(fields.version),
            { fileName: uploadName(part.filename), file: part.file },
            uploadDir,
            req.log,
          );
        else part.file.resume();
      }
      if (result === undefined)
        throw validation('请选择要上传的评估文件', [{ path: 'file', message: '必填' }]);
      return result;
    },
  });

  app.get('/api/fiscal-assessments/:region/:year/file', {
    schema: {
      tags,
      summary: '查看或下载评估文件（download=1 时作为附件下载）',
      params: unitYear,
      querystring: fileDownloadQuery,
      response: { 200: fileResponse('评估文件（以其自身的类型）', ANY_FILE), ...errors },
    },
    handler: async (req, reply) => {
      const f = await openAssessmentFile(
        db,
        actorOf(req),
        req.params.region,
        req.params.year,
        uploadDir,
      );
      const disposition = req.query.download === '1' ? 'attachment' : 'inline';
      return reply
        .header('content-type', f.contentType)
        .header('content-length', String(f.size))
        .header(
          'content-disposition',
          `${disposition}; filename="file"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.stream);
    },
  });
}
