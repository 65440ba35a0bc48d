/**
 * A task the server runs itself, soon after it starts and then every `everyMs`: never twice at once
 * in one process, a failure logged for the next run to retry, and the timers unref'd so that they
 * never keep a process alive. `stop` waits for a run under way, so the database can be closed.
 */
import type { Log } from './log.ts';

export interface Periodic {
  stop: () => Promise<void>;
}

export function startPeriodic(
  task: () => Promise<void>,
  everyMs: number,
  log: Log,
  failure: string,
): Periodic {
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = task()
      .catch((err: unknown) => log.error({ err }, failure))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(run, 0).unref();
  const every = setInterval(run, everyMs).unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
