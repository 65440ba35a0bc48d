// 年度计划申报: a unit's declaration (county → city → province → ministries), its actions, the
// province's approval and sign-offs, and the unit's notifications (the ministry's overview:
// declarationsOverview.ts; revisions: declarationRevisions.ts).
// Shapes as server/src/modules/declarations/declarations.service.ts presents them.
import { api, buildUrl } from './client.ts';
import type { RevisionReasonCode } from './declarationRevisions.ts';
import type { PlanCheck, PlanTableRow } from './plans.ts';

export type DeclarationState = 'draft' | 'submitted' | 'returned' | 'accepted';
export type UnitLevel = 'county' | 'city' | 'province';
/** 'self': the unit's own declarer; 'above': its reviewer; null: anyone else who may look. */
export type DeclarationSide = 'self' | 'above' | null;
export type SignoffRole = 'province' | 'province_ndrc' | 'province_finance';

export interface DeclarationTotals {
  communities: number;
  households: number;
  buildings: number;
  /** 平方米 × 100 */
  floorAreaCenti: number;
  /** 元 */
  investmentYuan: number;
}

export interface DeclarationCheck extends PlanCheck {
  /** The unit's explanation of a failing warning, shown to the reviewer. */
  justification: string | null;
}

export interface DeclarationEvent {
  /** submit, return, accept, justify, freeze, approval, signoff.<role> */
  action: string;
  username: string;
  at: string;
  reason: string | null;
  hash: string | null;
}

export interface ReturnNote {
  communityId: number;
  name: string;
  reason: string;
  at: string;
}

export interface ChildDeclaration {
  code: string;
  name: string;
  state: DeclarationState;
  stateLabel: string;
  version: number;
  submittedAt: string | null;
  /** YYYY-MM-DD set by the level above (this page's unit), or null. */
  internalDeadline: string | null;
  /** YYYY-MM-DD: the earlier of its internal deadline and this page's unit's own deadline. */
  deadline: string;
  daysLeft: number;
  /** Its internal deadline is later than this page's unit's own deadline, which holds instead. */
  deadlineCapped: boolean;
  /** 受上级截止日期限制：… when capped, else null. */
  deadlineNote: string | null;
  /** Communities of the unit in the year's plan. */
  communities: number;
}

/** A unit below with communities in the plan whose declaration is not accepted yet. */
export interface UnacceptedChild {
  code: string;
  name: string;
  state: DeclarationState;
  stateLabel: string;
}

export interface Signoff {
  role: SignoffRole;
  label: string;
  username: string | null;
  hash: string | null;
  at: string | null;
}

/** A frozen version by number and hash. */
export interface VersionRef {
  version: number;
  hash: string;
}

/** The provincial government's approval of a candidate version (issue 11 §2). */
export interface Approval {
  approvedOn: string;
  documentNo: string;
  fileName: string;
  username: string;
  at: string;
  /** The candidate version it approves (null: recorded before approvals named one). */
  covers: VersionRef | null;
  /** It covers the current candidate. */
  current: boolean;
}

export type RecipientRole = 'ministry' | 'ndrc_national' | 'mof';

/** A national department's receipt (签收) of the latest submitted version; nulls: none yet. */
export interface Receipt {
  role: RecipientRole;
  /** 住建部, 发改委, 财政部 */
  label: string;
  username: string | null;
  at: string | null;
  version: number | null;
  hash: string | null;
}

export interface ProvinceSignoff {
  /** The approval in force (the newest recorded). */
  approval: Approval | null;
  /** 省政府批复对应第 2 版，当前第 3 版未经批复，须重新录入批复 — or null when it covers the current. */
  approvalNotice: string | null;
  /** Approvals recorded before the one in force, newest first. */
  approvalHistory: Approval[];
  /** 联系人及电话 of the form, entered by the province. */
  contact: { name: string; phone: string } | null;
  candidate: {
    id: number;
    version: number;
    hash: string;
    createdAt: string;
    createdBy: string;
    /** false: the plan has changed since this version was frozen. */
    current: boolean;
  } | null;
  signoffs: Signoff[];
  receipts: Receipt[];
}

export interface Declaration {
  /** Login name → the person as pages show them: unit and display name. */
  people: Record<string, string>;
  unit: { code: string; name: string; level: UnitLevel };
  year: number;
  state: DeclarationState;
  stateLabel: string;
  version: number;
  submittedAt: string | null;
  /**
   * YYYY-MM-DD: the earliest along the unit's chain: its internal deadline, its reviewer's
   * deadline, … up to the plan year's.
   */
  deadline: string;
  /** Whole days left; negative when overdue. */
  daysLeft: number;
  /** The internal deadline the level above set, or null (then `deadline` is its reviewer's). */
  internalDeadline: string | null;
  /** The internal deadline is later than the reviewer's deadline, which holds instead. */
  deadlineCapped: boolean;
  /** 受上级截止日期限制：… when capped, else null. */
  deadlineNote: string | null;
  /** The plan year's deadline (the policy's). */
  policyDeadline: string;
  /** The level above's own deadline: the latest internal deadline this unit may be given. */
  parentDeadline: string | null;
  side: DeclarationSide;
  /** What this user may do now, from the server's transition table. */
  can: { submit: boolean; return: boolean; accept: boolean; revise: boolean; edit: boolean };
  currentHash: string;
  totals: DeclarationTotals;
  submitted: {
    version: number;
    hash: string;
    at: string;
    by: string;
    /** The ledger still hashes the same as the submitted version. */
    unchanged: boolean;
    /** The stored version still hashes as frozen ('mismatch': 数据校验失败). */
    integrity?: 'ok' | 'mismatch';
  } | null;
  checks: DeclarationCheck[];
  returnNotes: ReturnNote[];
  /** Newest first. */
  events: DeclarationEvent[];
  children: ChildDeclaration[];
  /** A city or province submits only once every unit listed here has been accepted. */
  unacceptedChildren: UnacceptedChild[];
  province: ProvinceSignoff | null;
  /** Revisions opened after acceptance (计划调整); 0: the first declaration. */
  revision: number;
  /** 计划调整（第 n 次）, or null. */
  revisionLabel: string | null;
  revisionInfo: {
    reason: string;
    baseVersion: number;
    openedBy: string;
    openedAt: string;
    reasons: { communityId: number; code: RevisionReasonCode; label: string; text: string }[];
  } | null;
  /** The version in force: the latest accepted. */
  inForce: {
    version: number;
    hash: string;
    acceptedAt: string;
    acceptedBy: string;
    revision: number;
    communities: number;
  } | null;
}

export interface SnapshotCommunity {
  id: number;
  name: string;
  regionCode: string;
  buildYear: number;
  households: number;
  buildings: number;
  floorAreaCenti: number;
  investmentYuan: number;
  areaClass: string;
  exclusion: string;
}

export interface DeclarationDiff {
  from: number;
  to: number;
  added: SnapshotCommunity[];
  removed: SnapshotCommunity[];
  changed: {
    id: number;
    name: string;
    fields: { field: keyof SnapshotCommunity; old: unknown; new: unknown }[];
  }[];
}

export interface AppNotification {
  /** submit, return, accept, deadline, due */
  kind: string;
  message: string;
  link: string;
  at: string;
}

/** `/api/declarations/:unit/:year`, the root of a declaration's endpoints. */
export const unitPath = (unit: string, year: number) =>
  `/api/declarations/${encodeURIComponent(unit)}/${encodeURIComponent(String(year))}`;

export function getDeclaration(unit: string, year: number, signal?: AbortSignal) {
  return api.get<Declaration>(unitPath(unit, year), { signal });
}

export function submitDeclaration(unit: string, year: number) {
  return api.post<{ state: DeclarationState }>(`${unitPath(unit, year)}/submit`);
}

export function acceptDeclaration(unit: string, year: number) {
  return api.post<{ state: DeclarationState }>(`${unitPath(unit, year)}/accept`);
}

export function returnDeclaration(
  unit: string,
  year: number,
  reason: string,
  notes: { communityId: number; reason: string }[],
) {
  return api.post<{ state: DeclarationState }>(`${unitPath(unit, year)}/return`, {
    reason,
    notes,
  });
}

/** The sign-off version (会签版本) as frozen: the form's rows the departments sign, and its hash. */
export interface CandidateSnapshot {
  version: number;
  hash: string;
  integrity: 'ok' | 'mismatch';
  cutoffYear: number;
  content: { table: PlanTableRow[] | null };
}

/** A submitted version as frozen: its communities (the reviewer's list). */
export interface SubmittedSnapshot {
  version: number;
  hash: string;
  content: { communities: SnapshotCommunity[] };
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
  return api.post<{ created: boolean; receipt: Receipt }>(`${unitPath(unit, year)}/receipts`, {
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
  return api.post<{ id: number; hash: string }>(`${unitPath(unit, year)}/freeze`);
}

/** Signs the candidate version: `hash` is the one the signer saw. */
export function signOff(candidateId: number, hash: string) {
  return api.post<{ role: SignoffRole }>(
    `/api/signoffs/${encodeURIComponent(String(candidateId))}`,
    { hash },
  );
}

/** A community of the unit's plan, to pin a return reason on. */
export interface PlanCommunityOption {
  id: number;
  name: string;
  regionName: string;
}

/** The unit's communities of the plan year, by name (the ledger's list, 200 at most a page). */
export async function listPlanCommunities(
  region: string,
  planYear: number,
  q?: string,
  signal?: AbortSignal,
): Promise<{ items: PlanCommunityOption[]; total: number }> {
  const page = await api.get<{ items: PlanCommunityOption[]; total: number }>('/api/communities', {
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
