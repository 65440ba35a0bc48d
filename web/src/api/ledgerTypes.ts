// Shapes of the ledger (台账) API: communities, their page, and import jobs, as the server's
// route schemas state them (common/api/ledger.ts). Money and areas travel as exact decimal
// strings and are never turned into floats here.
export type {
  CodeAlias,
  Community,
  CommunityDetail,
  CommunityFlag,
  CommunityInput,
  CommunityUpdate,
  DuplicatePlace,
  DuplicateScan,
  FieldChange,
  HistoryEntry,
  ImportJob,
  ImportKind,
  ImportReport,
  ImportRowProblem,
  ImportStatus,
  LedgerFilter,
  LedgerPage,
  LedgerQuery,
  LedgerTotals,
  StaleSave,
  SuspectedDuplicate,
} from '../../../common/api/ledger.ts';
export type {
  AreaClass,
  DuplicateStatus,
  Exclusion,
  Pool,
  SortColumn,
  YearBucket,
} from '../../../common/ledger.ts';
