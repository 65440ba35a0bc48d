// 计划调整: revising an accepted plan — the reasons a revision gives per community, its diff
// against the plan in force, and every accepted version (issue 11 §3). Shapes as
// server/src/modules/declarations/revisions.*.ts presents them.
import { api } from './client.ts';
import {
  unitPath,
  type DeclarationDiff,
  type DeclarationState,
  type DeclarationTotals,
  type SnapshotCommunity,
} from './declarations.ts';

export type RevisionReasonCode = 'not_feasible' | 'residents_changed' | 'merged' | 'other';
export const REVISION_REASON_LABELS: Record<RevisionReasonCode, string> = {
  not_feasible: '不具备改造条件',
  residents_changed: '居民改造意愿变化',
  merged: '并入其他项目',
  other: '其他',
};

export interface RevisionReason {
  code: RevisionReasonCode;
  label: string;
  text: string;
  /** the unit that gave it (this unit or the one below that removed the community) */
  unit: string;
  username: string;
  at: string;
}

/** The revision against the plan in force (GET …/revision/diff). */
export interface RevisionDiff {
  revision: number;
  revisionLabel: string;
  state: DeclarationState;
  from: { version: number; hash: string; acceptedAt: string; acceptedBy: string };
  /** version null: the live plan, not yet submitted */
  to: { version: number | null; hash: string };
  added: (SnapshotCommunity & { reason: RevisionReason | null })[];
  removed: (SnapshotCommunity & { reason: RevisionReason | null })[];
  changed: (DeclarationDiff['changed'][number] & { reason: RevisionReason | null })[];
  totals: { before: DeclarationTotals; after: DeclarationTotals };
  /** a province's form row by row: 15 figures each (per measure 2000年底前, 后, 合计) */
  table:
    | {
        unit: string;
        label: string;
        before: (number | string)[] | null;
        after: (number | string)[] | null;
        changed: boolean;
      }[]
    | null;
}

export interface AcceptedVersion {
  version: number;
  hash: string;
  submittedAt: string;
  submittedBy: string;
  acceptedAt: string;
  acceptedBy: string;
  revision: number;
  revisionLabel: string | null;
  reason: string | null;
  openedBy: string | null;
  openedAt: string | null;
  totals: DeclarationTotals;
  changes: { added: number; removed: number; changed: number } | null;
  reasons: {
    communityId: number;
    name: string;
    code: RevisionReasonCode;
    label: string;
    text: string;
  }[];
}

/** Opens a revision of the accepted plan (计划调整). */
export function reviseDeclaration(unit: string, year: number, reason: string) {
  return api.post<{ state: DeclarationState }>(`${unitPath(unit, year)}/revise`, { reason });
}

/** Why the revision removes (adds, changes) a community. */
export function saveRevisionReason(
  unit: string,
  year: number,
  communityId: number,
  code: RevisionReasonCode,
  text: string,
) {
  return api.put<undefined>(
    `${unitPath(unit, year)}/revision/reasons/${encodeURIComponent(String(communityId))}`,
    { code, text },
  );
}

export function getRevisionDiff(unit: string, year: number, signal?: AbortSignal) {
  return api.get<RevisionDiff>(`${unitPath(unit, year)}/revision/diff`, { signal });
}

export function getAcceptedVersions(unit: string, year: number, signal?: AbortSignal) {
  return api.get<{ items: AcceptedVersion[] }>(`${unitPath(unit, year)}/acceptances`, { signal });
}
