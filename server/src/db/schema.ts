/** Row types of the tables, as Kysely sees them. Timestamps are ISO-8601 UTC text on both engines. */
import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  AreaClass,
  ChangeAction,
  DuplicateStatus,
  Exclusion,
  ImportStatus,
  Pool,
} from '../../../common/ledger.ts';
import type {
  ConsultationTable,
  ConsultationImportTable,
  ProvinceConsentThresholdTable,
  ProgressTable,
  MonthlyReportTable,
  ReportDueDayTable,
  ReportReminderTable,
  StartTargetTable,
  CompletionTargetTable,
  GreenCommunityTable,
  CommunityAttachmentTable,
  ProgressFundTable,
} from './schema-progress.ts';
import type { DeclaredCommunityTable, SubsidyHistoryTable } from './schema-history.ts';
import type {
  DeclarationRevisionTable,
  PlanAcceptanceTable,
  RevisionReasonTable,
} from './schema-revisions.ts';
import type {
  ApprovalTable,
  DeclarationEventTable,
  DeclarationTable,
  JustificationTable,
  NotificationTable,
  ReceiptTable,
  ReturnNoteTable,
  SignoffTable,
  SnapshotTable,
  SnapshotCountTable,
} from './schema-declarations.ts';
import type {
  FigureMemberTable,
  PlanFigureTable,
  ProgressFigureTable,
  StartedCommunityTable,
} from './schema-figures.ts';

export type * from './schema-progress.ts';
export type * from './schema-figures.ts';
export type * from './schema-declarations.ts';
export type * from './schema-history.ts';
export type * from './schema-revisions.ts';

export interface RegionTable {
  code: string;
  name: string;
  level: 'country' | 'province' | 'prefecture' | 'county';
  kind: string;
  parent_code: string | null;
  /** materialized path, '/000000/420000/420100/420102/' */
  path: string;
  /** 1 where communities are registered directly (county-level units and their equivalents) */
  is_ledger_unit: number;
  initials: string;
  /** 1 for a functional zone an administrator added */
  is_custom: number;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  region_code: string;
  disabled: number;
  version: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** 1 when an administrator set the password: the user must change it before other work. */
  must_change_password: Generated<number>;
  /** When the user last chose a password (null: not since the column came; counts from created_at). */
  password_changed_at: string | null;
  /** The interface language the user chose, 'zh' or 'en'; null until chosen (migration 0029). */
  lang: string | null;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha-256 of the cookie token: a leaked table does not hand out sessions */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  /** 'pair:<username>|<address>', 'user:<username>', 'ip:<address>', or 'ok:<username>|<address>' (a success; its time in last_failure_at) */
  key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: string | null;
  /** the hash of the entry before (64 zeros for the first): the chain, audit.chain.ts */
  prev_hash: string | null;
  hash: string | null;
}

/** The audit chain's head: one row, locked by every append so that the chain cannot fork. */
export interface AuditChainTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export interface Database {
  regions: RegionTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  audit_chain: AuditChainTable;
  communities: CommunityTable;
  projects: ProjectTable;
  project_communities: ProjectCommunityTable;
  project_funding: ProjectFundingTable;
  change_log: ChangeLogTable;
  duplicate_pairs: DuplicatePairTable;
  imports: ImportTable;
  plan_policies: PlanPolicyTable;
  fiscal_assessments: FiscalAssessmentTable;
  declarations: DeclarationTable;
  declaration_snapshots: SnapshotTable;
  snapshot_counts: SnapshotCountTable;
  declaration_events: DeclarationEventTable;
  return_notes: ReturnNoteTable;
  check_justifications: JustificationTable;
  plan_approvals: ApprovalTable;
  signoffs: SignoffTable;
  plan_receipts: ReceiptTable;
  notifications: NotificationTable;
  consultations: ConsultationTable;
  consultation_imports: ConsultationImportTable;
  province_consent_thresholds: ProvinceConsentThresholdTable;
  progress: ProgressTable;
  monthly_reports: MonthlyReportTable;
  report_due_days: ReportDueDayTable;
  report_reminders: ReportReminderTable;
  start_targets: StartTargetTable;
  completion_targets: CompletionTargetTable;
  green_communities: GreenCommunityTable;
  community_attachments: CommunityAttachmentTable;
  progress_funds: ProgressFundTable;
  subsidy_history: SubsidyHistoryTable;
  declared_communities: DeclaredCommunityTable;
  declaration_revisions: DeclarationRevisionTable;
  revision_reasons: RevisionReasonTable;
  plan_acceptances: PlanAcceptanceTable;
  figure_members: FigureMemberTable;
  plan_figures: PlanFigureTable;
  progress_figures: ProgressFigureTable;
  started_communities: StartedCommunityTable;
}

export type RegionRow = Selectable<RegionTable>;
export type UserRow = Selectable<UserTable>;
export type NewAuditLog = Insertable<AuditLogTable>;

export interface CommunityTable {
  id: Generated<number>;
  region_code: string;
  prefecture_code: string;
  region_path: string;
  street: string;
  name: string;
  name_key: string;
  address: string;
  lng: string | null;
  lat: string | null;
  /** addressKey(address) (domain/ledger/place-keys.ts), written with it: null when too short */
  address_key: string | null;
  /** positionCell(lng, lat), written with them: null without a position */
  cell_key: string | null;
  build_year: number;
  area_class: AreaClass;
  area_class_entered: number;
  buildings: number;
  households: number;
  floor_area_centi: number;
  investment_yuan: number;
  plan_year: number;
  content: string;
  housing_type: string;
  ownership: string;
  exclusion: Exclusion;
  subsidy_years: string;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectTable {
  id: Generated<number>;
  code: string;
  name: string;
  prefecture_code: string;
  region_path: string;
  plan_year: number;
  pool: Pool;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProjectCommunityTable {
  project_id: number;
  community_id: number;
}

export interface ProjectFundingTable {
  project_id: number;
  source: 'central' | 'provincial' | 'local' | 'bonds' | 'residents' | 'utilities' | 'social';
  amount_yuan: number;
}

export interface ChangeLogTable {
  id: Generated<number>;
  entity: 'community' | 'project';
  entity_id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: ChangeAction;
  /** the record's version after this change */
  version: number;
  /** JSON: [{field, old, new}] */
  changes: string;
}

export interface DuplicatePairTable {
  community_a: number;
  community_b: number;
  status: DuplicateStatus;
  by_username: string | null;
  at: string;
}

export type CommunityRow = Selectable<CommunityTable>;

export interface ImportTable {
  id: string;
  user_id: number;
  file_name: string;
  file_path: string;
  status: ImportStatus;
  rows_done: number;
  /** JSON ImportReport */
  result: string | null;
  created_at: string;
  updated_at: string;
  /** Renewed by the server running the job (checking, importing); a stale one is a dead job's. */
  heartbeat_at: string | null;
  /** The upload's size, for the per-user quota of pending uploads. */
  file_bytes: number;
}

/** An import job's states (migration 0015), kept with the ledger's other coded values. */
export type { ImportStatus };

export interface PlanPolicyTable {
  plan_year: number;
  cutoff_year: number;
  latest_build_year: number;
  max_post_cutoff_share_bp: number;
  /** basis points of households agreeing before a start; 6667 = two thirds */
  consent_threshold_bp: Generated<number>;
  deadline: string;
  recipients: string;
  source: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface FiscalAssessmentTable {
  region_code: string;
  plan_year: number;
  available_yuan: number;
  document: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
  // 0019: the assessment's content and file, and the province's review.
  debt_indicators: Generated<string>;
  debt_ratio: string | null;
  debt_balance_yuan: number | null;
  conclusion: Generated<'within' | 'exceeds'>;
  conclusion_note: Generated<string>;
  file_name: string | null;
  file_path: string | null;
  content_type: string | null;
  size_bytes: number | null;
  review_status: Generated<'pending' | 'passed' | 'returned'>;
  reviewer: string | null;
  reviewed_on: string | null;
  review_remark: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: string | null;
}
