/** A real log for tests of background work: it keeps what it is told, for the test to read. */
import type { Log } from '../log.ts';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg: string;
  obj: object;
}

export function keptLog(): { lines: LogLine[]; log: Log } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (obj: object, msg: string): void => {
      lines.push({ level, msg, obj });
    };
  return { lines, log: { info: at('info'), warn: at('warn'), error: at('error') } };
}
