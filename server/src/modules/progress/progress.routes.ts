import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { CSV, fileResponse, jsonOrFileResponse, XLSX } from '../../file-response.ts';
import {
  communityParams,
  communityProgressView,
  consultationInput,
  createdId,
  periodParam,
  progressInput,
  progressTableQuery,
  progressTableView,
  statisticsExportQuery,
} from '../../../../common/api/progress.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  addConsultation,
  communityProgress,
  progressTable,
  progressTableCsv,
  recordProgress,
} from './progress.service.ts';
import { writeProgressTableXlsx } from './progress-table.xlsx.ts';
import { statisticsScope, writeStatistics } from './stats-export.service.ts';

const tags = ['进展统计'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
export function progressRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/communities/:id/progress', {
    schema: {
      tags,
      summary: '小区的居民协商记录和各月进展',
      params: communityParams,
      response: { 200: communityProgressView, ...errors },
    },
    handler: async (req) => communityProgress(db, actorOf(req), req.params.id),
  });

  app.post('/api/communities/:id/consultations', {
    schema: {
      tags,
      summary: '记录一次居民协商（日期、方式、参与户数、同意户数、议定内容）',
      params: communityParams,
      body: consultationInput,
      response: { 201: createdId, ...errors },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send({ id: await addConsultation(db, actorOf(req), req.params.id, req.body) }),
  });

  app.put('/api/communities/:id/progress/:period', {
    schema: {
      tags,
      summary: '填报小区某月末的累计进展（开工须先达到居民同意比例）',
      params: communityParams.extend({ period: periodParam }),
      body: progressInput,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await recordProgress(db, actorOf(req), req.params.id, req.params.period, req.body);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/progress-table', {
    schema: {
      tags,
      summary: '城镇老旧小区改造进展情况表（scope 为省级代码或 all）',
      querystring: progressTableQuery,
      response: {
        200: jsonOrFileResponse(
          progressTableView,
          '进展情况表（json，或 csv、xlsx 文件）',
          CSV,
          XLSX,
        ),
        ...errors,
      },
    },
    handler: async (req, reply) => {
      const t = await progressTable(
        db,
        actorOf(req),
        req.query.scope,
        req.query.year,
        req.query.month,
      );
      const name = encodeURIComponent(`${t.title}.${req.query.format}`);
      if (req.query.format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="progress.csv"; filename*=UTF-8''${name}`,
          )
          .send(progressTableCsv(t));
      if (req.query.format === 'xlsx')
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="progress.xlsx"; filename*=UTF-8''${name}`,
          )
          .send(await writeProgressTableXlsx(t));
      return t;
    },
  });

  app.get('/api/statistics-export', {
    schema: {
      tags,
      summary: '提供统计部门的改造项目清单（稳定项目编号、所含小区、本年指标；含指标说明）',
      querystring: statisticsExportQuery,
      response: { 200: fileResponse('统计部门项目清单 xlsx 或 csv', XLSX, CSV), ...errors },
    },
    handler: async (req, reply) => {
      const { scope, ...q } = req.query;
      // Refused (403, 404) as JSON before the file starts; then streamed like the ledger export.
      const region = await statisticsScope(db, actorOf(req), scope);
      const stream = new PassThrough();
      void writeStatistics(db, region, q, stream).catch((e: unknown) => stream.destroy(e as Error));
      const name = encodeURIComponent(
        `城镇老旧小区改造项目清单-${q.year}年${q.month}月.${q.format}`,
      );
      return reply
        .header('content-type', q.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX)
        .header(
          'content-disposition',
          `attachment; filename="statistics.${q.format}"; filename*=UTF-8''${name}`,
        )
        .send(stream);
    },
  });
}
