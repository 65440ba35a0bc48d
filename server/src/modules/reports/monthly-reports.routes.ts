import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { MAX_DUE_DAY, REPORT_STATUSES } from '../../domain/monthly-report.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { completeness, getDueDay, remindLate, setDueDay } from './completeness.service.ts';
import {
  previewReport,
  reportHistory,
  reportSnapshot,
  submitReport,
} from './monthly-reports.service.ts';

const tags = ['月报'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const unitCode = z.string().regex(/^[0-9A-Z]{6}$/, '单位代码应为6位区划代码');
const unitYear = z.object({
  unit: unitCode,
  year: z.coerce.number().int().min(2000).max(2100),
});
const unitPeriod = unitYear.extend({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '报告期应为 YYYY-MM'),
});
const unit = z.object({ code: z.string(), name: z.string(), level: z.string() });
const summary = z.object({
  period: z.string(),
  version: z.number(),
  hash: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  dueDate: z.string(),
  inTime: z.boolean(),
});
const content = z
  .object({
    unit,
    planYear: z.number(),
    period: z.string(),
    monthEnd: z.string(),
    communities: z.array(z.record(z.string(), z.unknown())),
    table: z.object({
      title: z.string(),
      header: z.array(z.string()),
      rows: z.array(z.array(z.union([z.string(), z.number()]))),
    }),
  })
  .describe('冻结的月报内容：各小区截至月末的进展，和由此计算的进展情况表');
const status = z.enum(REPORT_STATUSES);
const dueDayView = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  dueDay: z.number(),
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canSet: z.boolean(),
});

/** `clock`: the server's time (config.ts, CLOCK_AT); the real one unless a test or demo sets it. */
export function monthlyReportRoutes(
  app: App,
  db: Kysely<Database>,
  clock: () => Date = () => new Date(),
): void {
  app.get('/api/monthly-reports/:unit/:year', {
    schema: {
      tags,
      summary: '单位某计划年度已上报的月报（各月各版本、校验码、是否按时）',
      params: unitYear,
      response: {
        200: z.object({
          unit,
          year: z.number(),
          dueDay: z.number(),
          canSubmit: z.boolean(),
          people: z.record(z.string(), z.string()).describe('上报人登录名 → 单位与姓名'),
          reports: z.array(summary.extend({ status, statusLabel: z.string() })),
        }),
        ...errors,
      },
    },
    handler: async (req) =>
      reportHistory(db, actorOf(req), req.params.unit, req.params.year, clock()),
  });

  app.get('/api/monthly-reports/:unit/:year/:period/preview', {
    schema: {
      tags,
      summary: '预览上报时将冻结的月报内容（及与已上报最新版本是否相同）',
      params: unitPeriod,
      response: {
        200: z.object({
          unit,
          year: z.number(),
          period: z.string(),
          dueDate: z.string(),
          canSubmit: z.boolean(),
          opensOn: z.string().describe('报告期最后一天（北京时间）：自该日起方可上报'),
          open: z.boolean().describe('已到可上报之日'),
          hash: z.string(),
          latest: summary.extend({ unchanged: z.boolean() }).nullable(),
          content,
        }),
        ...errors,
      },
    },
    handler: async (req) =>
      previewReport(db, actorOf(req), req.params.unit, req.params.year, req.params.period, clock()),
  });

  app.post('/api/monthly-reports/:unit/:year/:period', {
    schema: {
      tags,
      summary: '上报本单位某月月报：冻结为新版本（带 SHA-256），此后不再改变',
      params: unitPeriod,
      response: {
        201: z.object({
          version: z.number(),
          hash: z.string(),
          submittedAt: z.string(),
          dueDate: z.string(),
          inTime: z.boolean(),
        }),
        ...errors,
      },
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await submitReport(
            db,
            actorOf(req),
            req.params.unit,
            req.params.year,
            req.params.period,
            clock(),
          ),
        ),
  });

  app.get('/api/monthly-reports/:unit/:year/:period/versions/:version', {
    schema: {
      tags,
      summary: '已上报月报的某一版本，按冻结时的原样',
      params: unitPeriod.extend({ version: z.coerce.number().int().min(1) }),
      response: {
        200: summary.extend({ integrity: z.enum(['ok', 'mismatch']), content }),
        ...errors,
      },
    },
    handler: async (req) =>
      reportSnapshot(
        db,
        actorOf(req),
        req.params.unit,
        req.params.year,
        req.params.period,
        req.params.version,
      ),
  });

  app.get('/api/monthly-reports/:unit/:year/:period/completeness', {
    schema: {
      tags,
      summary: '下级单位某月月报报送情况（按时、逾期上报、尚未上报、逾期未报）；部委看各省',
      params: unitPeriod,
      response: {
        200: z.object({
          unit,
          year: z.number(),
          period: z.string(),
          canRemind: z.boolean(),
          counts: z.object({
            total: z.number(),
            reported: z.number(),
            onTime: z.number(),
            late: z.number(),
            pending: z.number(),
            overdue: z.number(),
          }),
          items: z.array(
            z.object({
              code: z.string(),
              name: z.string(),
              status,
              statusLabel: z.string(),
              dueDate: z.string(),
              version: z.number(),
              firstSubmittedAt: z.string().nullable(),
              submittedAt: z.string().nullable(),
            }),
          ),
          withoutPlan: z
            .array(z.object({ code: z.string(), name: z.string() }))
            .describe('本年度计划中没有小区、无需上报的下级单位'),
        }),
        ...errors,
      },
    },
    handler: async (req) =>
      completeness(db, actorOf(req), req.params.unit, req.params.year, req.params.period, clock()),
  });

  app.post('/api/monthly-reports/:unit/:year/:period/reminders', {
    schema: {
      tags,
      summary: '催报：向逾期未报的下级单位发送站内通知（同一单位一天一次）',
      params: unitPeriod,
      response: {
        200: z.object({ notified: z.array(z.object({ code: z.string(), name: z.string() })) }),
        ...errors,
      },
    },
    handler: async (req) =>
      remindLate(db, actorOf(req), req.params.unit, req.params.year, req.params.period, clock()),
  });

  const province = z.object({ province: z.string().regex(/^\d{6}$/, '省级代码应为6位数字') });
  app.get('/api/report-due-days/:province', {
    schema: {
      tags,
      summary: '省级单位设定的月报截止日（次月几日前上报）',
      params: province,
      response: { 200: dueDayView, ...errors },
    },
    handler: async (req) => getDueDay(db, actorOf(req), req.params.province),
  });

  app.put('/api/report-due-days/:province', {
    schema: {
      tags,
      summary: '设定本省月报截止日（省级住建部门）',
      params: province,
      body: z.object({
        dueDay: z
          .number()
          .int()
          .min(1, '截止日应在 1 至 28 日之间')
          .max(MAX_DUE_DAY, `截止日应在 1 至 ${MAX_DUE_DAY} 日之间`),
      }),
      response: { 200: dueDayView, ...errors },
    },
    handler: async (req) => setDueDay(db, actorOf(req), req.params.province, req.body.dueDay),
  });
}
