// The contract of 进展统计's community routes (server/src/modules/progress/progress.routes.ts,
// attachments.routes.ts): a community's consultations, monthly records and photos, and the
// progress table. The web takes the types only (web/src/api/communityProgress.ts, progress.ts).
import { z } from 'zod';
import { COUNT_MEASURES, FUNDING_SOURCES, type CountMeasure } from '../progress.ts';
import { rowIntParam } from './row-int.ts';

/** :id of /api/communities/:id/… */
export const communityParams = z.object({ id: rowIntParam() });
/** The id of what a POST created. */
export const createdId = z.object({ id: z.number() });
export type CreatedId = z.infer<typeof createdId>;

/** 资金来源 (common/progress.ts FUNDING_SOURCES). */
export const fundingSource = z.enum(FUNDING_SOURCES);

/** A photo or a consultation's document (community-progress.service.ts presentAttachment). */
export const attachmentSchema = z.object({
  id: z.number(),
  kind: z.enum(['before', 'after', 'document']),
  consultationId: z.number().nullable(),
  period: z.string().nullable(),
  lng: z.string().nullable(),
  lat: z.string().nullable(),
  takenAt: z.string().nullable().describe('拍摄时间（照片 EXIF 中相机的当地时间，无时区）'),
  positionSource: z
    .enum(['exif', 'device', 'manual'])
    .nullable()
    .describe('位置来源：exif 照片自带、device 本机定位、manual 手工填写'),
  caption: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  username: z.string(),
  createdAt: z.string(),
  // view inline; add ?download=1 to download
  url: z.string().describe('下载地址'),
});
export type Attachment = z.infer<typeof attachmentSchema>;
export type PhotoKind = Exclude<Attachment['kind'], 'document'>;
/** GET …/photos and …/consultations/:consultationId/documents */
export const attachmentList = z.object({ items: z.array(attachmentSchema) });

const consultationSchema = z.object({
  id: z.number(),
  heldOn: z.string(),
  // 'unrecorded': imported from a progress row, which gives the households agreeing only
  method: z.enum(['meeting', 'door_to_door', 'online', 'written', 'unrecorded']),
  householdsConsulted: z.number(),
  householdsAgreeing: z.number(),
  // of all households of the community, '81.2%'
  share: z.string(),
  reachesThreshold: z.boolean(),
  agreedScheme: z.boolean(),
  agreedContribution: z.boolean(),
  agreedAftercare: z.boolean(),
  notes: z.string(),
  // 'import': from a progress or consultations file (导入)
  source: z.enum(['form', 'import']),
  importId: z.number().nullable(),
  username: z.string(),
  documents: z.array(attachmentSchema),
});
export type Consultation = z.infer<typeof consultationSchema>;
export type ConsultationMethod = Consultation['method'];

const fundLine = z.object({ source: fundingSource, label: z.string(), amount: z.string() });
export type FundLine = z.infer<typeof fundLine>;

/** A schema per counted outcome (common/progress.ts COUNT_MEASURES), in their order. */
export const countsOf = <T extends z.ZodType>(type: T) =>
  Object.fromEntries(COUNT_MEASURES.map((k) => [k, type])) as Record<CountMeasure, T>;

const progressRecord = z.object({
  period: z.string().describe('YYYY-MM'),
  startDate: z.string().nullable(),
  completionDate: z.string().nullable(),
  investmentDoneYuan: z.number(),
  investmentDone: z.string().describe('万元，精确'),
  elevators: z.number(),
  pipelinesM: z.number(),
  pipelinesKm: z.string(),
  elderlyCare: z.number(),
  childcare: z.number(),
  housekeeping: z.number(),
  health: z.number(),
  parking: z.number(),
  chargers: z.number(),
  energyAreaCenti: z.number(),
  energyArea: z.string().describe('平方米'),
  corrected: z.boolean(),
  funds: z.array(fundLine),
  fundsTotal: z.string(),
  username: z.string(),
  updatedAt: z.string(),
});
export type ProgressRecord = z.infer<typeof progressRecord>;

/** GET /api/communities/:id/progress (progress.service.ts communityProgress). */
export const communityProgressView = z.object({
  // Free-form on purpose: a map from login name to the person as pages show them.
  people: z.record(z.string(), z.string()).describe('登录名 → 单位与姓名'),
  households: z.number(),
  consentThreshold: z.number().describe('开工前须同意的户数比例，0.6667 即三分之二'),
  // 'province': the province's own figure for the plan year; 'national': the plan year's
  consentThresholdSource: z.enum(['province', 'national']),
  consentReached: z.boolean(),
  consent: z.object({
    households: z.number(),
    bestAgreeing: z.number(),
    share: z.string().describe('如 81.2%'),
    thresholdLabel: z.string(),
    reached: z.boolean(),
  }),
  startBlockedBy: z.string().nullable().describe('现在开工会被拒绝的原因；可以开工时为 null'),
  /** Newest first. */
  consultations: z.array(consultationSchema),
  /** Newest month first. */
  records: z.array(progressRecord),
  /** Newest first. */
  photos: z.array(attachmentSchema),
  fundingSources: z.array(z.object({ source: fundingSource, label: z.string() })),
});
export type CommunityProgress = z.infer<typeof communityProgressView>;

/** POST /api/communities/:id/consultations */
export const consultationInput = z.object({
  heldOn: z.string(),
  method: z.enum(['meeting', 'door_to_door', 'online', 'written']),
  householdsConsulted: z.number().int().min(0),
  householdsAgreeing: z.number().int().min(0),
  agreedScheme: z.boolean().optional(),
  agreedContribution: z.boolean().optional(),
  agreedAftercare: z.boolean().optional(),
  notes: z.string().max(2000).optional(),
});
export type ConsultationInput = z.infer<typeof consultationInput>;

/** A month, 'YYYY-MM'. */
export const periodParam = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '报告期应为 YYYY-MM');

const fundInput = z.object({ source: fundingSource, amount: z.string().max(20) });
/** 资金到位 from one source; amount in 万元, up to 4 decimals. */
export type FundInput = z.infer<typeof fundInput>;

const count = z.number().int().min(0).max(1_000_000).optional();

/**
 * A community's month-end record as entered (各月进展): the body of
 * PUT /api/communities/:id/progress/:period, read by the server (progress.service.ts, for the API
 * and imports alike) and sent by the web form. Figures are cumulative to the month end; decimals
 * travel as text, as in the import template, so that 万元 and 公里 arrive exact.
 */
export const progressInput = z.object({
  startDate: z.string().optional(),
  completionDate: z.string().optional(),
  // 万元
  investmentDone: z.string().max(20).optional(),
  pipelinesKm: z.string().max(20).optional(),
  ...countsOf(count),
  // 平方米
  energyArea: z.string().max(20).optional(),
  corrected: z.boolean().optional(),
  funds: z
    .array(fundInput)
    .max(7)
    .optional()
    .describe('资金到位（万元）按来源；不传则保持原值，空数组表示清空'),
});
export type ProgressInput = z.infer<typeof progressInput>;

const year = z.coerce.number().int().min(2000).max(2100);
const month = z.coerce.number().int().min(1).max(12);

/** GET /api/progress-table */
export const progressTableQuery = z.object({
  scope: z.string().regex(/^(all|\d{2}|\d{6})$/, '地区应为2位或6位代码，或 all'),
  year,
  month,
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** GET /api/progress-table as JSON (progress.service.ts ProgressTableView). */
export const progressTableView = z.object({
  title: z.string(),
  scope: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  month: z.number(),
  header: z.array(z.string()),
  rows: z
    .array(z.array(z.union([z.string(), z.number()])))
    .describe('每行：单位名称，其后为表头各列的数值；末行为合计'),
  // Per province, the plan version the 计划 figures come from: in force at the month's end
  // (accepted), else the latest submitted, else the live ledger.
  planVersions: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        basis: z
          .enum(['accepted', 'submitted', 'live'])
          .describe('accepted：月末现行计划；submitted：最新上报版本；live：台账当前计划'),
        version: z.number().nullable(),
        revision: z.number(),
        acceptedAt: z.string().nullable(),
      }),
    )
    .describe('各省“计划”数所依据的计划版本'),
  // one line naming the plan the 计划 figures are
  planNote: z.string(),
});
export type ProgressTable = z.infer<typeof progressTableView>;

/** GET /api/statistics-export */
export const statisticsExportQuery = z.object({
  scope: z.string().regex(/^\d{2}(\d{4})?$/, '地区应为2位或6位代码'),
  year,
  month,
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
});

// The progress and consultations imports (progress-imports.routes.ts, issue 9 §3).
export const progressImportKind = z.enum(['progress', 'consultations']);
export type ProgressImportKind = z.infer<typeof progressImportKind>;

const importRowError = z.object({
  line: z.number(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

/** POST /api/progress-imports */
export const progressImportQuery = z.object({
  kind: progressImportKind,
  dryRun: z.enum(['true', 'false']).default('true'),
});

export const progressImportReport = z.object({
  kind: progressImportKind,
  dryRun: z.boolean(),
  rows: z.number(),
  imported: z.number().describe('导入的行数（进展）或协商记录数（居民协商）；检查时为 0'),
  consultationsRecorded: z.number().optional().describe('由“居民同意户数”记录的协商次数'),
  consultationsKnown: z.number().optional(),
  known: z.number().optional().describe('已在台账中的协商记录（不重复记录）'),
  errorCount: z.number(),
  errors: z.array(importRowError),
});
export type ProgressImportReport = z.infer<typeof progressImportReport>;
