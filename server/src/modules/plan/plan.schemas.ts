/** Response schemas of the plan routes (plan.routes.ts); the shapes of plan-table.service.ts. */
import { z } from 'zod';

export const check = z.object({
  id: z.string().describe('检查项代码'),
  outcome: z.string().describe('结果代码（passed 为通过；其余为各检查项的不通过情形）'),
  title: z.string(),
  severity: z.enum(['blocking', 'warning', 'info']),
  passed: z.boolean(),
  message: z.string(),
  rows: z.array(
    z.object({ id: z.number(), name: z.string(), regionCode: z.string(), detail: z.string() }),
  ),
  // The units a fiscal check is about (domain/fiscal-checks.ts).
  units: z.array(z.object({ code: z.string(), name: z.string() })).optional(),
});

/** A frozen version as printed on the form: its number and hash (校验码). */
const frozenRef = z.object({ number: z.number(), hash: z.string(), submittedAt: z.string() });

/** One displayed row (domain/plan-table.ts DisplayRow): 15 figures, per measure 2000年底前/后/合计. */
export const displayRow = z.object({
  unit: z.string(),
  label: z.string().describe('小计 / 其中：城市 / 其中：县城 / 合计'),
  values: z
    .array(z.union([z.number(), z.string()]))
    .describe('计数为数字；面积、投资为两位小数的文字'),
});

/** The plan table of plan-table.service.ts (PlanTableView). */
export const planTableView = z.object({
  title: z.string(),
  year: z.number(),
  scope: z.object({ code: z.string(), name: z.string() }),
  contact: z.string(),
  cutoffYear: z.number(),
  header: z.array(z.string()),
  basis: z.enum(['live', 'version', 'accepted', 'submitted']),
  basisLabel: z.string().describe('工作底稿（未冻结）、第 3 版（已会签）、各省已接收版本 …'),
  version: frozenRef.nullable().describe('省表的冻结版本；工作底稿与全国表为 null'),
  note: z.string().describe('表下的舍入说明'),
  blocks: z.array(
    z.object({
      province: z.object({ code: z.string(), name: z.string() }),
      rows: z.array(displayRow),
      source: z.object({
        kind: z.enum(['live', 'frozen', 'none']),
        version: frozenRef.nullable(),
        label: z.string(),
      }),
    }),
  ),
  national: z.array(displayRow).nullable().describe('全国合计行（全国表）；省表为 null'),
});

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
