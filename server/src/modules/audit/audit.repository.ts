import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { appendChained } from './audit.chain.ts';

export interface AuditEntry {
  actorUserId?: number | null;
  actorUsername?: string | null;
  action: string;
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
    ip: e.ip ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  });
}

/** An action of a signed-in actor on a target. */
export const auditBy = (
  db: Kysely<Database>,
  actor: Actor,
  action: string,
  target: string,
  detail: Record<string, unknown>,
  now: Date,
): Promise<void> =>
  insertAudit(
    db,
    { actorUserId: actor.userId || null, actorUsername: actor.username, action, target, detail },
    now,
  );

export function listAudit(db: Kysely<Database>, action?: string) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc');
  if (action) q = q.where('action', '=', action);
  return q.execute();
}
