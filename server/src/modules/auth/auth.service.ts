/** Login, logout and session lookup. Sessions are server-side rows; the cookie holds a random token. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import type { RegionLevel } from '../../domain/regions.ts';
import {
  DEFAULT_THROTTLE_RULES,
  FAILURE_MEMORY_MS,
  knownKey,
  throttleKeys,
  waitAfter,
  type ThrottleKey,
  type ThrottleRules,
} from '../../domain/throttle.ts';
import { AppError } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import {
  findUserByUsername,
  setLastLogin,
  type UserWithRegion,
} from '../users/users.repository.ts';
import * as repo from './auth.repository.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
/** The id a session row has: the sha-256 of its cookie token. */
export const sessionId = (token: string): string => sha256(token);
const token = (): string => randomBytes(32).toString('base64url');

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

export const toActor = (u: UserWithRegion): Actor => ({
  userId: u.id,
  username: u.username,
  roles: u.roles,
  regionCode: u.region_code,
  regionPath: u.region_path,
  regionLevel: u.region_level as RegionLevel,
});

function throttled(waitMs: number): AppError {
  const seconds = Math.ceil(waitMs / 1000);
  return new AppError('THROTTLED', `登录失败次数过多，请 ${seconds} 秒后再试`, undefined, {
    retryAfterSeconds: seconds,
  });
}

/** Thrown inside the reservation's transaction, so that nothing it counted stays counted. */
class Locked extends Error {
  constructor(readonly waitMs: number) {
    super('locked');
  }
}

/**
 * Reserves one attempt under each of the attempt's throttle keys, in one transaction, before the
 * password is checked: 100 parallel attempts (on any number of servers) check at most the limit,
 * and the rest are refused. A key reaching its limit is locked at once, so the attempts that
 * follow it wait even while the reserved ones are still being checked.
 */
async function reserveAttempts(
  db: Kysely<Database>,
  keys: ThrottleKey[],
  now: Date,
): Promise<number> {
  const staleBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  try {
    await db.transaction().execute(async (trx) => {
      for (const { key, rule } of keys) {
        const r = await repo.reserveAttempt(trx, key, now, staleBefore);
        if ('lockedUntil' in r) throw new Locked(r.lockedUntil.getTime() - now.getTime());
        const wait = waitAfter(r.failures, rule);
        if (wait) await repo.lockThrottle(trx, key, new Date(now.getTime() + wait));
      }
    });
    return 0;
  } catch (e) {
    if (e instanceof Locked) return Math.max(e.waitMs, 1000);
    throw e;
  }
}

export async function login(
  db: Kysely<Database>,
  input: LoginInput,
  now = new Date(),
  rules: ThrottleRules = DEFAULT_THROTTLE_RULES,
) {
  const known = await repo.succeededSince(
    db,
    knownKey(input.username, input.ip),
    new Date(now.getTime() - rules.knownAddressMs),
  );
  const keys = throttleKeys(input.username, input.ip, rules, known);
  const audit = { actorUsername: input.username, ip: input.ip };
  const wait = await reserveAttempts(db, keys, now);
  if (wait > 0) {
    await insertAudit(
      db,
      { ...audit, action: 'auth.login_throttled', target: input.username },
      now,
    );
    throw throttled(wait);
  }
  const user = await findUserByUsername(db, input.username);
  const ok = await verifyPassword(
    user?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !ok || user.disabled) {
    // The attempt stays counted: it was reserved before the check.
    const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled';
    await insertAudit(
      db,
      {
        ...audit,
        actorUserId: user?.id ?? null,
        action: 'auth.login_failed',
        target: input.username,
        detail: { reason },
      },
      now,
    );
    throw new AppError(
      'UNAUTHENTICATED',
      ok && user?.disabled ? '该账号已停用，请联系管理员' : '用户名或密码错误',
    );
  }
  const sessionToken = token();
  const csrfToken = token();
  await db.transaction().execute(async (trx) => {
    // A success clears the counts of its pair and its address, and gives back the attempt it
    // reserved on the account (whose failures may come from elsewhere); the address becomes one
    // the account is known at.
    for (const { kind, key, rule } of keys)
      if (kind === 'account') await repo.releaseAttempt(trx, key, rule.failuresBeforeWait);
      else await repo.clearThrottle(trx, key);
    await repo.rememberSuccess(trx, knownKey(input.username, input.ip), now);
    await repo.insertSession(trx, {
      id: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      now,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
    });
    await setLastLogin(trx, user.id, now);
    await insertAudit(
      trx,
      { ...audit, actorUserId: user.id, action: 'auth.login', target: user.username },
      now,
    );
  });
  return { sessionToken, csrfToken, user };
}

export interface Authenticated {
  actor: Actor;
  user: UserWithRegion;
  sessionId: string;
  csrfToken: string;
}

export async function logout(
  db: Kysely<Database>,
  auth: Authenticated,
  ip: string | null,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, auth.sessionId);
    await insertAudit(
      trx,
      {
        actorUserId: auth.actor.userId,
        actorUsername: auth.actor.username,
        action: 'auth.logout',
        target: auth.actor.username,
        ip,
      },
      now,
    );
  });
}
