/**
 * `gaizao remind [--date YYYY-MM-DD] [--json]`: the automatic late notices of monthly reports, for
 * cron. The server sends the same notices hourly; either may run, in any number, at the same time:
 * each unit hears once per month (late-notices.service.ts).
 */
import { openDatabase } from '../bootstrap.ts';
import { sendLateNotices, type LateUnit } from '../modules/reports/late-notices.service.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';
import { periodLabel } from '../../../common/dates.ts';
import { chinaDate } from '../../../common/china-time.ts';

/** --date D: as at the start of D in China time; not after today, so nothing is chased early. */
function asAt(text: string | undefined, now: Date): Date {
  if (text === undefined) return now;
  const at = new Date(`${text}T00:00:00+08:00`);
  const real =
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(at.getTime()) &&
    new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
  if (!real) throw new UsageError(`--date 应为 YYYY-MM-DD 格式的日期：${text}`);
  if (at > now) throw new UsageError(`--date 不能晚于今天：${text}`);
  return at;
}

const line = (u: LateUnit) =>
  `  ${u.code} ${u.name}  ${periodLabel(u.period)}月报（${u.planYear}年度计划，应于 ${u.dueDate} 前上报）`;

export async function remindCommand(args: string[], now = new Date()): Promise<number> {
  const { values, positionals } = parse(args, {
    date: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`remind 不接受参数：${positionals.join(' ')}`);
  const at = asAt(values.date, now);
  const db = await openDatabase(databaseUrl(values.db));
  try {
    const { overdue, notified } = await sendLateNotices(db.db, at);
    const date = chinaDate(at);
    if (values.json) console.log(JSON.stringify({ date, overdue, notified }));
    else if (!overdue.length) console.log(`${date}：没有逾期未报月报的单位`);
    else {
      console.log(
        `${date}：逾期未报月报的单位 ${overdue.length} 个，本次提醒 ${notified.length} 个` +
          (notified.length < overdue.length
            ? `（其余 ${overdue.length - notified.length} 个本月已提醒过）`
            : ''),
      );
      for (const u of notified) console.log(line(u));
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
