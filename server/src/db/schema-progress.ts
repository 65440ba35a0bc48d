/**
 * The tables of the year after the plan (issue 5): resident consultations, monthly progress, its
 * attachments and funds, monthly reports, and the five-year targets and green communities.
 * Re-exported by schema.ts, which holds the Database interface.
 */
import type { Generated } from 'kysely';
import type { ProjectFundingTable } from './schema.ts';

export interface ConsultationTable {
  id: Generated<number>;
  community_id: number;
  held_on: string;
  /** 'unrecorded': a progress row gave the households agreeing, not how they were consulted */
  method: 'meeting' | 'door_to_door' | 'online' | 'written' | 'unrecorded';
  households_consulted: number;
  households_agreeing: number;
  agreed_scheme: number;
  agreed_contribution: number;
  agreed_aftercare: number;
  notes: string;
  username: string;
  created_at: string;
  /** 'form': typed in on the community page; 'import': from a file (导入) */
  source: Generated<'form' | 'import'>;
  /** the file it came from, when imported */
  import_id: number | null;
  /** SHA-256 of the record's own fields (integrity.ts consultationHash), set when it is written */
  hash: string;
}

/** A file that recorded consultations: a progress import with 居民同意户数, or a consultations import. */
export interface ConsultationImportTable {
  id: Generated<number>;
  kind: 'progress' | 'consultations';
  file_name: string;
  rows: number;
  username: string;
  created_at: string;
}

/** A province's own consent threshold from a plan year on (absent: the plan year's national figure). */
export interface ProvinceConsentThresholdTable {
  province_code: string;
  plan_year: number;
  consent_threshold_bp: number;
  updated_at: string;
  updated_by: string | null;
}

/** One community's record as at a month end (cumulative for its plan year). */
export interface ProgressTable {
  community_id: number;
  /** YYYY-MM */
  period: string;
  start_date: string | null;
  completion_date: string | null;
  investment_done_yuan: number;
  pipelines_m: number;
  elevators: number;
  parking: number;
  chargers: number;
  elderly_care: number;
  childcare: number;
  housekeeping: number;
  health: number;
  energy_area_centi: number;
  corrected: number;
  username: string;
  updated_at: string;
}

/** A unit's month as submitted (月报): frozen content, versioned, with its SHA-256. */
export interface MonthlyReportTable {
  id: Generated<number>;
  unit_code: string;
  plan_year: number;
  /** YYYY-MM */
  period: string;
  version: number;
  hash: string;
  /** canonical JSON of the frozen content */
  content: string;
  submitted_by: string;
  submitted_at: string;
}

/** The day of the following month by which a province's units report; no row: the default. */
export interface ReportDueDayTable {
  province_code: string;
  due_day: number;
  username: string;
  updated_at: string;
}

/** An automatic late notice sent (自动催报): at most one per unit and month, kept so by the key. */
export interface ReportReminderTable {
  unit_code: string;
  plan_year: number;
  /** YYYY-MM */
  period: string;
  /** YYYY-MM-DD, the due date that had passed */
  due_date: string;
  notified_at: string;
}

/** 十四五: communities (and optionally households) a region means to start in a year. */
export interface StartTargetTable {
  region_code: string;
  year: number;
  communities: number;
  households: number | null;
  source: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** 十四五: communities built before end-2000 a region means to have completed by the end of last_year. */
export interface CompletionTargetTable {
  region_code: string;
  last_year: number;
  communities: number;
  source: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** 绿色社区创建 in a prefecture-level unit at the end of a year, counted by urban 社区. */
export interface GreenCommunityTable {
  region_code: string;
  year: number;
  urban_communities: number;
  participating: number;
  meeting: number;
  source: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** A before/after photo of a community, or a document of one of its consultations. */
export interface CommunityAttachmentTable {
  id: Generated<number>;
  community_id: number;
  kind: 'before' | 'after' | 'document';
  /** set for documents only */
  consultation_id: number | null;
  /** YYYY-MM, photos only, optional */
  period: string | null;
  lng: string | null;
  lat: string | null;
  /** photos: the camera's local time from EXIF, `YYYY-MM-DDTHH:MM:SS` (migration 0028) */
  taken_at: string | null;
  /** photos: where lng/lat came from; null without a position */
  position_source: 'exif' | 'device' | 'manual' | null;
  caption: Generated<string>;
  file_name: string;
  file_path: string;
  /** the type found in the file's first bytes, not the one the browser claimed */
  content_type: string;
  size_bytes: number;
  username: string;
  created_at: string;
}

/** Funds in place (资金到位) by source, as at a month end, beside that month's progress record. */
export interface ProgressFundTable {
  community_id: number;
  period: string;
  source: ProjectFundingTable['source'];
  amount_yuan: number;
}
