import type { Kysely } from 'kysely';
import type { AuditFilter } from '../../../../common/api/audit.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { validation } from '../../errors.ts';
import { appendChained } from './audit.chain.ts';
import { requestIp } from '../../request-context.ts';
import { chinaDate } from '../../../../common/china-time.ts';
import type { AuditAction } from '../../../../common/audit-actions.ts';

export interface AuditEntry {
  actorUserId?: number | null;
  actorUsername?: string | null;
  action: AuditAction;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function insertAudit(
  db: Kysely<Database>,
  e: AuditEntry,
  now = new Date(),
): Promise<void> {
  await appendChained(db, {
    at: now.toISOString(),
    actor_user_id: e.actorUserId ?? null,
    actor_username: e.actorUsername ?? null,
    action: e.action,
    target: e.target ?? null,
    // The request's client, where the caller does not say (services are not handed the request).
    ip: e.ip ?? requestIp() ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}

/** An action of a signed-in actor on a target. */
export const auditBy = (
  db: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  target: string,
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> =>
  insertAudit(
    db,
    { actorUserId: actor.userId || null, actorUsername: actor.username, action, target, detail },
    now,
  );

/** Every audit entry in id order, or those of one action. */
export function listAudit(db: Kysely<Database>, action?: string) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}

// Reading the audit log for the audit administrator: filtered, paged.

export type { AuditFilter };

/** The UTC instant (as stored) at which the China day `date` (YYYY-MM-DD), plus `days`, begins. */
function chinaDayStart(date: string, days: number): string {
  const start = new Date(`${date}T00:00:00+08:00`).getTime();
  // Not a day of the calendar (2031-02-30 would roll over into March): refused.
  if (Number.isNaN(start) || chinaDate(start) !== date) throw validation(`日期不正确：${date}`);
  return new Date(start + days * 86_400_000).toISOString();
}

/**
 * The filter with its dates as the stored instants they bound: a date alone is a day of China
 * time, as every page shows times, while the log holds UTC instants. Throws on a date that is not
 * a day of the calendar, before any query runs.
 */
export function inInstants(f: AuditFilter): AuditFilter {
  return {
    ...f,
    ...(f.from && { from: f.from.length === 10 ? chinaDayStart(f.from, 0) : f.from }),
    ...(f.to && { to: f.to.length === 10 ? chinaDayStart(f.to, 1) : f.to }),
  };
}

/** The audit entries a filter keeps (its dates as instants: inInstants), with their actor and the actor's region joined. */
function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .leftJoin('regions as r', 'r.code', 'u.region_code');
  if (f.user) q = q.where('a.actor_username', '=', f.user);
  if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.region) {
    const code = f.region;
    q = q.where((eb) =>
      eb.or([eb('r.path', 'like', `%/${code}/%`), eb('a.target', 'like', `${code}%`)]),
    );
  }
  return q;
}

/** How many audit entries a filter keeps. */
export async function countAudit(db: Kysely<Database>, f: AuditFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One page of the audit entries a filter keeps, newest first. */
export const pageAudit = (db: Kysely<Database>, f: AuditFilter, offset: number, limit: number) =>
  filtered(db, f)
    .select([
      'a.id',
      'a.at',
      'a.actor_username',
      'u.region_code',
      'a.action',
      'a.target',
      'a.ip',
      'a.detail',
      'a.hash',
    ])
    .orderBy('a.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
