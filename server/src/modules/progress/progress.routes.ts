import { PassThrough } from 'node:stream';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { CSV, fileResponse, jsonOrFileResponse, XLSX } from '../../file-response.ts';
import { communityProgressView, fundingSource, progressTableView } from './progress.schemas.ts';
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
const id = z.object({ id: z.coerce.number().int().min(1) });
const count = z.number().int().min(0).max(1_000_000).optional();
export function progressRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/communities/:id/progress', {
    schema: {
      tags,
      summary: '小区的居民协商记录和各月进展',
      params: id,
      response: { 200: communityProgressView, ...errors },
    },
    handler: async (req) => communityProgress(db, actorOf(req), req.params.id),
  });

  app.post('/api/communities/:id/consultations', {
    schema: {
      tags,
      summary: '记录一次居民协商（日期、方式、参与户数、同意户数、议定内容）',
      params: id,
      body: z.object({
        heldOn: z.string(),
        method: z.enum(['meeting', 'door_to_door', 'online', 'written']),
        householdsConsulted: z.number().int().min(0),
        householdsAgreeing: z.number().int().min(0),
        agreedScheme: z.boolean().optional(),
        agreedContribution: z.boolean().optional(),
        agreedAftercare: z.boolean().optional(),
        notes: z.string().max(2000).optional(),
      }),
      response: { 201: z.object({ id: z.number() }), ...errors },
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
      params: id.extend({
        period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '报告期应为 YYYY-MM'),
      }),
      body: z.object({
        startDate: z.string().optional(),
        completionDate: z.string().optional(),
        investmentDone: z.string().max(20).optional(),
        pipelinesKm: z.string().max(20).optional(),
        elevators: count,
        parking: count,
        chargers: count,
        elderlyCare: count,
        childcare: count,
        housekeeping: count,
        health: count,
        energyArea: z.string().max(20).optional(),
        corrected: z.boolean().optional(),
        funds: z
          .array(z.object({ source: fundingSource, amount: z.string().max(20) }))
          .max(7)
          .optional()
          .describe('资金到位（万元）按来源；不传则保持原值，空数组表示清空'),
      }),
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
      querystring: z.object({
        scope: z.string().regex(/^(all|\d{2}|\d{6})$/, '地区应为2位或6位代码，或 all'),
        year: z.coerce.number().int().min(2000).max(2100),
        month: z.coerce.number().int().min(1).max(12),
        format: z.enum(['json', 'csv', 'xlsx']).default('json'),
      }),
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
      querystring: z.object({
        scope: z.string().regex(/^\d{2}(\d{4})?$/, '地区应为2位或6位代码'),
        year: z.coerce.number().int().min(2000).max(2100),
        month: z.coerce.number().int().min(1).max(12),
        format: z.enum(['csv', 'xlsx']).default('xlsx'),
      }),
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
