/** Sessions and the login throttle: rows in the database, so any server can answer any request. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThrottleState } from '../../domain/throttle.ts';

export async function insertSession(
  db: Kysely<Database>,
  s: {
    id: string;
    userId: number;
    csrfToken: string;
    now: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  const at = s.now.toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: at,
      last_seen_at: at,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

export const findSession = (db: Kysely<Database>, id: string) =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export async function touchSession(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteIdleSessions(db: Kysely<Database>, idleSince: Date): Promise<void> {
  await db.deleteFrom('sessions').where('last_seen_at', '<', idleSince.toISOString()).execute();
}

export async function findThrottle(
  db: Kysely<Database>,
  key: string,
): Promise<ThrottleState | undefined> {
  const row = await db
    .selectFrom('login_throttle')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && {
      failures: row.failures,
      lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
      lastFailureAt: new Date(row.last_failure_at),
    }
  );
}

export async function saveThrottle(
  db: Kysely<Database>,
  key: string,
  s: ThrottleState,
): Promise<void> {
  const values = {
    failures: s.failures,
    locked_until: s.lockedUntil?.toISOString() ?? null,
    last_failure_at: s.lastFailureAt.toISOString(),
  };
  await db
    .insertInto('login_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
