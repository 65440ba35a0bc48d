/** Login, logout and session lookup. Sessions are server-side rows; the cookie holds a random token. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import type { RegionLevel } from '../../domain/regions.ts';
import { afterFailure, remainingWait } from '../../domain/throttle.ts';
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

export async function login(db: Kysely<Database>, input: LoginInput, now = new Date()) {
  const keys = [`user:${input.username.toLowerCase()}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  const states = await Promise.all(keys.map((k) => repo.findThrottle(db, k)));
  const wait = Math.max(...states.map((s) => remainingWait(s, now)));
  const audit = { actorUsername: input.username, ip: input.ip };
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
    await db.transaction().execute(async (trx) => {
      for (const [i, key] of keys.entries())
        await repo.saveThrottle(trx, key, afterFailure(states[i], now));
      const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'disabled';
      await insertAudit(
        trx,
        {
          ...audit,
          actorUserId: user?.id ?? null,
          action: 'auth.login_failed',
          target: input.username,
          detail: { reason },
        },
        now,
      );
    });
    throw new AppError(
      'UNAUTHENTICATED',
      ok && user?.disabled ? '该账号已停用，请联系管理员' : '用户名或密码错误',
    );
  }
  const sessionToken = token();
  const csrfToken = token();
  await db.transaction().execute(async (trx) => {
    await repo.clearThrottle(trx, keys[0]!);
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
