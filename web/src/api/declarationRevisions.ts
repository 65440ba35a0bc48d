// 计划调整: revising an accepted plan — the reasons a revision gives per community, its diff
// against the plan in force, and every accepted version (issue 11 §3). Types from the routes'
// schemas (common/api/declarations.ts).
import type {
  AcceptanceHistory,
  RevisionDiff,
  StateAfter,
} from '../../../common/api/declarations.ts';
import type { RevisionReason } from '../../../common/declaration.ts';
import { api } from './client.ts';
import { unitPath } from './declarations.ts';

export { REVISION_REASON_LABELS } from '../../../common/declaration.ts';
export type { RevisionReason as RevisionReasonCode } from '../../../common/declaration.ts';
export type {
  AcceptedVersion,
  RevisionDiff,
  RevisionReasonNote as RevisionReason,
} from '../../../common/api/declarations.ts';

/** Opens a revision of the accepted plan (计划调整). */
export function reviseDeclaration(unit: string, year: number, reason: string) {
  return api.post<StateAfter>(`${unitPath(unit, year)}/revise`, { reason });
}

/** Why the revision removes (adds, changes) a community. */
export function saveRevisionReason(
  unit: string,
  year: number,
  communityId: number,
  code: RevisionReason,
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
  return api.get<AcceptanceHistory>(`${unitPath(unit, year)}/acceptances`, { signal });
}
