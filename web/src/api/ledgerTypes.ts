// Shapes of the ledger (台账) API: communities, their page, and import jobs.
// Money and areas travel as exact decimal strings and are never turned into floats here.

export type Pool = 'implement' | 'planning' | 'reserve';
export type YearBucket = 'before' | 'after';
export type AreaClass = 'city' | 'county_seat';
export type Exclusion = 'none' | 'unspecified' | 'expropriation' | 'demolition';

/** A plausibility warning, such as 2000年底后建成 or 户均面积异常. */
export interface CommunityFlag {
  code: string;
  message: string;
}

export interface Community {
  id: number;
  regionCode: string;
  regionName: string;
  prefectureCode: string;
  street: string;
  name: string;
  address: string;
  lng: string | null;
  lat: string | null;
  buildYear: number;
  yearBucket: YearBucket;
  /** the cut-off of the community's plan-year policy (2000 for 2022) */
  cutoffYear: number;
  areaClass: AreaClass;
  areaClassLabel: string;
  /** false: 类别 was derived from the type of the county-level unit. */
  areaClassEntered: boolean;
  buildings: number;
  households: number;
  /** 平方米, exact, 2 decimals. */
  floorArea: string;
  /** 万元, exact, 4 decimals. */
  investment: string;
  planYear: number;
  content: string;
  housingType: string;
  ownership: string;
  exclusion: Exclusion;
  exclusionLabel: string;
  subsidyYears: number[];
  notes: string;
  version: number;
  updatedAt: string;
  flags: CommunityFlag[];
}

export interface FieldChange {
  /** The field's Chinese column header, such as 居民户数. */
  field: string;
  old: unknown;
  new: unknown;
}

export interface HistoryEntry {
  at: string;
  username: string | null;
  /** Who, as pages show them: unit and display name. */
  person?: string;
  action: 'import' | 'create' | 'update' | 'merge';
  /** The record's version after this change. */
  version: number;
  changes: FieldChange[];
}

export type DuplicateStatus = 'suspected' | 'dismissed' | 'confirmed';

export interface CommunityDetail extends Community {
  projects: { id: number; code: string; name: string; planYear: number; pool: Pool }[];
  /** Newest first. */
  history: HistoryEntry[];
  duplicates: {
    id: number;
    name: string;
    regionCode: string;
    address: string;
    status: DuplicateStatus;
  }[];
}

export interface LedgerTotals {
  households: number;
  buildings: number;
  /** 平方米, exact. */
  floorArea: string;
  /** 万元, exact. */
  investment: string;
}

export interface LedgerPage {
  items: Community[];
  total: number;
  /** For the whole filter, not the page. */
  totals: LedgerTotals;
}

export type SortColumn =
  | 'name'
  | 'region_code'
  | 'build_year'
  | 'households'
  | 'buildings'
  | 'floor_area_centi'
  | 'investment_yuan'
  | 'plan_year'
  | 'updated_at';

export interface LedgerFilter {
  region?: string;
  planYear?: number;
  pool?: Pool;
  bucket?: YearBucket;
  areaClass?: AreaClass;
  excluded?: boolean;
  suspected?: boolean;
  /** 名称或地址包含. */
  q?: string;
}

export interface LedgerQuery extends LedgerFilter {
  sort?: SortColumn;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** What POST and PUT take; numbers as the user typed them, checked by the server. */
export interface CommunityInput {
  regionCode: string;
  street?: string;
  name: string;
  address?: string;
  buildYear: string;
  /** null: derived from the county-level unit's type. */
  areaClass?: AreaClass | null;
  buildings: string;
  households: string;
  floorArea: string;
  investment: string;
  planYear: string;
  content?: string;
  ownership?: string;
  housingType?: string;
  notes?: string;
  lng?: string | null;
  lat?: string | null;
}

export interface CommunityUpdate extends CommunityInput {
  version: number;
  exclusion?: Exclusion;
  subsidyYears?: number[];
}

/** The body of a 409 on a stale save, besides code and message. */
export interface StaleSave {
  currentVersion: number;
  meanwhile: HistoryEntry[];
}

export interface ImportRowProblem {
  /** File line number; the header is line 1. */
  line: number;
  column: string;
  value: string;
  message: string;
}

/** One side of a suspected duplicate: a row of the file (line) or a stored community (communityId). */
export interface DuplicatePlace {
  line: number | null;
  communityId: number | null;
  name: string;
  regionCode: string;
  regionName: string;
}

/** 疑似重复: never blocks the import; both communities carry it until a user decides. */
export interface SuspectedDuplicate {
  /** suffix: same once a generic suffix is removed; near: one edit apart; place: same address or location. */
  likeness: 'suffix' | 'near' | 'place';
  a: DuplicatePlace;
  b: DuplicatePlace;
  message: string;
}

/** Rows whose 区划代码 is a statistical code of a city without districts, and where they went. */
export interface CodeAlias {
  code: string;
  unitCode: string;
  unitName: string;
  rows: number;
  firstLine: number;
  message: string;
}

/** A project list, or a list of communities already centrally subsidised (history, issue 9 §4). */
export type ImportKind = 'projects' | 'subsidised-history';

export interface ImportReport {
  kind: ImportKind;
  /** true for the check (preview), false for the import itself. */
  dryRun: boolean;
  rows: number;
  imported: number;
  errorCount: number;
  errors: ImportRowProblem[];
  warningCount: number;
  warnings: ImportRowProblem[];
  suspectedCount: number;
  suspected: SuspectedDuplicate[];
  codeAliases: CodeAlias[];
}

/** 'interrupted' (已中断): its server stopped while importing; nothing stored, it can run again. */
export type ImportStatus =
  | 'checking'
  | 'checked'
  | 'invalid'
  | 'importing'
  | 'imported'
  | 'failed'
  | 'interrupted'
  | 'expired'
  | 'cancelled';

export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  rowsDone: number;
  report: ImportReport | null;
  error: string | null;
}
