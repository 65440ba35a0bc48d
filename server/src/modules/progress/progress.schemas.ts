/** Response schemas of the progress routes (progress.routes.ts): the shapes progress.service.ts returns. */
import { z } from 'zod';

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
  planNote: z.string(),
});

/** 资金来源 (common/progress.ts FundingSource). */
export const fundingSource = z.enum([
  'central',
  'provincial',
  'local',
  'bonds',
  'residents',
  'utilities',
  'social',
]);

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
  url: z.string().describe('下载地址'),
});

const people = z.record(z.string(), z.string()).describe('登录名 → 单位与姓名');

/** GET /api/communities/:id/progress (progress.service.ts communityProgress). */
export const communityProgressView = z.object({
  // Free-form on purpose: a map from login name to the person as pages show them.
  people,
  households: z.number(),
  consentThreshold: z.number().describe('开工前须同意的户数比例，0.6667 即三分之二'),
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
  consultations: z.array(
    z.object({
      id: z.number(),
      heldOn: z.string(),
      method: z.enum(['meeting', 'door_to_door', 'online', 'written', 'unrecorded']),
      householdsConsulted: z.number(),
      householdsAgreeing: z.number(),
      share: z.string(),
      reachesThreshold: z.boolean(),
      agreedScheme: z.boolean(),
      agreedContribution: z.boolean(),
      agreedAftercare: z.boolean(),
      notes: z.string(),
      source: z.enum(['form', 'import']),
      importId: z.number().nullable(),
      username: z.string(),
      documents: z.array(attachmentSchema),
    }),
  ),
  records: z.array(
    z.object({
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
      funds: z.array(z.object({ source: fundingSource, label: z.string(), amount: z.string() })),
      fundsTotal: z.string(),
      username: z.string(),
      updatedAt: z.string(),
    }),
  ),
  photos: z.array(attachmentSchema),
  fundingSources: z.array(z.object({ source: fundingSource, label: z.string() })),
});
