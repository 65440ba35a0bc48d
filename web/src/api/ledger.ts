// The ledger (台账) endpoints: communities, duplicates, export and the two-step import.
import { api, ApiError, buildUrl, uploadFile } from './client.ts';
import type {
  ImportKind,
  CommunityDetail,
  CommunityInput,
  CommunityUpdate,
  DuplicateScan,
  DuplicateStatus,
  ImportJob,
  LedgerFilter,
  LedgerPage,
  LedgerQuery,
  StaleSave,
} from './ledgerTypes.ts';

const communityPath = (id: number) => `/api/communities/${encodeURIComponent(String(id))}`;

export function listCommunities(query: LedgerQuery, signal?: AbortSignal): Promise<LedgerPage> {
  return api.get<LedgerPage>('/api/communities', { query: { ...query }, signal });
}

export function getCommunity(id: number, signal?: AbortSignal): Promise<CommunityDetail> {
  return api.get<CommunityDetail>(communityPath(id), { signal });
}

export function createCommunity(input: CommunityInput): Promise<CommunityDetail> {
  return api.post<CommunityDetail>('/api/communities', input);
}

export function updateCommunity(id: number, input: CommunityUpdate): Promise<CommunityDetail> {
  return api.put<CommunityDetail>(communityPath(id), input);
}

/** The 409 of a save made on an old version (not the 409 of a duplicate name). */
export function staleSaveOf(e: unknown): StaleSave | null {
  if (!(e instanceof ApiError) || e.subCode !== 'STALE_VERSION') return null;
  const { currentVersion, meanwhile } = e.extra;
  if (typeof currentVersion !== 'number' || !Array.isArray(meanwhile)) return null;
  return { currentVersion, meanwhile: meanwhile as StaleSave['meanwhile'] };
}

export function setDuplicateStatus(
  id: number,
  otherId: number,
  status: Exclude<DuplicateStatus, 'suspected'>,
): Promise<void> {
  return api.post<undefined>(
    `${communityPath(id)}/duplicates/${encodeURIComponent(String(otherId))}`,
    { status },
  );
}

/** Scans the user's subtree for suspected duplicates again, recording those not yet recorded. */
export function scanDuplicates(): Promise<DuplicateScan> {
  return api.post<DuplicateScan>('/api/duplicates/scan', {});
}

/** A plain link: the browser downloads the file with the session cookie. */
export function exportUrl(format: 'csv' | 'xlsx', filter: LedgerFilter): string {
  return buildUrl('/api/communities/export', { format, ...filter });
}

export const IMPORT_TEMPLATE_URL = '/api/imports/template.xlsx';

/** The subsidised-history template's headers (docs/templates/subsidised-history.md). */
export const HISTORY_TEMPLATE_HEADERS = [
  '区划代码',
  '区县',
  '街道',
  '小区名称',
  '详细地址',
  '中央补助年度',
  '建成年份',
  '楼栋数',
  '居民户数',
  '住宅建筑面积（平方米）',
  '改造投资额（万元）',
  '备注',
];
/** The history template as a csv to download (UTF-8 with BOM, so that Excel reads it). */
export const HISTORY_TEMPLATE_URL = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `\uFEFF${HISTORY_TEMPLATE_HEADERS.join(',')}\r\n`,
)}`;

/** Step 1: upload and check; nothing is stored yet. */
export function uploadImport(file: File, kind: ImportKind, onProgress: (percent: number) => void) {
  return uploadFile<ImportJob>(`/api/imports?kind=${kind}`, file, file.name, onProgress);
}

/** Step 2: import a checked file; the job then runs in the background. */
export function confirmImport(id: string): Promise<ImportJob> {
  return api.post<ImportJob>(`/api/imports/${encodeURIComponent(id)}/confirm`);
}

/** Gives up a job not yet imported; the server removes its file. */
export function cancelImport(id: string): Promise<ImportJob> {
  return api.delete<ImportJob>(`/api/imports/${encodeURIComponent(id)}`);
}

export function getImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`/api/imports/${encodeURIComponent(id)}`, { signal });
}
