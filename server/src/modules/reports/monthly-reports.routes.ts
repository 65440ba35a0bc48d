import type { Kysely } from 'kysely';
import {
  completenessView,
  dueDayInput,
  dueDayView,
  provinceParams,
  reminders,
  reportHistoryView,
  reportPreview,
  reportVersion,
  submittedReport,
  unitPeriodParams,
  unitYearParams,
  versionParams,
} from '../../../../common/api/monthly-reports.ts';
import type { Database } from '../../db/schema.ts';
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
      params: unitYearParams,
      response: { 200: reportHistoryView, ...errors },
    },
    handler: async (req) =>
      reportHistory(db, actorOf(req), req.params.unit, req.params.year, clock()),
  });

  app.get('/api/monthly-reports/:unit/:year/:period/preview', {
    schema: {
      tags,
      summary: '预览上报时将冻结的月报内容（及与已上报最新版本是否相同）',
      params: unitPeriodParams,
      response: { 200: reportPreview, ...errors },
    },
    handler: async (req) =>
      previewReport(db, actorOf(req), req.params.unit, req.params.year, req.params.period, clock()),
  });

  app.post('/api/monthly-reports/:unit/:year/:period', {
    schema: {
      tags,
      summary: '上报本单位某月月报：冻结为新版本（带 SHA-256），此后不再改变',
      params: unitPeriodParams,
      response: { 201: submittedReport, ...errors },
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
      params: versionParams,
      response: { 200: reportVersion, ...errors },
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
      params: unitPeriodParams,
      response: { 200: completenessView, ...errors },
    },
    handler: async (req) =>
      completeness(db, actorOf(req), req.params.unit, req.params.year, req.params.period, clock()),
  });

  app.post('/api/monthly-reports/:unit/:year/:period/reminders', {
    schema: {
      tags,
      summary: '催报：向逾期未报的下级单位发送站内通知（同一单位一天一次）',
      params: unitPeriodParams,
      response: { 200: reminders, ...errors },
    },
    handler: async (req) =>
      remindLate(db, actorOf(req), req.params.unit, req.params.year, req.params.period, clock()),
  });

  app.get('/api/report-due-days/:province', {
    schema: {
      tags,
      summary: '省级单位设定的月报截止日（次月几日前上报）',
      params: provinceParams,
      response: { 200: dueDayView, ...errors },
    },
    handler: async (req) => getDueDay(db, actorOf(req), req.params.province),
  });

  app.put('/api/report-due-days/:province', {
    schema: {
      tags,
      summary: '设定本省月报截止日（省级住建部门）',
      params: provinceParams,
      body: dueDayInput,
      response: { 200: dueDayView, ...errors },
    },
    handler: async (req) => setDueDay(db, actorOf(req), req.params.province, req.body.dueDay),
  });
}
