import { api, buildUrl } from './client.ts';

export interface AuditQuery {
  user?: string;
  region?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditItem {
  id: number;
  at: string;
  username: string | null;
  region: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: string | null;
  hash: string | null;
}

export function listAudit(query: AuditQuery, signal?: AbortSignal) {
  return api.get<{ total: number; page: number; pageSize: number; items: AuditItem[] }>(
    '/api/audit',
    { query: { ...query }, signal },
  );
}

/** The csv of the same filter (all pages), for a plain download link. */
export const auditCsvUrl = ({ page: _p, pageSize: _s, ...filter }: AuditQuery): string =>
  buildUrl('/api/audit.csv', filter);
