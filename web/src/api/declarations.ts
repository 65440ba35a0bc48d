// 年度计划申报: a unit's declaration (county → city → province → ministries), its actions, the
// province's approval and sign-offs, and the unit's notifications (the ministry's overview:
// declarationsOverview.ts; revisions: declarationRevisions.ts).
// Types from the routes' schemas: common/api/declarations.ts and declaration-view.ts.
import type {
  AppNotification,
  CandidateSnapshot,
  DeclarationDiff,
  FrozenCandidate,
  ReceiptDone,
  ReturnNoteInput,
  SignoffDone,
  StateAfter,
  SubmittedSnapshot,
} from '../../../common/api/declarations.ts';
import type { Declaration } from '../../../common/api/declaration-view.ts';
import type { Community, LedgerPage } from '../../../common/api/ledger.ts';
import { api, buildUrl } from './client.ts';

export type {
  DeclarationState,
  RecipientRole,
  SignoffRole,
  UnitLevel,
} from '../../../common/declaration.ts';
export type {
  AppNotification,
  CandidateSnapshot,
  DeclarationDiff,
  DeclarationTotals,
  SnapshotCommunity,
  SubmittedSnapshot,
} from '../../../common/api/declarations.ts';
export type {
  Approval,
  ChildDeclaration,
  Declaration,
  DeclarationCheck,
  DeclarationEvent,
  DeclarationSide,
  ProvinceSignoff,
  Receipt,
  ReturnNote,
  Signoff,
  UnacceptedChild,
  VersionRef,
} from '../../../common/api/declaration-view.ts';

/** `/api/declarations/:unit/:year`, the root of a declaration's endpoints. */
export const unitPath = (unit: string, year: number) =>
  `/api/declarations/${encodeURIComponent(unit)}/${encodeURIComponent(String(year))}`;

export function getDeclaration(unit: string, year: number, signal?: AbortSignal) {
  return api.get<Declaration>(unitPath(unit, year), { signal });
}

export function submitDeclaration(unit: string, year: number) {
  return api.post<StateAfter>(`${unitPath(unit, year)}/submit`);
}

export function acceptDeclaration(unit: string, year: number) {
  return api.post<StateAfter>(`${unitPath(unit, year)}/accept`);
}

export function returnDeclaration(
  unit: string,
  year: number,
  reason: string,
  notes: ReturnNoteInput[],
) {
  return api.post<StateAfter>(`${unitPath(unit, year)}/return`, {
    reason,
    notes,
  });
}

export function getSubmittedVersion(
  unit: string,
  year: number,
  version: number,
  signal?: AbortSignal,
) {
  return api.get<SubmittedSnapshot>(`${unitPath(unit, year)}/versions/${version}`, { signal });
}

export function getCandidate(unit: string, year: number, signal?: AbortSignal) {
  return api.get<CandidateSnapshot>(`${unitPath(unit, year)}/candidate`, { signal });
}

/** The last two submitted versions, unless told which. */
export function getDeclarationDiff(unit: string, year: number, signal?: AbortSignal) {
  return api.get<DeclarationDiff>(`${unitPath(unit, year)}/diff`, { signal });
}

export function saveJustification(unit: string, year: number, checkId: string, text: string) {
  return api.put<undefined>(
    `${unitPath(unit, year)}/justifications/${encodeURIComponent(checkId)}`,
    { text },
  );
}

/** `null` clears the internal deadline: the unit's deadline is its reviewer's again. */
export function setInternalDeadline(unit: string, year: number, deadline: string | null) {
  return api.put<undefined>(`${unitPath(unit, year)}/deadline`, { deadline });
}

/** The province's government approval: the fields first, the file last (the server reads in order). */
export function recordApproval(
  unit: string,
  year: number,
  input: { approvedOn: string; documentNo: string; file: File },
) {
  const form = new FormData();
  form.append('approvedOn', input.approvedOn);
  form.append('documentNo', input.documentNo);
  form.append('file', input.file, input.file.name);
  return api.post<undefined>(`${unitPath(unit, year)}/approval`, form);
}

/** The province's 联系人及电话 for the form, until it submits. */
export function saveContact(unit: string, year: number, contact: { name: string; phone: string }) {
  return api.put<undefined>(`${unitPath(unit, year)}/contact`, contact);
}

/** A national department signs for the latest submitted version (again: the same receipt). */
export function signForReceipt(unit: string, year: number, version: number) {
  return api.post<ReceiptDone>(`${unitPath(unit, year)}/receipts`, {
    version,
  });
}

/** The plan table (xlsx) of a submitted version: the form as it was signed and sent. */
export function signedFormUrl(province: string, year: number, version: number) {
  return buildUrl('/api/plan-table', {
    province: province.slice(0, 2),
    year,
    version,
    format: 'xlsx',
  });
}

/** Freezes the province's plan as the version the three departments sign. */
export function freezeForSignoff(unit: string, year: number) {
  return api.post<FrozenCandidate>(`${unitPath(unit, year)}/freeze`);
}

/** Signs the candidate version: `hash` is the one the signer saw. */
export function signOff(candidateId: number, hash: string) {
  return api.post<SignoffDone>(`/api/signoffs/${encodeURIComponent(String(candidateId))}`, {
    hash,
  });
}

/** A community of the unit's plan, to pin a return reason on: a ledger row's id and names. */
export type PlanCommunityOption = Pick<Community, 'id' | 'name' | 'regionName'>;

/** The unit's communities of the plan year, by name (the ledger's list, 200 at most a page). */
export async function listPlanCommunities(
  region: string,
  planYear: number,
  q?: string,
  signal?: AbortSignal,
): Promise<{ items: PlanCommunityOption[]; total: number }> {
  const page = await api.get<LedgerPage>('/api/communities', {
    query: { region, planYear, q, pageSize: 200, sort: 'name' },
    signal,
  });
  return {
    items: page.items.map(({ id, name, regionName }) => ({ id, name, regionName })),
    total: page.total,
  };
}

export async function getNotifications(
  year: number,
  signal?: AbortSignal,
): Promise<AppNotification[]> {
  return (
    await api.get<{ items: AppNotification[] }>('/api/notifications', { query: { year }, signal })
  ).items;
}
