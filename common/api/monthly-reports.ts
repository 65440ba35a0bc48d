// The contract of 月报 (server/src/modules/reports/monthly-reports.routes.ts): a unit's monthly
// report, frozen as at month end, versioned, with its hash; the completeness of the units below,
// reminders, and the province's due day. web/src/api/monthlyReports.ts takes the types.
import { z } from 'zod';
import { MAX_DUE_DAY, REPORT_STATUSES } from '../monthly-reports.ts';
import { countsOf } from './progress.ts';
import { rowIntParam } from './row-int.ts';

const unitCode = z.string().regex(/^[0-9A-Z]{6}$/, '单位代码应为6位区划代码');
export const unitYearParams = z.object({
  unit: unitCode,
  year: z.coerce.number().int().min(2000).max(2100),
});
export const unitPeriodParams = unitYearParams.extend({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '报告期应为 YYYY-MM'),
});
export const versionParams = unitPeriodParams.extend({ version: rowIntParam() });
export const provinceParams = z.object({
  province: z.string().regex(/^\d{6}$/, '省级代码应为6位数字'),
});

const unit = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['country', 'province', 'prefecture', 'county']),
});
export type ReportUnit = z.infer<typeof unit>;

const codeName = z.object({ code: z.string(), name: z.string() });

const summary = z.object({
  period: z.string().describe('YYYY-MM'),
  version: z.number(),
  hash: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  dueDate: z.string(),
  // this version came before the due date's end
  inTime: z.boolean(),
});
export type ReportSummary = z.infer<typeof summary>;

/**
 * A community as the report froze it (monthly-reports.repository.ts communitiesAsAt). The wire
 * schema below leaves the frozen rows as they were stored, so that every version reads back as
 * it was frozen; this is their shape.
 */
export const frozenCommunity = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  prefectureCode: z.string(),
  households: z.number(),
  // the month of the record used (the latest up to the report's month); null: no record
  recordPeriod: z.string().nullable(),
  startDate: z.string().nullable(),
  completionDate: z.string().nullable(),
  investmentDoneYuan: z.number(),
  pipelinesM: z.number(),
  ...countsOf(z.number()),
  // 平方米 × 100
  energyAreaCenti: z.number(),
  corrected: z.boolean(),
});
export type FrozenCommunity = z.infer<typeof frozenCommunity>;

const table = z.object({
  title: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number()]))),
});

const content = z
  .object({
    unit,
    planYear: z.number(),
    period: z.string(),
    monthEnd: z.string(),
    communities: z.array(z.record(z.string(), z.unknown())),
    table,
  })
  .describe('冻结的月报内容：各小区截至月末的进展，和由此计算的进展情况表');
/** The frozen content, its communities typed as frozenCommunity. */
export type ReportContent = Omit<z.infer<typeof content>, 'communities'> & {
  communities: FrozenCommunity[];
};

const status = z.enum(REPORT_STATUSES);
const statusLabel = z.string();

/** GET /api/monthly-reports/:unit/:year */
export const reportHistoryView = z.object({
  unit,
  year: z.number(),
  dueDay: z.number(),
  canSubmit: z.boolean(),
  people: z.record(z.string(), z.string()).describe('上报人登录名 → 单位与姓名'),
  reports: z.array(summary.extend({ status, statusLabel })),
});
export type ReportHistory = z.infer<typeof reportHistoryView>;

/** GET /api/monthly-reports/:unit/:year/:period/preview */
export const reportPreview = z.object({
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
});
export type ReportPreview = Omit<z.infer<typeof reportPreview>, 'content'> & {
  content: ReportContent;
};

/** POST /api/monthly-reports/:unit/:year/:period */
export const submittedReport = z.object({
  version: z.number(),
  hash: z.string(),
  submittedAt: z.string(),
  dueDate: z.string(),
  inTime: z.boolean(),
});
export type SubmittedReport = z.infer<typeof submittedReport>;

/** GET /api/monthly-reports/:unit/:year/:period/versions/:version */
export const reportVersion = summary.extend({ integrity: z.enum(['ok', 'mismatch']), content });
export type ReportVersion = Omit<z.infer<typeof reportVersion>, 'content'> & {
  content: ReportContent;
};

const completenessItem = z.object({
  code: z.string(),
  name: z.string(),
  status,
  statusLabel,
  dueDate: z.string(),
  version: z.number(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export type CompletenessItem = z.infer<typeof completenessItem>;

/** GET /api/monthly-reports/:unit/:year/:period/completeness */
export const completenessView = z.object({
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
  items: z.array(completenessItem),
  withoutPlan: z.array(codeName).describe('本年度计划中没有小区、无需上报的下级单位'),
});
export type Completeness = z.infer<typeof completenessView>;

/** POST /api/monthly-reports/:unit/:year/:period/reminders */
export const reminders = z.object({ notified: z.array(codeName) });
export type Reminders = z.infer<typeof reminders>;

/** GET and PUT /api/report-due-days/:province */
export const dueDayView = z.object({
  province: codeName,
  dueDay: z.number(),
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  canSet: z.boolean(),
});
export type DueDay = z.infer<typeof dueDayView>;

export const dueDayInput = z.object({
  dueDay: z
    .number()
    .int()
    .min(1, '截止日应在 1 至 28 日之间')
    .max(MAX_DUE_DAY, `截止日应在 1 至 ${MAX_DUE_DAY} 日之间`),
});
