/**
 * The tables of a year's declaration (issues 3 and 11): each unit's declaration and its frozen
 * versions, events, return notes and justifications; a province's approvals, sign-offs and the
 * national departments' receipts; and the notifications they send. Re-exported by schema.ts,
 * which holds the Database interface.
 */
import type { Generated } from 'kysely';

export interface DeclarationTable {
  unit_code: string;
  plan_year: number;
  level: 'county' | 'city' | 'province';
  state: 'draft' | 'submitted' | 'returned' | 'accepted';
  version: number;
  /** revisions opened after acceptance (计划调整（第 n 次）); 0: the first declaration */
  revision: Generated<number>;
  internal_deadline: string | null;
  submitted_at: string | null;
  updated_at: string;
  /** 联系人及电话 of the form, entered by the province with its submission (migration 0021) */
  contact_name?: string | null;
  contact_phone?: string | null;
}

export interface SnapshotTable {
  id: Generated<number>;
  unit_code: string;
  plan_year: number;
  kind: 'submission' | 'candidate';
  version: number;
  hash: string;
  /** JSON: { communities, table } */
  content: string;
  created_by: string;
  created_at: string;
}

/**
 * A snapshot's communities and households per region code (migration 0031), written as it is
 * frozen: JSON [[region code, communities, households], …] in code order. `hash` is the SHA-256
 * of the snapshot's hash, a newline and `counts`, so counts edited or moved to another snapshot
 * no longer match.
 */
export interface SnapshotCountTable {
  snapshot_id: number;
  counts: string;
  hash: string;
}

export interface DeclarationEventTable {
  id: Generated<number>;
  unit_code: string;
  plan_year: number;
  action: string;
  username: string;
  at: string;
  reason: string | null;
  hash: string | null;
}

export interface ReturnNoteTable {
  unit_code: string;
  plan_year: number;
  community_id: number;
  reason: string;
  active: number;
  at: string;
}

export interface JustificationTable {
  unit_code: string;
  plan_year: number;
  check_id: string;
  text: string;
  username: string;
  at: string;
}

/** Every approval recorded, oldest first; the newest of a province and year is in force. */
export interface ApprovalTable {
  id: Generated<number>;
  province_code: string;
  plan_year: number;
  approved_on: string;
  document_no: string;
  file_name: string;
  file_path: string;
  username: string;
  at: string;
  /** the candidate version it approves, by number and hash (null: recorded before 0021) */
  candidate_version: number | null;
  candidate_hash: string | null;
  /** SHA-256 of the stored file ('' for an approval recorded before 0024) */
  file_sha256: string;
  /** SHA-256 of the row's own fields (integrity.ts approvalHash), set when it is recorded */
  hash: string;
}

/** A national department's acknowledgement (签收) of a submitted version of a province's plan. */
export interface ReceiptTable {
  id: Generated<number>;
  unit_code: string;
  plan_year: number;
  role: 'ministry' | 'ndrc_national' | 'mof';
  version: number;
  hash: string;
  username: string;
  at: string;
}

export interface SignoffTable {
  snapshot_id: number;
  role: 'province' | 'province_ndrc' | 'province_finance';
  username: string;
  hash: string;
  at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  region_code: string;
  kind: string;
  message: string;
  link: string | null;
  at: string;
}
