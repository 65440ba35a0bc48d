/** Sessions and the login throttle: rows in the database, so any server can answer any request. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

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

/**
 * Moves a session's last use to `now`, only if it still reads `seenAt` (the value the caller
 * checked): a request that read the session alive must not revive it after it was ended or moved
 * in between, by another request, another server or an administrator.
 */
export async function touchSession(
  db: Kysely<Database>,
  id: string,
  seenAt: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', id)
    .where('last_seen_at', '=', seenAt)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Deletes a user's sessions but one (the one that changed the password). */
export async function deleteOtherSessions(
  db: Kysely<Database>,
  userId: number,
  keepSessionId: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', keepSessionId)
    .execute();
}

/** Deletes the sessions last used before `idleSince` or begun before `createdSince`; how many. */
export async function deleteEndedSessions(
  db: Kysely<Database>,
  idleSince: Date,
  createdSince: Date,
): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<', idleSince.toISOString()),
        eb('created_at', '<', createdSince.toISOString()),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Deletes throttle rows that no longer count: failures older than `failuresBefore` with no lock in
 * force, and remembered successes (`ok:` keys) older than `successesBefore`; how many.
 */
export async function deleteStaleThrottleRows(
  db: Kysely<Database>,
  now: Date,
  failuresBefore: Date,
  successesBefore: Date,
): Promise<number> {
  const r = await db
    .deleteFrom('login_throttle')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('key', 'not like', 'ok:%'),
          eb('last_failure_at', '<', failuresBefore.toISOString()),
          eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now.toISOString())]),
        ]),
        eb.and([
          eb('key', 'like', 'ok:%'),
          eb('last_failure_at', '<', successesBefore.toISOString()),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Reserves one attempt under a throttle key, atomically, before the password is checked: the
 * count goes up unless the key is locked now. One upsert, so that a row deleted meanwhile (a
 * success at the same address clears its count) is inserted afresh rather than missed; on
 * PostgreSQL it holds the row until the caller's transaction ends, so parallel attempts (on any
 * server) take their turn; SQLite has one writer. A failure older than `staleBefore` starts the
 * count afresh.
 */
export async function reserveAttempt(
  trx: Kysely<Database>,
  key: string,
  now: Date,
  staleBefore: Date,
): Promise<{ failures: number } | { lockedUntil: Date }> {
  const at = now.toISOString();
  const row = await trx
    .insertInto('login_throttle')
    .values({ key, failures: 1, locked_until: null, last_failure_at: at })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const locked = eb.and([
          eb('login_throttle.locked_until', 'is not', null),
          eb('login_throttle.locked_until', '>', at),
        ]);
        return {
          failures: eb
            .case()
            .when(locked)
            .then(eb.ref('login_throttle.failures'))
            .when('login_throttle.last_failure_at', '<', staleBefore.toISOString())
            .then(1)
            .else(eb('login_throttle.failures', '+', 1))
            .end(),
          last_failure_at: eb
            .case()
            .when(locked)
            .then(eb.ref('login_throttle.last_failure_at'))
            .else(at)
            .end(),
        };
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return row.locked_until !== null && row.locked_until > at
    ? { lockedUntil: new Date(row.locked_until) }
    : { failures: row.failures };
}

export async function lockThrottle(trx: Kysely<Database>, key: string, until: Date): Promise<void> {
  await trx
    .updateTable('login_throttle')
    .set({ locked_until: until.toISOString() })
    .where('key', '=', key)
    .execute();
}

/**
 * Gives back an attempt that succeeded: the count goes down by one, and a lock goes with it
 * when the count falls below the limit again.
 */
export async function releaseAttempt(
  trx: Kysely<Database>,
  key: string,
  failuresBeforeWait: number,
): Promise<void> {
  await trx
    .updateTable('login_throttle')
    .set((eb) => ({
      failures: eb('failures', '-', 1),
      locked_until: eb
        .case()
        .when('failures', '>', failuresBeforeWait)
        .then(eb.ref('locked_until'))
        .else(null)
        .end(),
    }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Remembers a success of an account from an address (an `ok:` key, its time in last_failure_at). */
export async function rememberSuccess(
  trx: Kysely<Database>,
  key: string,
  now: Date,
): Promise<void> {
  const values = { failures: 0, locked_until: null, last_failure_at: now.toISOString() };
  await trx
    .insertInto('login_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function succeededSince(
  db: Kysely<Database>,
  key: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('login_throttle')
    .select('key')
    .where('key', '=', key)
    .where('last_failure_at', '>=', since.toISOString())
    .executeTakeFirst();
  return row !== undefined;
}

export async function clearThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
