/**
 * The tables of plan revisions (计划调整, issue 11 §3) and of acceptances: which version of a plan was
 * accepted when and by whom, so that the plan in force at any time can be read. Re-exported by
 * schema.ts, which holds the Database interface.
 */
import type { Generated } from 'kysely';

/** A revision of an accepted plan, opened by the unit itself with its reason. */
export interface DeclarationRevisionTable {
  unit_code: string;
  plan_year: number;
  /** 1, 2, …: 计划调整（第 n 次） */
  revision: number;
  /** the accepted (submitted) version it revises */
  base_version: number;
  reason: string;
  opened_by: string;
  opened_at: string;
}

/** Why a revision removes (adds, changes) a community: a code from a fixed list and free text. */
export interface RevisionReasonTable {
  unit_code: string;
  plan_year: number;
  revision: number;
  community_id: number;
  code: 'not_feasible' | 'residents_changed' | 'merged' | 'other';
  text: Generated<string>;
  username: string;
  at: string;
}

/** A submitted version accepted by the level above: the plan in force from `accepted_at`. */
export interface PlanAcceptanceTable {
  id: Generated<number>;
  unit_code: string;
  plan_year: number;
  version: number;
  /** the declaration's revision number when it was accepted (0: the first declaration) */
  revision: Generated<number>;
  snapshot_id: number;
  accepted_by: string;
  accepted_at: string;
}
