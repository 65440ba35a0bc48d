/**
 * The server sends the automatic late notices itself (`gaizao serve`): soon after it starts, then
 * hourly, so that a unit hears within the hour after its due day ends. Every server process may
 * run it; the database keeps each notice to one (late-notices.service.ts). The timers are unref'd
 * so that they never keep a process alive, and a run's failure is logged for the next run to
 * retry.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Log } from '../../log.ts';
import { startPeriodic, type Periodic } from '../../periodic.ts';
import { sendLateNotices } from './late-notices.service.ts';

export const LATE_NOTICE_INTERVAL_MS = 3600_000;

export function startLateNotices(
  db: Kysely<Database>,
  log: Log,
  { everyMs = LATE_NOTICE_INTERVAL_MS, now = () => new Date() } = {},
): Periodic {
  return startPeriodic(
    async () => {
      const { notified } = await sendLateNotices(db, now());
      if (notified.length)
        log.info(
          { notified: notified.map((u) => `${u.code}/${u.period}`) },
          `已自动提醒 ${notified.length} 个逾期未报月报的单位`,
        );
    },
    everyMs,
    log,
    '自动提醒逾期未报月报失败，下次定时再试',
  );
}
