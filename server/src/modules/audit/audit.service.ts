/**
 * The audit log for the audit administrator (等保三级 安全审计): who, what, when, from which
 * address, on which record; filtered, paged, exported as csv. Reading it is itself audited.
 */
import type { Kysely } from 'kysely';
import type { AuditPage, AuditQuery } from '../../../../common/api/audit.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { forbidden } from '../../errors.ts';
import { canReadAudit } from './audit.policy.ts';
import {
  auditBy,
  countAudit,
  inInstants,
  pageAudit,
  type AuditFilter,
} from './audit.repository.ts';
import { csvFile } from '../../domain/spreadsheet-cells.ts';
import { chinaIso } from '../../../../common/china-time.ts';

const present = (r: Awaited<ReturnType<typeof pageAudit>>[number]) => ({
  id: Number(r.id),
  at: r.at,
  username: r.actor_username,
  region: r.region_code ?? null,
  action: r.action,
  target: r.target,
  ip: r.ip,
  detail: r.detail,
  hash: r.hash,
});

/** A stored UTC instant in China time, offset written: 2026-12-07T23:27:46.524+08:00. */
const chinaTime = (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : chinaIso(iso));

function allowed(actor: Actor) {
  if (!canReadAudit(actor)) throw forbidden('只有审计管理员可以查看审计日志');
}

export async function listAuditLog(
  db: Kysely<Database>,
  actor: Actor,
  f: AuditQuery,
): Promise<AuditPage> {
  allowed(actor);
  const window = inInstants(f);
  const [total, rows] = await Promise.all([
    countAudit(db, window),
    pageAudit(db, window, (f.page - 1) * f.pageSize, f.pageSize),
  ]);
  return { total, page: f.page, pageSize: f.pageSize, items: rows.map(present) };
}

export async function auditCsv(db: Kysely<Database>, actor: Actor, f: AuditFilter) {
  allowed(actor);
  const rows = await pageAudit(db, inInstants(f), 0, 100_000);
  await auditBy(db, actor, 'audit.export', 'audit_log', { ...f, rows: rows.length }, new Date());
  const header = [
    '编号',
    '时间（北京时间）',
    '用户',
    '用户所属区划',
    '操作',
    '对象',
    '地址',
    '详情',
    '校验码',
  ];
  // Every text cell made safe by the one function all exports use (spreadsheet-cells.ts).
  const lines = rows
    .map(present)
    .map((r) => [
      r.id,
      chinaTime(r.at),
      r.username,
      r.region,
      r.action,
      r.target,
      r.ip,
      r.detail,
      r.hash,
    ]);
  return csvFile([header, ...lines]);
}
