/**
 * Response schemas of the declaration routes (declarations.routes.ts) other than the page itself
 * (declaration-view.schemas.ts): frozen versions, diffs, acceptances, the ministries' overview and
 * notifications. Shapes as declarations.versions.ts, revisions.history.ts and signoff.service.ts
 * return them.
 */
import { z } from 'zod';
import {
  DECLARATION_STATES,
  PROGRESS_LABELS,
  REVISION_REASONS,
  type ProvinceProgress,
} from '../../domain/declaration.ts';
import { displayRow } from '../plan/plan.schemas.ts';
import { RECIPIENT_ROLES } from './signoff-roles.ts';

export const declarationState = z.enum(DECLARATION_STATES);
export const revisionReason = z.enum(REVISION_REASONS);
const progress = z.enum(Object.keys(PROGRESS_LABELS) as [ProvinceProgress, ...ProvinceProgress[]]);

/** The five measures of a plan (平方米 × 100, 元). */
export const totals = z.object({
  communities: z.number(),
  households: z.number(),
  buildings: z.number(),
  floorAreaCenti: z.number().describe('住宅建筑面积，平方米 × 100'),
  investmentYuan: z.number().describe('预计投资额，元'),
});

/** A community as frozen in a submitted version (domain/declaration.ts SnapshotCommunity). */
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

/**
 * A version's frozen content, as declarations.units.ts currentContent freezes it (SnapshotContent).
 * A field added to the frozen content must be added here too, or this answer drops it.
 */
const snapshotContent = z.object({
  communities: z.array(snapshotCommunity),
  totals,
  table: z.array(displayRow).nullable().describe('省级计划表各行；市县为 null'),
  contact: z.string().optional().describe('联系人及电话（省级，录入后冻结；此前冻结的版本无此项）'),
});

const integrity = z
  .enum(['ok', 'mismatch'])
  .describe('按存储内容重新计算校验码：mismatch 即数据校验失败');

/** GET …/versions/:version: a submitted version as frozen. */
export const frozenSnapshot = z.object({
  version: z.number(),
  hash: z.string(),
  integrity,
  createdAt: z.string(),
  createdBy: z.string(),
  content: snapshotContent,
});

/** GET …/candidate: the sign-off version (会签版本), with the year's cut-off for its header. */
export const candidateSnapshot = frozenSnapshot.extend({ cutoffYear: z.number() });

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
      receipts: z.array(
        z.object({
          role: z.enum(RECIPIENT_ROLES),
          label: z.string(),
          username: z.string().nullable(),
          at: z.string().nullable(),
        }),
      ),
    }),
  ),
});

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
