/**
 * Request and response schemas of the declaration routes (server/src/modules/declarations:
 * declarations.routes.ts) other than the page itself (declaration-view.ts): its actions, frozen
 * versions, diffs, acceptances, the ministries' overview and notifications. Response shapes as
 * declarations.versions.ts, revisions.history.ts and signoff.service.ts return them.
 */
import { z } from 'zod';
import {
  DECLARATION_STATES,
  PROVINCE_PROGRESS,
  RECIPIENT_ROLES,
  REVISION_REASONS,
  SIGNOFF_ROLES,
} from '../declaration.ts';
import type { Measures } from '../measures.ts';
import { frozenRow, planYearParam } from './plan.ts';
import { rowInt, rowIntParam } from './row-int.ts';

export const declarationState = z.enum(DECLARATION_STATES);
export const revisionReason = z.enum(REVISION_REASONS);
const progress = z.enum(PROVINCE_PROGRESS);
export const integrity = z
  .enum(['ok', 'mismatch'])
  .describe('按存储内容重新计算校验码：mismatch 即数据校验失败');

/** The five measures of a plan (平方米 × 100, 元). */
export const totals = z.object({
  communities: z.number(),
  households: z.number(),
  buildings: z.number(),
  floorAreaCenti: z.number().describe('住宅建筑面积，平方米 × 100'),
  investmentYuan: z.number().describe('预计投资额，元'),
}) satisfies z.ZodType<Measures>;
export type DeclarationTotals = z.infer<typeof totals>;

/** A community as frozen in a submitted version (domain/declaration.ts diffs them). */
export const snapshotCommunity = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  buildYear: z.number(),
  households: z.number(),
  buildings: z.number(),
  floorAreaCenti: z.number(),
  investmentYuan: z.number(),
  areaClass: z.string(),
  exclusion: z.string(),
});
export type SnapshotCommunity = z.infer<typeof snapshotCommunity>;

/**
 * A version's frozen content, as declarations.units.ts currentContent freezes it (SnapshotContent).
 * A field added to the frozen content must be added here too, or this answer drops it.
 */
const snapshotContent = z.object({
  communities: z.array(snapshotCommunity),
  totals,
  table: z.array(frozenRow).nullable().describe('省级计划表各行；市县为 null'),
  contact: z.string().optional().describe('联系人及电话（省级，录入后冻结；此前冻结的版本无此项）'),
});

/** GET …/versions/:version: a submitted version as frozen. */
export const frozenSnapshot = z.object({
  version: z.number(),
  hash: z.string(),
  integrity,
  createdAt: z.string(),
  createdBy: z.string(),
  content: snapshotContent,
});
export type SubmittedSnapshot = z.infer<typeof frozenSnapshot>;

/** GET …/candidate: the sign-off version (会签版本), with the year's cut-off for its header. */
export const candidateSnapshot = frozenSnapshot.extend({ cutoffYear: z.number() });
export type CandidateSnapshot = z.infer<typeof candidateSnapshot>;

const fieldChange = z.object({
  field: snapshotCommunity.keyof(),
  old: z.union([z.string(), z.number(), z.null()]),
  new: z.union([z.string(), z.number(), z.null()]),
});
const changedCommunity = z.object({
  id: z.number(),
  name: z.string(),
  fields: z.array(fieldChange),
});

/** GET …/diff: what changed between two submitted versions. */
export const declarationDiff = z.object({
  from: z.number().describe('0：与空清单比较（第一版）'),
  to: z.number(),
  added: z.array(snapshotCommunity),
  removed: z.array(snapshotCommunity),
  changed: z.array(changedCommunity),
});
export type DeclarationDiff = z.infer<typeof declarationDiff>;

/** A revision's reason for one community, with who gave it. */
const revisionReasonNote = z
  .object({
    code: revisionReason,
    label: z.string(),
    text: z.string(),
    unit: z.string(),
    username: z.string(),
    at: z.string(),
  })
  .nullable();
export type RevisionReasonNote = NonNullable<z.infer<typeof revisionReasonNote>>;

/** GET …/revision/diff: a revision (计划调整) against the plan in force. */
export const revisionDiff = z.object({
  revision: z.number(),
  revisionLabel: z.string().nullable(),
  state: declarationState,
  from: z.object({
    version: z.number(),
    hash: z.string(),
    acceptedAt: z.string(),
    acceptedBy: z.string(),
  }),
  to: z.object({
    version: z.number().nullable().describe('null：尚未上报的工作底稿'),
    hash: z.string(),
  }),
  added: z.array(snapshotCommunity.extend({ reason: revisionReasonNote })),
  removed: z.array(snapshotCommunity.extend({ reason: revisionReasonNote })),
  changed: z.array(changedCommunity.extend({ reason: revisionReasonNote })),
  totals: z.object({ before: totals, after: totals }),
  table: z
    .array(
      z.object({
        unit: z.string(),
        label: z.string(),
        before: z
          .array(z.union([z.number(), z.string()]))
          .nullable()
          .describe('null：新增的行'),
        after: z
          .array(z.union([z.number(), z.string()]))
          .nullable()
          .describe('null：删去的行'),
        changed: z.boolean(),
      }),
    )
    .nullable()
    .describe('省级计划表逐行调整前后；市县为 null'),
});
export type RevisionDiff = z.infer<typeof revisionDiff>;

/** GET …/acceptances: every accepted version, oldest first. */
export const acceptanceHistory = z.object({
  unit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  items: z.array(
    z.object({
      version: z.number(),
      hash: z.string(),
      submittedAt: z.string(),
      submittedBy: z.string(),
      acceptedAt: z.string(),
      acceptedBy: z.string(),
      revision: z.number(),
      revisionLabel: z.string().nullable(),
      reason: z.string().nullable(),
      openedBy: z.string().nullable(),
      openedAt: z.string().nullable(),
      totals,
      changes: z
        .object({ added: z.number(), removed: z.number(), changed: z.number() })
        .nullable()
        .describe('与上一接收版本相比；第一版为 null'),
      reasons: z.array(
        z.object({
          communityId: z.number(),
          name: z.string(),
          code: revisionReason,
          label: z.string(),
          text: z.string(),
        }),
      ),
    }),
  ),
});
export type AcceptanceHistory = z.infer<typeof acceptanceHistory>;
export type AcceptedVersion = AcceptanceHistory['items'][number];

/** A national department's receipt (签收) of a province's latest submitted version; nulls: none yet. */
export const receiptSigned = z.object({
  role: z.enum(RECIPIENT_ROLES),
  label: z.string().describe('住建部、发改委、财政部'),
  username: z.string().nullable(),
  at: z.string().nullable(),
});

/** GET /api/declarations-overview: each province against the deadline (ministries). */
export const ministryOverview = z.object({
  deadline: z.string(),
  daysLeft: z.number(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      state: declarationState.nullable().describe('null：未开始'),
      stateLabel: z.string(),
      progress,
      progressLabel: z.string(),
      version: z.number(),
      submittedAt: z.string().nullable(),
      deadline: z.string(),
      daysLeft: z.number(),
      receipts: z.array(receiptSigned),
    }),
  ),
});
export type Overview = z.infer<typeof ministryOverview>;
export type OverviewItem = Overview['items'][number];

/** GET /api/notifications. */
export const notifications = z.object({
  items: z.array(
    z.object({
      kind: z.string().describe('submit、return、accept、deadline、due …'),
      message: z.string(),
      link: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type AppNotification = z.infer<typeof notifications>['items'][number];

// Requests.

/** /api/declarations/:unit/:year, the root of a declaration's routes. */
export const unitYear = z.object({
  unit: z.string().regex(/^\d{6}$/, '单位代码应为6位数字'),
  year: planYearParam,
});

/** What an action answers: the declaration's state after it. */
export const stateAfter = z.object({ state: declarationState });
export type StateAfter = z.infer<typeof stateAfter>;

export const returnBody = z.object({
  reason: z.string().trim().min(2, '请写明退回理由').max(2000),
  notes: z
    .array(
      z.object({
        communityId: rowInt(),
        reason: z.string().trim().min(1).max(1000),
      }),
    )
    .max(500)
    .default([]),
});
export type ReturnNoteInput = z.infer<typeof returnBody>['notes'][number];

export const reviseBody = z.object({
  reason: z.string().trim().min(2, '请写明调整理由').max(2000),
});

export const revisionReasonParams = unitYear.extend({
  communityId: rowIntParam(),
});
export const revisionReasonBody = z.object({
  code: z.enum(REVISION_REASONS, {
    error: '原因应为 not_feasible、residents_changed、merged 或 other 之一',
  }),
  text: z.string().max(1000).default(''),
});

export const diffQuery = z.object({
  from: z.coerce.number().int().min(0).optional(),
  to: rowIntParam().optional(),
});

export const versionParams = unitYear.extend({ version: rowIntParam() });

export const justificationParams = unitYear.extend({
  checkId: z.string().regex(/^[a-z_]{2,40}$/),
});
export const justificationBody = z.object({ text: z.string().max(2000) });

/** POST …/freeze: the sign-off version frozen. */
export const frozenCandidate = z.object({ id: z.number(), hash: z.string() });
export type FrozenCandidate = z.infer<typeof frozenCandidate>;

export const signoffParams = z.object({ snapshotId: rowIntParam() });
export const signoffBody = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, '校验码应为64位十六进制'),
});
export const signoffDone = z.object({ role: z.enum(SIGNOFF_ROLES) });
export type SignoffDone = z.infer<typeof signoffDone>;

export const contactBody = z.object({ name: z.string().max(200), phone: z.string().max(200) });

export const receiptBody = z
  .object({
    version: rowInt().optional().describe('签收的版本；不填为最新上报版本'),
  })
  .nullish();
/** POST …/receipts: the receipt, and whether this call made it. */
export const receiptDone = z.object({
  created: z.boolean(),
  receipt: z.object({
    role: z.enum(RECIPIENT_ROLES),
    label: z.string(),
    username: z.string(),
    at: z.string(),
    version: z.number(),
    hash: z.string(),
  }),
});
export type ReceiptDone = z.infer<typeof receiptDone>;

export const deadlineBody = z.object({
  deadline: z.string().nullable().describe('YYYY-MM-DD；null：取消内部截止日期，按年度截止日期'),
});
