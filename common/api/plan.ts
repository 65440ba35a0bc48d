/**
 * Request and response schemas of the plan routes (server/src/modules/plan: plan.routes.ts,
 * consent-thresholds.routes.ts): the plan table, its checks, the plan year and the plan-year
 * policies. Fastify validates and documents with them; the web takes their types.
 */
import { z } from 'zod';
import { ROW_KINDS } from '../plan-table.ts';
import type { PlanPolicy as PlanPolicyRules } from '../plan-policy.ts';
import { rowInt } from './row-int.ts';

/** A plan year in an address or a query. */
export const planYearParam = z.coerce.number().int().min(2000).max(2100);

/** ?year= or /:year alone. */
export const yearOnly = z.object({ year: planYearParam });

export const checkSeverity = z.enum(['blocking', 'warning', 'info']);
export type CheckSeverity = z.infer<typeof checkSeverity>;

const checkRow = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  detail: z.string(),
});
export type PlanCheckRow = z.infer<typeof checkRow>;

export const check = z.object({
  id: z.string().describe('检查项代码'),
  outcome: z.string().describe('结果代码（passed 为通过；其余为各检查项的不通过情形）'),
  title: z.string(),
  severity: checkSeverity,
  passed: z.boolean(),
  message: z.string(),
  rows: z.array(checkRow),
  // The units a fiscal check is about (domain/fiscal-checks.ts).
  units: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});
export type PlanCheck = z.infer<typeof check>;

/** A frozen version as printed on the form: its number and hash (校验码). */
const frozenRef = z.object({ number: z.number(), hash: z.string(), submittedAt: z.string() });
export type FrozenRef = z.infer<typeof frozenRef>;

/**
 * One row of the form as a version freezes it (domain/plan-table.ts FrozenRow): 15 figures, per
 * measure 2000年底前/后/合计. Frozen content and its hash hold exactly these three fields.
 */
export const frozenRow = z.object({
  unit: z.string(),
  label: z.string().describe('全市小计 / 1. 城市(建成区) / 2. 县城(城关镇) / 合计'),
  values: z
    .array(z.union([z.number(), z.string()]))
    .describe('计数为数字；面积、投资为两位小数的文字'),
});
export type FrozenPlanRow = z.infer<typeof frozenRow>;

/** One displayed row (domain/plan-table.ts DisplayRow): a frozen row and what it is. */
export const displayRow = frozenRow.extend({
  kind: z
    .enum(ROW_KINDS)
    .describe('subtotal 单位小计；category 城市或县城分项；total 全省（全国）合计'),
});
export type PlanTableRow = z.infer<typeof displayRow>;

/**
 * Where a table's figures come from: 'live' the ledger now (工作底稿); 'version' one frozen
 * version of a province's plan; 'accepted' / 'submitted' (the national table) each province's
 * accepted or latest submitted version.
 */
const planBasis = z.enum(['live', 'version', 'accepted', 'submitted']);
export type PlanBasis = z.infer<typeof planBasis>;

/** Where one province block's figures come from; 'none': no such version, no figures shown. */
const blockSource = z.object({
  kind: z.enum(['live', 'frozen', 'none']),
  version: frozenRef.nullable(),
  label: z.string(),
});
export type BlockSource = z.infer<typeof blockSource>;

const planTableBlock = z.object({
  province: z.object({ code: z.string(), name: z.string() }),
  rows: z.array(displayRow),
  source: blockSource,
});
export type PlanTableBlock = z.infer<typeof planTableBlock>;

/** The plan table of plan-table.service.ts (PlanTableView). */
export const planTableView = z.object({
  title: z.string(),
  year: z.number(),
  scope: z.object({ code: z.string(), name: z.string() }),
  contact: z.string(),
  cutoffYear: z.number(),
  header: z.array(z.string()),
  basis: planBasis,
  basisLabel: z.string().describe('工作底稿（未冻结）、第 3 版（已会签）、各省已接收版本 …'),
  version: frozenRef.nullable().describe('省表的冻结版本；工作底稿与全国表为 null'),
  note: z.string().describe('表下的舍入说明'),
  blocks: z.array(planTableBlock),
  national: z.array(displayRow).nullable().describe('全国合计行（全国表）；省表为 null'),
});
export type PlanTableView = z.infer<typeof planTableView>;

/** GET /api/plan-table as JSON: the table, the live checks and the province's versions. */
export const planTableResponse = planTableView.extend({
  checks: z.array(check).describe('工作底稿的检查结果；冻结版本、全国表与部委用户为空'),
  versions: z.array(
    frozenRef.extend({
      signed: z.boolean().describe('经三个部门会签的最新上报版本'),
      inForce: z.boolean().describe('现行计划（已接收的最新版本）'),
    }),
  ),
});
export type PlanTable = z.infer<typeof planTableResponse>;

export const planTableQuery = z.object({
  province: z.string().regex(/^(all|\d{2}|\d{6})$/, '省份应为2位或6位代码，或 all'),
  year: planYearParam,
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
});

/** GET /api/plan-year: the plan year being declared, and why. */
export const planYear = z.object({
  year: z.number().int(),
  basis: z.enum(['policy', 'records', 'calendar']),
  basisLabel: z.string(),
});
export type PlanYear = z.infer<typeof planYear>;

export const planChecksQuery = z.object({
  region: z.string().regex(/^\d{2}(\d{4})?$/, '区划代码应为6位数字'),
  year: planYearParam,
});

/** GET /api/plan-checks. */
export const planChecks = z.object({
  scope: z.object({ code: z.string(), name: z.string() }),
  checks: z.array(check),
});
export type PlanChecks = z.infer<typeof planChecks>;

/** A plan year's rules as the administrators edit them (domain/plan-policy.ts PlanPolicy). */
export const policy = z.object({
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
}) satisfies z.ZodType<PlanPolicyRules>;
export type PlanPolicy = z.infer<typeof policy>;

export const policyList = z.object({ items: z.array(policy) });

export const policyInput = z.object({
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
export type PlanPolicyInput = z.infer<typeof policyInput>;

/** POST /api/plan-policies: a new year, from the latest earlier year's rules. */
export const addPolicyBody = policyInput.partial().extend({ planYear: planYearParam });
/** PUT /api/plan-policies/:year. */
export const updatePolicyBody = policyInput.extend({ version: rowInt() });

export const consentThresholdParams = z.object({
  province: z.string().regex(/^\d{2}(0000)?$/, '省份应为2位或6位代码'),
  year: planYearParam,
});

/** GET /api/consent-thresholds: the national default and the provinces' own. */
export const consentThresholds = z.object({
  planYear: z.number(),
  national: z.number().describe('全国默认比例，0.6667 即三分之二'),
  nationalLabel: z.string(),
  items: z.array(
    z.object({
      provinceCode: z.string(),
      provinceName: z.string(),
      threshold: z.number(),
      label: z.string(),
      fromYear: z.number().describe('该比例自哪一计划年度起适用'),
      updatedAt: z.string(),
      updatedBy: z.string().nullable(),
    }),
  ),
});

export type ConsentThresholds = z.infer<typeof consentThresholds>;
export type ProvinceThreshold = ConsentThresholds['items'][number];

export const consentThresholdBody = z.object({
  percent: z
    .number()
    .gt(0, '居民同意比例应大于 0')
    .max(100, '居民同意比例不能超过 100%')
    .describe('开工前须同意的居民户数比例（%），如 75'),
});
