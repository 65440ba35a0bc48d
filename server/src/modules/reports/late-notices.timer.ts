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
import { sendLateNotices } from './late-notices.service.ts';

export const LATE_NOTICE_INTERVAL_MS = 3600_000;

export interface LateNoticeTimer {
  /** Stops the timers and waits for a run under way, so that the database can be closed. */
  stop: () => Promise<void>;
}

export function startLateNotices(
  db: Kysely<Database>,
  log: Log,
  { everyMs = LATE_NOTICE_INTERVAL_MS, now = () => new Date() } = {},
): LateNoticeTimer {
  let running: Promise<void> | undefined;
  const run = () => {
    // A run slower than the interval is not doubled in this process.
    if (running) return;
    running = sendLateNotices(db, now())
      .then(({ notified }) => {
        if (notified.length)
          log.info(
            { notified: notified.map((u) => `${u.code}/${u.period}`) },
            `已自动提醒 ${notified.length} 个逾期未报月报的单位`,
          );
      })
      .catch((err: unknown) => log.error({ err }, '自动提醒逾期未报月报失败，下次定时再试'))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, 0).unref();
  const hourly = setInterval(run, everyMs).unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(hourly);
      await running;
    },
  };
}
