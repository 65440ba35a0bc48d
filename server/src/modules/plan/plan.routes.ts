import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { CSV, jsonOrFileResponse, XLSX } from '../../file-response.ts';
import { receivesOnly } from '../../domain/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { addPolicy, listPolicies, updatePolicy } from './policies.service.ts';
import { checkPlan, planTableCsv } from './plan-table.service.ts';
import { planTableOf, planTableVersions } from './plan-table.versions.ts';
import { writePlanTableXlsx } from './plan-table.xlsx.ts';
import {
  addPolicyBody,
  planChecks,
  planChecksQuery,
  planTableQuery,
  planTableResponse,
  planYear,
  policy,
  policyList,
  updatePolicyBody,
  yearOnly,
} from '../../../../common/api/plan.ts';
import { planYearOf } from './plan-year.service.ts';
import { PassThrough } from 'node:stream';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export function planRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/plan-table', {
    schema: {
      tags: ['年度计划'],
      summary: '城镇老旧小区改造计划表（province 为省级代码或 all；format 为 json、csv 或 xlsx）',
      querystring: planTableQuery,
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
        200: planYear,
        ...errors,
      },
    },
    handler: async (req) => planYearOf(db, actorOf(req)),
  });

  app.get('/api/plan-checks', {
    schema: {
      tags: ['年度计划'],
      summary: '计划检查（省、市或县；每项通过或不通过，并列出相关小区）',
      querystring: planChecksQuery,
      response: { 200: planChecks, ...errors },
    },
    handler: async (req) => checkPlan(db, actorOf(req), req.query.region, req.query.year),
  });

  app.get('/api/plan-policies', {
    schema: {
      tags: ['年度计划'],
      summary: '各计划年度的政策（分界年份、最晚建成年份、占比上限、截止日期）',
      response: { 200: policyList, ...errors },
    },
    handler: async () => ({ items: await listPolicies(db) }),
  });

  app.post('/api/plan-policies', {
    schema: {
      tags: ['年度计划'],
      summary: '新增计划年度政策（以上一年度为起点；全国系统管理员）',
      body: addPolicyBody,
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
      params: yearOnly,
      body: updatePolicyBody,
      response: { 200: policy, ...errors },
    },
    handler: async (req) => {
      const { version, ...input } = req.body;
      return updatePolicy(db, actorOf(req), req.params.year, version, input);
    },
  });
}
