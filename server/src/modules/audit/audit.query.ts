/** Reading the audit log for the audit administrator: filtered, paged (all its SQL). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface AuditFilter {
  user?: string;
  region?: string;
  action?: string;
  from?: string;
  to?: string;
}

function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .leftJoin('regions as r', 'r.code', 'u.region_code');
  if (f.user) q = q.where('a.actor_username', '=', f.user);
  if (f.action) q = q.where('a.action', 'like', `${f.action}%`);
  if (f.from) q = q.where('a.at', '>=', f.from);
  // A date alone means through the end of that day.
  if (f.to) q = q.where('a.at', '<', f.to.length === 10 ? `${f.to}T99` : f.to);
  if (f.region) {
    const code = f.region;
    q = q.where((eb) =>
      eb.or([eb('r.path', 'like', `%/${code}/%`), eb('a.target', 'like', `${code}%`)]),
    );
  }
  return q;
}

export async function countAudit(db: Kysely<Database>, f: AuditFilter): Promise<number> {
  const r = await filtered(db, f)
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

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
