import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { CSV, jsonOrFileResponse, XLSX } from '../../file-response.ts';
import { receivesOnly } from '../../domain/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { addPolicy, listPolicies, updatePolicy } from './policies.service.ts';
import { checkPlan, planTableCsv } from './plan-table.service.ts';
import { planTableOf, planTableVersions } from './plan-table.versions.ts';
import { writePlanTableXlsx } from './plan-table.xlsx.ts';
import { check, planTableResponse } from './plan.schemas.ts';
import { planYearOf } from './plan-year.service.ts';
import { PassThrough } from 'node:stream';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const year = z.coerce.number().int().min(2000).max(2100);

const policy = z.object({
  planYear: z.number(),
  cutoffYear: z.number(),
  latestBuildYear: z.number(),
  maxPostCutoffShare: z.number().describe('比例，0.15 即 15%'),
  consentThreshold: z.number().describe('开工前须同意的居民户数比例，0.6667 即三分之二'),
  deadline: z.string(),
  recipients: z.string(),
  source: z.string(),
  version: z.number(),
  ownYear: z.boolean().describe('false：该年度尚无单独政策，沿用最近一个较早年度'),
});
const policyInput = z.object({
  cutoffYear: z.number().int().min(1949).max(2100),
  latestBuildYear: z.number().int().min(1949).max(2100),
  maxPostCutoffSharePercent: z.number().min(0).max(100),
  consentThresholdPercent: z
    .number()
    .gt(0, '居民同意比例应大于 0')
    .max(100, '居民同意比例不能超过 100%')
    .optional()
    .describe('开工前须同意的居民户数比例（%），如 66.67；不填则不变'),
  deadline: z.string(),
  recipients: z.string().trim().min(1).max(200),
  source: z.string().trim().max(200),
});

export function planRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/plan-table', {
    schema: {
      tags: ['年度计划'],
      summary: '城镇老旧小区改造计划表（province 为省级代码或 all；format 为 json、csv 或 xlsx）',
      querystring: z.object({
        province: z.string().regex(/^(all|\d{2}|\d{6})$/, '省份应为2位或6位代码，或 all'),
        year,
        format: z.enum(['json', 'csv', 'xlsx']).default('json'),
        version: z
          .string()
          .regex(/^(signed|[1-9]\d{0,8})$/, '版本应为正整数（第几版）或 signed（已会签的版本）')
          .transform((v) => (v === 'signed' ? ('signed' as const) : Number(v)))
          .optional()
          .describe(
            '省的冻结版本：第几版，或 signed（经三个部门会签的最新上报版本；部委用户为已接收的版本）',
          ),
        basis: z
          .enum(['accepted', 'submitted', 'live'])
          .optional()
          .describe(
            '口径：accepted 各省已接收版本（全国表默认），submitted 最新上报版本，live 工作底稿（省表默认）',
          ),
      }),
      response: {
        200: jsonOrFileResponse(planTableResponse, '计划表（json，或 csv、xlsx 文件）', CSV, XLSX),
        ...errors,
      },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const { version, basis } = req.query;
      const table = await planTableOf(db, actor, req.query.province, req.query.year, {
        version,
        basis,
      });
      const name = encodeURIComponent(
        `${table.year}年城镇老旧小区改造计划表-${table.scope.name}${
          table.version ? `-第${table.version.number}版` : table.basis === 'live' ? '-工作底稿' : ''
        }.${req.query.format}`,
      );
      if (req.query.format === 'csv')
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="plan-table.csv"; filename*=UTF-8''${name}`,
          )
          .send(planTableCsv(table));
      if (req.query.format === 'xlsx') {
        const stream = new PassThrough();
        void writePlanTableXlsx(table, stream).catch((e: unknown) => stream.destroy(e as Error));
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename="plan-table.xlsx"; filename*=UTF-8''${name}`,
          )
          .send(stream);
      }
      // The checks are of the ledger now: shown with the live table only.
      // 国家发展改革委 and 财政部 receive declared plans: never the live checks.
      const live = table.basis === 'live' && table.scope.code !== '000000' && !receivesOnly(actor);
      const [checks, versions] = await Promise.all([
        live ? checkPlan(db, actor, table.scope.code, table.year).then((c) => c.checks) : [],
        planTableVersions(db, actor, table.scope.code, table.year),
      ]);
      return { ...table, checks, versions };
    },
  });

  app.get('/api/plan-year', {
    schema: {
      tags: ['年度计划'],
      summary:
        '正在申报的计划年度：截止日期未到的最早年度政策；否则本区划内最近一个有计划小区的年度；否则本年度（计划表与首页默认打开此年度）',
      response: {
        200: z.object({
          year: z.number().int(),
          basis: z.enum(['policy', 'records', 'calendar']),
          basisLabel: z.string(),
        }),
        ...errors,
      },
    },
    handler: async (req) => planYearOf(db, actorOf(req)),
  });

  app.get('/api/plan-checks', {
    schema: {
      tags: ['年度计划'],
      summary: '计划检查（省、市或县；每项通过或不通过，并列出相关小区）',
      querystring: z.object({
        region: z.string().regex(/^\d{2}(\d{4})?$/, '区划代码应为6位数字'),
        year,
      }),
      response: {
        200: z.object({
          scope: z.object({ code: z.string(), name: z.string() }),
          checks: z.array(check),
        }),
        ...errors,
      },
    },
    handler: async (req) => checkPlan(db, actorOf(req), req.query.region, req.query.year),
  });

  app.get('/api/plan-policies', {
    schema: {
      tags: ['年度计划'],
      summary: '各计划年度的政策（分界年份、最晚建成年份、占比上限、截止日期）',
      response: { 200: z.object({ items: z.array(policy) }), ...errors },
    },
    handler: async () => ({ items: await listPolicies(db) }),
  });

  app.post('/api/plan-policies', {
    schema: {
      tags: ['年度计划'],
      summary: '新增计划年度政策（以上一年度为起点；全国系统管理员）',
      body: policyInput.partial().extend({ planYear: year }),
      response: { 201: policy, ...errors },
    },
    handler: async (req, reply) => {
      const { planYear, ...input } = req.body;
      return reply.code(201).send(await addPolicy(db, actorOf(req), planYear, input));
    },
  });

  app.put('/api/plan-policies/:year', {
    schema: {
      tags: ['年度计划'],
      summary: '修改计划年度政策（带版本号；全国系统管理员）',
      params: z.object({ year }),
      body: policyInput.extend({ version: z.number().int().min(1) }),
      response: { 200: policy, ...errors },
    },
    handler: async (req) => {
      const { version, ...input } = req.body;
      return updatePolicy(db, actorOf(req), req.params.year, version, input);
    },
  });
}
