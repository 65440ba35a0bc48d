/**
 * The response schema of a declaration's page, GET /api/declarations/:unit/:year: the shape
 * server/src/modules/declarations/declarations.service.ts declarationView returns, with the
 * integrity of its frozen versions (declarations.integrity.ts).
 */
import { z } from 'zod';
import { SIGNOFF_ROLES, UNIT_LEVELS } from '../declaration.ts';
import {
  declarationState,
  integrity,
  receiptSigned,
  revisionReason,
  totals,
} from './declarations.ts';
import { check } from './plan.ts';

/** A deadline as the page shows it (declarations.deadlines.ts presentDeadline). */
const deadlineShape = {
  deadline: z.string().describe('YYYY-MM-DD：沿上级链最早的截止日期'),
  daysLeft: z.number().describe('剩余天数；逾期为负'),
  internalDeadline: z.string().nullable().describe('上级设定的内部截止日期'),
  deadlineCapped: z.boolean().describe('内部截止日期晚于上级自己的截止日期，以后者为准'),
  deadlineNote: z.string().nullable().describe('受上级截止日期限制：…'),
};

const child = z.object({
  code: z.string(),
  name: z.string(),
  state: declarationState,
  stateLabel: z.string(),
  revision: z.number(),
  version: z.number(),
  submittedAt: z.string().nullable(),
  ...deadlineShape,
  communities: z.number().describe('列入本年度计划的小区数'),
});
export type ChildDeclaration = z.infer<typeof child>;

const approval = z.object({
  approvedOn: z.string(),
  documentNo: z.string(),
  fileName: z.string(),
  username: z.string(),
  at: z.string(),
  covers: z
    .object({ version: z.number(), hash: z.string() })
    .nullable()
    .describe('批复对应的会签版本；null：录入时未指明'),
  current: z.boolean().describe('覆盖当前会签版本'),
});
export type Approval = z.infer<typeof approval>;

/** A province's part of the page (declarations.province.ts provinceView). */
const province = z.object({
  approval: approval.nullable(),
  approvalNotice: z.string().nullable(),
  approvalHistory: z.array(approval),
  contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  candidate: z
    .object({
      id: z.number(),
      version: z.number(),
      hash: z.string(),
      createdAt: z.string(),
      createdBy: z.string(),
      current: z.boolean().describe('false：会签版本冻结后计划已有变动'),
      integrity,
    })
    .nullable(),
  signoffs: z.array(
    z.object({
      role: z.enum(SIGNOFF_ROLES),
      label: z.string(),
      username: z.string().nullable(),
      hash: z.string().nullable(),
      at: z.string().nullable(),
    }),
  ),
  receipts: z.array(
    receiptSigned.extend({ version: z.number().nullable(), hash: z.string().nullable() }),
  ),
});

export const declarationView = z.object({
  // Free-form on purpose: a map from login name to the person as pages show them.
  people: z.record(z.string(), z.string()).describe('登录名 → 单位与姓名'),
  unit: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(UNIT_LEVELS),
  }),
  year: z.number(),
  state: declarationState,
  stateLabel: z.string(),
  version: z.number(),
  revision: z.number().describe('计划调整的次数；0：首次申报'),
  revisionLabel: z.string().nullable(),
  revisionInfo: z
    .object({
      reason: z.string(),
      baseVersion: z.number(),
      openedBy: z.string(),
      openedAt: z.string(),
      reasons: z.array(
        z.object({
          communityId: z.number(),
          code: revisionReason,
          label: z.string(),
          text: z.string(),
        }),
      ),
    })
    .nullable(),
  inForce: z
    .object({
      version: z.number(),
      hash: z.string(),
      acceptedAt: z.string(),
      acceptedBy: z.string(),
      revision: z.number(),
      communities: z.number(),
    })
    .nullable()
    .describe('现行计划：最新接收的版本'),
  submittedAt: z.string().nullable(),
  ...deadlineShape,
  policyDeadline: z.string(),
  parentDeadline: z.string().nullable(),
  side: z.enum(['self', 'above']).nullable().describe('self：本单位申报人；above：上级审核人'),
  can: z
    .object({
      submit: z.boolean(),
      return: z.boolean(),
      accept: z.boolean(),
      revise: z.boolean(),
      edit: z.boolean(),
    })
    .describe('当前用户此刻可做的操作（由状态表得出）：上报、退回、接收、调整计划、修改内容'),
  currentHash: z.string(),
  totals,
  submitted: z
    .object({
      version: z.number(),
      hash: z.string(),
      at: z.string(),
      by: z.string(),
      unchanged: z.boolean().describe('台账仍与上报版本一致'),
      integrity,
    })
    .nullable(),
  checks: z.array(check.extend({ justification: z.string().nullable() })),
  returnNotes: z.array(
    z.object({ communityId: z.number(), name: z.string(), reason: z.string(), at: z.string() }),
  ),
  events: z.array(
    z.object({
      action: z
        .string()
        .describe('submit、return、accept、justify、freeze、approval、signoff.<role> …'),
      username: z.string(),
      at: z.string(),
      reason: z.string().nullable(),
      hash: z.string().nullable(),
    }),
  ),
  children: z.array(child),
  unacceptedChildren: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      state: declarationState,
      stateLabel: z.string(),
    }),
  ),
  province: province.nullable(),
});
export type Declaration = z.infer<typeof declarationView>;
export type DeclarationSide = Declaration['side'];
export type DeclarationCheck = Declaration['checks'][number];
export type DeclarationEvent = Declaration['events'][number];
export type ReturnNote = Declaration['returnNotes'][number];
export type UnacceptedChild = Declaration['unacceptedChildren'][number];
export type ProvinceSignoff = NonNullable<Declaration['province']>;
export type Signoff = ProvinceSignoff['signoffs'][number];
export type Receipt = ProvinceSignoff['receipts'][number];
export type VersionRef = NonNullable<Approval['covers']>;
