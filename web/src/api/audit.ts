import type { AuditItem, AuditPage, AuditQuery } from '../../../common/api/audit.ts';
import { api, buildUrl } from './client.ts';

export type { AuditItem, AuditQuery };

export function listAudit(query: AuditQuery, signal?: AbortSignal) {
  return api.get<AuditPage>('/api/audit', { query: { ...query }, signal });
}

/** The csv of the same filter (all pages), for a plain download link. */
export const auditCsvUrl = ({ page: _p, pageSize: _s, ...filter }: AuditQuery): string =>
  buildUrl('/api/audit.csv', filter);
