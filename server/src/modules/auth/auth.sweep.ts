/**
 * Housekeeping of the login tables (issue 10): ended sessions are kept a day after they end, so
 * that the user's next request still learns why (session.service.ts), then deleted; throttle rows
 * are deleted once they no longer count (a failure past FAILURE_MEMORY_MS with no lock in force,
 * a remembered success past the known-address time). The server runs it hourly (app.ts).
 */
import type { Kysely } from 'kysely';
import { DEFAULT_SECURITY, type SecurityConfig } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import {
  DEFAULT_THROTTLE_RULES,
  FAILURE_MEMORY_MS,
  type ThrottleRules,
} from '../../domain/throttle.ts';
import type { Log } from '../../log.ts';
import { startPeriodic, type Periodic } from '../../periodic.ts';
import * as repo from './auth.repository.ts';

/** How long an ended session still answers with its reason. */
export const ENDED_SESSION_KEEP_MS = 24 * 3_600_000;
export const AUTH_SWEEP_INTERVAL_MS = 3_600_000;

export async function sweepAuthRows(
  db: Kysely<Database>,
  now: Date,
  security: SecurityConfig = DEFAULT_SECURITY,
  rules: ThrottleRules = DEFAULT_THROTTLE_RULES,
): Promise<{ sessions: number; throttle: number }> {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const sessions = await repo.deleteEndedSessions(
    db,
    ago(security.sessionIdleMinutes * 60_000 + ENDED_SESSION_KEEP_MS),
    ago(security.sessionMaxHours * 3_600_000 + ENDED_SESSION_KEEP_MS),
  );
  const throttle = await repo.deleteStaleThrottleRows(
    db,
    now,
    ago(FAILURE_MEMORY_MS),
    ago(rules.knownAddressMs),
  );
  return { sessions, throttle };
}

export function startAuthSweep(
  db: Kysely<Database>,
  log: Log,
  security: SecurityConfig,
  rules: ThrottleRules = DEFAULT_THROTTLE_RULES,
): Periodic {
  return startPeriodic(
    async () => {
      const r = await sweepAuthRows(db, new Date(), security, rules);
      if (r.sessions + r.throttle)
        log.info(r, `登录数据清理：${r.sessions} 个已结束会话，${r.throttle} 条过期的登录限制记录`);
    },
    AUTH_SWEEP_INTERVAL_MS,
    log,
    '登录数据清理失败，下次定时再试',
  );
}
