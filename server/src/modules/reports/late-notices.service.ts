/**
 * Automatic late notices (自动催报): once a unit's monthly report is past its province's due day and
 * not submitted, the unit finds a notice under its bell — once per unit and month, however many
 * server processes and cron jobs send them at the same time, because a key in the database decides
 * (report_reminders), not a process's memory. The level above can still chase by hand (催报,
 * completeness.service.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { dueDate, lastOverduePeriod, reportingUnits } from '../../domain/monthly-report.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { notify } from '../declarations/declarations.repository.ts';
import * as repo from './late-notices.repository.ts';
import { dueDays, reportsLink } from './monthly-reports.service.ts';
import { periodLabel } from '../../../../common/dates.ts';

export interface LateUnit {
  code: string;
  name: string;
  planYear: number;
  /** YYYY-MM */
  period: string;
  /** YYYY-MM-DD, passed */
  dueDate: string;
}

/** The kind of a notice sent by hand: the bell shows it, and 催报 counts it as that day's notice. */
const KIND = 'report_late';

const keyOf = (u: { code: string; planYear: number; period: string }) =>
  `${u.code}/${u.planYear}/${u.period}`;

/** Notifies each overdue unit that was not yet notified for that month; answers both lists. */
export async function sendLateNotices(
  db: Kysely<Database>,
  now = new Date(),
): Promise<{ overdue: LateUnit[]; notified: LateUnit[] }> {
  const overdue = await overdueUnits(db, now);
  const notified = overdue.length ? await notifyOnce(db, overdue, now) : [];
  return { overdue, notified };
}

/** The provinces grouped by the month their units are late with (their due days differ). */
async function lateMonths(db: Kysely<Database>, now: Date) {
  const days = await dueDays(
    db,
    (await repo.provinces(db)).map((p) => p.code),
  );
  const byPeriod = new Map<string, Set<string>>();
  for (const [province, day] of days) {
    const period = lastOverduePeriod(now, day);
    byPeriod.set(period, (byPeriod.get(period) ?? new Set()).add(province));
  }
  return { days, byPeriod };
}

/**
 * A unit owes a month's report when it has communities in the plan of that month's year (the
 * plan year a month belongs to, as the reports page takes it) and submitted no version of it:
 * units with nothing in the plan have nothing to report, as completeness holds.
 */
async function overdueUnits(db: Kysely<Database>, now: Date): Promise<LateUnit[]> {
  const { days, byPeriod } = await lateMonths(db, now);
  const planned = new Map<number, Promise<string[]>>();
  const late: Omit<LateUnit, 'name'>[] = [];
  for (const [period, provinces] of byPeriod) {
    const planYear = Number(period.slice(0, 4));
    if (!planned.has(planYear)) planned.set(planYear, repo.plannedPaths(db, planYear));
    const [paths, reported] = await Promise.all([
      planned.get(planYear)!,
      repo.reportedUnits(db, planYear, period),
    ]);
    // Each expected unit with its province, whose due day it keeps.
    const expected = new Map<string, string>();
    for (const [province, ...below] of paths.map(reportingUnits))
      if (province && provinces.has(province))
        for (const code of [province, ...below]) expected.set(code, province);
    for (const [code, province] of expected)
      if (!reported.has(code))
        late.push({ code, planYear, period, dueDate: dueDate(period, days.get(province)!) });
  }
  const names = await repo.regionNames(
    db,
    late.map((u) => u.code),
  );
  return late
    .map((u) => ({ ...u, name: names.get(u.code) ?? u.code }))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/**
 * In one transaction: claims each notice in report_reminders, then sends the ones it claimed. A
 * second process claiming the same unit and month waits for this one's commit and then claims
 * nothing; if this one rolls back, nothing was sent and the next run sends it.
 */
async function notifyOnce(db: Kysely<Database>, late: LateUnit[], now: Date): Promise<LateUnit[]> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const claimed = await repo.claimReminders(
      trx,
      late.map((u) => ({
        unit_code: u.code,
        plan_year: u.planYear,
        period: u.period,
        due_date: u.dueDate,
        notified_at: at,
      })),
    );
    const fresh = new Set(
      claimed.map((r) => keyOf({ code: r.unit_code, planYear: r.plan_year, period: r.period })),
    );
    const sent = late.filter((u) => fresh.has(keyOf(u)));
    for (const u of sent)
      await notify(
        trx,
        u.code,
        KIND,
        `${u.name}${periodLabel(u.period)}月报已逾期未报（应于 ${u.dueDate} 前上报），请尽快上报`,
        reportsLink(u.planYear, u.period),
        at,
      );
    if (sent.length)
      await insertAudit(
        trx,
        {
          actorUsername: 'system',
          action: 'monthly_report.auto_remind',
          target: [...new Set(sent.map((u) => u.period))].join(','),
          detail: { notified: sent.map(keyOf) },
        },
        now,
      );
    return sent;
  });
}
