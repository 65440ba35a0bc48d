/**
 * Request and response schemas of the fiscal-capacity routes (server/src/modules/fiscal:
 * fiscal.routes.ts): a city's or county's 财政承受能力评估 for a plan year and the province's review.
 */
import { z } from 'zod';
import { planYearParam } from './plan.ts';
import { rowInt, rowIntParam } from './row-int.ts';

/** ?version= of a file upload, when not sent as a multipart field. */
export const fileUploadQuery = z.object({
  version: rowIntParam().optional().describe('或作为 multipart 字段'),
});

export const fileDownloadQuery = z.object({ download: z.enum(['0', '1']).optional() });

export const unitYear = z.object({
  region: z.string().regex(/^\d{6}$/, '区划代码应为6位数字'),
  year: planYearParam,
});

export const assessmentInput = z.object({
  version: z
    .number()
    .int()
    .min(1)
    .nullable()
    .optional()
    .describe('修改时为读到的版本号；首次录入时不填'),
  available: z.string().max(20).describe('拟安排地方财政资金（万元），最多4位小数'),
  document: z.string().max(255).describe('评估文件名称或文号'),
  debtIndicators: z.string().max(1000).describe('评估采用的债务指标（文字）'),
  debtRatio: z.string().max(12).nullable().optional().describe('债务率（%），可空'),
  debtBalance: z.string().max(20).nullable().optional().describe('政府债务余额（万元），可空'),
  conclusion: z.enum(['within', 'exceeds']).describe('within：在财政承受能力范围内；exceeds：超出'),
  conclusionNote: z.string().max(1000).optional(),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const reviewInput = z.object({
  version: rowInt(),
  decision: z.enum(['passed', 'returned']).describe('passed：通过；returned：退回'),
  reviewer: z.string().max(64).describe('审核人'),
  reviewedOn: z.string().max(10).describe('审核日期 YYYY-MM-DD'),
  remark: z.string().max(500).optional().describe('审核意见；退回时必填'),
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const reviewStatus = z.enum(['pending', 'passed', 'returned']);
export type ReviewStatus = z.infer<typeof reviewStatus>;
export const conclusion = z.enum(['within', 'exceeds']);
export type Conclusion = z.infer<typeof conclusion>;

export const assessment = z.object({
  regionCode: z.string(),
  name: z.string(),
  level: z.string(),
  planYear: z.number(),
  version: z.number(),
  available: z.string(),
  document: z.string(),
  debtIndicators: z.string(),
  debtRatio: z.string().nullable(),
  debtBalance: z.string().nullable(),
  conclusion,
  conclusionNote: z.string(),
  file: z
    .object({ name: z.string(), contentType: z.string(), size: z.number(), url: z.string() })
    .nullable(),
  review: z.object({
    status: reviewStatus,
    reviewer: z.string().nullable(),
    reviewedOn: z.string().nullable(),
    remark: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  }),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type FiscalAssessment = z.infer<typeof assessment>;

export const assessmentList = z.object({
  items: z.array(assessment),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      communities: z.number(),
      assessed: z.boolean(),
    }),
  ),
});
export type FiscalList = z.infer<typeof assessmentList>;
