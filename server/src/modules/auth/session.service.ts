/**
 * Session lookup (issue 10): a session is a database row, so any of several servers can answer.
 * It ends after an idle time (SESSION_IDLE_MINUTES, default 30) and an absolute lifetime after
 * login (SESSION_MAX_HOURS, default 12); the refusal says which, so the user learns why. A user
 * whose password an administrator set, or whose password is past PASSWORD_MAX_AGE_DAYS, must
 * change it before other work. An ended session's row is kept for a day (auth.sweep.ts), so the
 * cookie keeps answering with the reason rather than "unknown".
 */
import type { Kysely } from 'kysely';
import { DEFAULT_SECURITY, type SecurityConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { findUserById } from '../users/users.repository.ts';
import * as repo from './auth.repository.ts';
import { sessionId, toActor, type Authenticated } from './auth.service.ts';

/** The default idle timeout, in milliseconds. */
export const SESSION_IDLE_MS = DEFAULT_SECURITY.sessionIdleMinutes * 60_000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Why a session cookie no longer opens a session (sent with the 401 as `reason`). */
export type SessionEndReason = 'SESSION_IDLE' | 'SESSION_EXPIRED' | 'SESSION_UNKNOWN';

export const SESSION_END_MESSAGES: Record<SessionEndReason, string> = {
  SESSION_IDLE: '会话已超时（长时间未操作），请重新登录',
  SESSION_EXPIRED: '会话已超过最长使用时间，请重新登录',
  SESSION_UNKNOWN: '登录已失效，请重新登录',
};

/** Why a signed-in user must change the password before other work, or null. */
export type PasswordChangeReason = 'INITIAL' | 'EXPIRED';

export function passwordChangeReason(
  user: { must_change_password: number; password_changed_at: string | null; created_at: string },
  security: SecurityConfig,
  now: Date,
): PasswordChangeReason | null {
  if (user.must_change_password) return 'INITIAL';
  if (security.passwordMaxAgeDays) {
    const since = new Date(user.password_changed_at ?? user.created_at).getTime();
    if (now.getTime() - since > security.passwordMaxAgeDays * 86_400_000) return 'EXPIRED';
  }
  return null;
}

export async function checkSession(
  db: Kysely<Database>,
  sessionToken: string,
  now = new Date(),
  security: SecurityConfig = DEFAULT_SECURITY,
): Promise<{ auth: Authenticated } | { reason: SessionEndReason }> {
  const id = sessionId(sessionToken);
  const session = await repo.findSession(db, id);
  if (!session) return { reason: 'SESSION_UNKNOWN' };
  const idle = now.getTime() - new Date(session.last_seen_at).getTime();
  const age = now.getTime() - new Date(session.created_at).getTime();
  const reason: SessionEndReason | null =
    age > security.sessionMaxHours * 3_600_000
      ? 'SESSION_EXPIRED'
      : idle > security.sessionIdleMinutes * 60_000
        ? 'SESSION_IDLE'
        : null;
  // The ended session stays until the sweep (auth.sweep.ts) so that every request the page still
  // has in flight, and the next page load, learns why: not only the first one.
  if (reason) return { reason };
  const user = await findUserById(db, session.user_id);
  if (!user || user.disabled) return { reason: 'SESSION_UNKNOWN' };
  if (idle > TOUCH_EVERY_MS) await repo.touchSession(db, id, session.last_seen_at, now);
  return { auth: { actor: toActor(user), user, sessionId: id, csrfToken: session.csrf_token } };
}

/** The session behind a cookie token, or undefined if there is none, it ended, or the user is disabled. */
export async function authenticate(
  db: Kysely<Database>,
  sessionToken: string,
  now = new Date(),
  security: SecurityConfig = DEFAULT_SECURITY,
): Promise<Authenticated | undefined> {
  const result = await checkSession(db, sessionToken, now, security);
  return 'auth' in result ? result.auth : undefined;
}
