/**
 * The declaration of a year's plan, bottom-up: county → city → province → the three ministries
 * (建办城〔2021〕28号 六). One declaration per unit and year; its states and actions are an
 * explicit table (STYLE.md, convention 5), and every switch over them is exhaustive. Its states,
 * labels and revision reasons are the web's too (common/declaration.ts).
 */
import {
  DECLARATION_STATES,
  PROGRESS_LABELS,
  REVISION_REASON_LABELS,
  REVISION_REASONS,
  STATE_LABELS,
  type DeclarationState,
  type ProvinceProgress,
  type RevisionReason,
  type UnitLevel,
} from '../../../common/declaration.ts';
import type { SnapshotCommunity } from '../../../common/api/declarations.ts';

export {
  DECLARATION_STATES,
  PROGRESS_LABELS,
  REVISION_REASON_LABELS,
  REVISION_REASONS,
  STATE_LABELS,
};
export type { DeclarationState, ProvinceProgress, RevisionReason, SnapshotCommunity, UnitLevel };
/**
 * revise: a unit whose plan was accepted opens a revision (计划调整, issue 11 §3). Its declaration
 * goes back to 'draft' with its revision number counted up, and travels up again as a declaration
 * does; the accepted version stays the plan in force until the revision is accepted.
 */
export type DeclarationAction = 'submit' | 'return' | 'accept' | 'revise';
/** Who acts: the unit itself (submits) or the level above it (returns, accepts). */
export type ActorSide = 'self' | 'above';

const TRANSITIONS: Record<
  DeclarationAction,
  { from: readonly DeclarationState[]; to: DeclarationState; by: ActorSide }
> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'self' },
  return: { from: ['submitted'], to: 'returned', by: 'above' },
  accept: { from: ['submitted'], to: 'accepted', by: 'above' },
  revise: { from: ['accepted'], to: 'draft', by: 'self' },
};

/** Who may take an action: the unit itself, or the level above it. */
export const actedBy = (action: DeclarationAction): ActorSide => TRANSITIONS[action].by;

export function transition(
  state: DeclarationState,
  action: DeclarationAction,
  side: ActorSide,
): DeclarationState | { refused: string } {
  const t = TRANSITIONS[action];
  if (t.by !== side)
    return {
      refused: side === 'self' ? '只能由上级单位退回或接收' : '只能由本单位上报或调整计划',
    };
  if (!t.from.includes(state))
    return { refused: `当前状态为“${STATE_LABELS[state]}”，不能${ACTION_LABELS[action]}` };
  return t.to;
}

export const ACTION_LABELS: Record<DeclarationAction, string> = {
  submit: '上报',
  return: '退回',
  accept: '接收',
  revise: '调整计划',
};

/** The state as shown: a draft after acceptance is a revision under way (计划调整中). */
export function stateLabel(state: DeclarationState, revision: number): string {
  return state === 'draft' && revision > 0 ? '计划调整中' : STATE_LABELS[state];
}

/** 计划调整（第 n 次）; the first declaration has none. */
export const revisionLabel = (revision: number): string | null =>
  revision > 0 ? `计划调整（第${revision}次）` : null;

/** The communities a revision removes that have no reason yet: submitting waits for them. */
export function removedWithoutReason<T extends { id: number }>(
  removed: readonly T[],
  reasoned: ReadonlySet<number>,
): T[] {
  return removed.filter((c) => !reasoned.has(c.id));
}

/** Who reviews a declaring unit's level. */
export const REVIEWER_ROLE: Record<UnitLevel, 'city' | 'province' | 'ministry'> = {
  county: 'city',
  city: 'province',
  province: 'ministry',
};
export const DECLARER_ROLE: Record<UnitLevel, 'county' | 'city' | 'province'> = {
  county: 'county',
  city: 'city',
  province: 'province',
};

/**
 * A province's standing against the deadline. A revision (revision > 0) is not late: its plan was
 * accepted, and that stays in force while it is revised.
 */
export function provinceProgress(
  state: DeclarationState | undefined,
  submittedAt: string | null,
  deadline: string,
  now: Date,
  revision = 0,
): ProvinceProgress {
  const end = new Date(`${deadline}T23:59:59+08:00`);
  switch (state) {
    case undefined:
      return now > end ? 'late' : 'not_started';
    case 'draft':
      if (revision > 0) return 'revising';
      return now > end ? 'late' : 'in_progress';
    case 'returned':
      return 'returned';
    case 'submitted':
    case 'accepted':
      return submittedAt && new Date(submittedAt) <= end ? 'submitted_on_time' : 'late';
  }
}

/**
 * A unit's deadline (YYYY-MM-DD): the internal one the level above gave it, if any, else the
 * deadline above it (its reviewer's, or the plan year's). An internal deadline is never later than
 * the one above, even if that was moved earlier after it was set; along a whole chain of units see
 * domain/deadlines.ts.
 */
export function effectiveDeadline(internal: string | null | undefined, above: string): string {
  return internal && internal < above ? internal : above;
}

/** The unit one level below `parentPath` that `path` lies in ('/…/460100/460106/' → '460106'). */
export function childCodeOf(path: string, parentPath: string): string | null {
  if (!path.startsWith(parentPath)) return null;
  const code = path.slice(parentPath.length).split('/')[0];
  return code || null;
}

/**
 * The units below that must have their declaration accepted before a city or province submits:
 * those with communities in the year's plan whose declaration is not (yet) accepted.
 */
export function unacceptedChildren<T extends { state: DeclarationState; communities: number }>(
  children: T[],
): T[] {
  return children.filter((c) => c.communities > 0 && c.state !== 'accepted');
}

/** Whole days left until the end of the deadline day (Beijing time); negative when overdue. */
export function daysLeft(deadline: string, now: Date): number {
  const end = new Date(`${deadline}T23:59:59+08:00`).getTime();
  return Math.ceil((end - now.getTime()) / 86_400_000) - 1;
}

type SnapshotValue = SnapshotCommunity[keyof SnapshotCommunity];

export interface SnapshotDiff {
  added: SnapshotCommunity[];
  removed: SnapshotCommunity[];
  changed: {
    id: number;
    name: string;
    fields: { field: keyof SnapshotCommunity; old: SnapshotValue; new: SnapshotValue }[];
  }[];
}

/** Communities added, removed and changed between two versions of a declaration. */
export function diffSnapshots(
  before: SnapshotCommunity[],
  after: SnapshotCommunity[],
): SnapshotDiff {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Map(after.map((c) => [c.id, c]));
  const changed: SnapshotDiff['changed'] = [];
  for (const c of after) {
    const o = old.get(c.id);
    if (!o) continue;
    const fields = (Object.keys(c) as (keyof SnapshotCommunity)[])
      .filter((k) => k !== 'id' && o[k] !== c[k])
      .map((k) => ({ field: k, old: o[k], new: c[k] }));
    if (fields.length) changed.push({ id: c.id, name: c.name, fields });
  }
  return {
    added: after.filter((c) => !old.has(c.id)),
    removed: before.filter((c) => !now.has(c.id)),
    changed,
  };
}

/** Canonical JSON (sorted keys) so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** A frozen version by number and hash, as an approval names the one it approves. */
export interface VersionRef {
  version: number;
  hash: string;
}

/**
 * Why the provincial government's approval (报经省级人民政府同意, 建办城〔2021〕28号 三(四)) does not
 * cover the candidate the departments sign, in Chinese; null when it does. An approval names the
 * candidate version current when it was recorded: a newer candidate needs a new approval.
 */
export function approvalGap(
  covers: VersionRef | null,
  candidate: VersionRef | null,
): string | null {
  if (!candidate) return '尚未生成会签版本，省政府批复须对应一个会签版本';
  if (covers && covers.version === candidate.version && covers.hash === candidate.hash) return null;
  const approved = covers ? `省政府批复对应第 ${covers.version} 版` : '省政府批复未注明所批版本';
  return `${approved}，当前第 ${candidate.version} 版未经批复，须重新录入批复`;
}

/** What the side may do with a declaration in `state`, read from the transition table. */
export interface DeclarationCan {
  submit: boolean;
  return: boolean;
  accept: boolean;
  revise: boolean;
  /** change the plan's content: justifications, contact, approval (while it may be submitted) */
  edit: boolean;
}

export function declarationCan(state: DeclarationState, side: ActorSide | null): DeclarationCan {
  const may = (action: DeclarationAction) =>
    side !== null && typeof transition(state, action, side) === 'string';
  return {
    submit: may('submit'),
    return: may('return'),
    accept: may('accept'),
    revise: may('revise'),
    edit: may('submit'),
  };
}
