/**
 * Monthly reports (月报), issue 5: each month a unit submits its month upward as a frozen snapshot
 * as at month end — versioned, with its SHA-256, like a plan submission — by a day of the next
 * month that its province sets. A resubmission is a new version; what was submitted never changes.
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { Actor } from '../../domain/actor.ts';
import { canonicalJson } from '../../domain/declaration.ts';
import {
  DEFAULT_DUE_DAY,
  dueDate,
  inTime,
  periodProblem,
  reportOpensOn,
  reportStatus,
  submitProblem,
  REPORT_STATUS_LABELS,
} from '../../domain/monthly-report.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { notify } from '../declarations/declarations.repository.ts';
import { currentReport, type ReportContent } from './monthly-reports.content.ts';
import { checkOnRead } from '../integrity/integrity.ts';
import { canReadReports, canSubmitReport } from './monthly-reports.policy.ts';
import * as repo from './monthly-reports.repository.ts';
import { peopleNamed } from '../users/people.ts';
import { periodLabel } from '../../../../common/dates.ts';
import { resolveScope } from '../regions/scope.ts';

/** Where a unit's reports and notices are seen in the web app. */
export const reportsLink = (year: number, period: string) =>
  `/progress/reports?year=${year}&period=${period}`;

/** The province a region belongs to ('/000000/460000/…' → 460000); none for the country. */
export const provinceOf = (r: { path: string }): string | undefined =>
  r.path.split('/')[2] || undefined;

/** A region the actor may look at (its own subtree); `reporting`: a unit that reports (not the country). */
export async function visibleRegion(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  reporting: boolean,
): Promise<RegionRow> {
  if (!canReadReports(actor)) throw forbidden('没有查看月报的权限');
  return resolveScope(db, actor, code, {
    what: '单位',
    ...(reporting && { levels: ['province', 'prefecture', 'county'] }),
  });
}

export function checkPeriod(period: string, year: number, now: Date): void {
  const problem = periodProblem(period, year, now);
  if (problem) throw validation(problem, [{ path: 'period', message: problem }]);
}

function checkSubmittable(period: string, year: number, now: Date): void {
  const problem = submitProblem(period, year, now);
  if (problem) throw validation(problem, [{ path: 'period', message: problem }]);
}

/** Each province's due day (its own setting or the default). */
export async function dueDays(
  db: Kysely<Database>,
  provinces: string[],
): Promise<Map<string, number>> {
  const set = new Map(
    (await repo.dueDaysOf(db, provinces)).map((r) => [r.province_code, r.due_day]),
  );
  return new Map(provinces.map((p) => [p, set.get(p) ?? DEFAULT_DUE_DAY]));
}

async function dueDayOfUnit(db: Kysely<Database>, unit: RegionRow): Promise<number> {
  const p = provinceOf(unit);
  return p ? (await dueDays(db, [p])).get(p)! : DEFAULT_DUE_DAY;
}

const summary = (r: NonNullable<Awaited<ReturnType<typeof repo.latestReport>>>, due: string) => ({
  period: r.period,
  version: r.version,
  hash: r.hash,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  dueDate: due,
  inTime: inTime(r.submitted_at, due),
});

/** What would be frozen now, against the last version submitted. */
export async function previewReport(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  period: string,
  now = new Date(),
) {
  const unit = await visibleRegion(db, actor, unitCode, true);
  checkPeriod(period, year, now);
  const [{ content, hash }, latest, dueDay] = await Promise.all([
    currentReport(db, unit, year, period),
    repo.latestReport(db, unit.code, year, period),
    dueDayOfUnit(db, unit),
  ]);
  const due = dueDate(period, dueDay);
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    period,
    dueDate: due,
    canSubmit: canSubmitReport(actor, unit),
    /** The month's last day, from which it may be submitted; `open`: that day has come. */
    opensOn: reportOpensOn(period),
    open: submitProblem(period, year, now) === undefined,
    hash,
    latest: latest ? { ...summary(latest, due), unchanged: latest.hash === hash } : null,
    content,
  };
}

export async function submitReport(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  period: string,
  now = new Date(),
) {
  try {
    return await submitInTransaction(db, actor, unitCode, year, period, now);
  } catch (e) {
    // Two submissions of one month at once both chose the next version: the unique key on
    // (unit, year, period, version) lets one through, and the other is told (issue 10).
    if (isUniqueViolation(e))
      throw conflict('CONCURRENT', '该月报正由他人同时上报，本次未保存，请刷新后查看最新版本');
    throw e;
  }
}

function submitInTransaction(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  period: string,
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const unit = await visibleRegion(trx, actor, unitCode, true);
    if (!canSubmitReport(actor, unit))
      throw forbidden(`只能由${unit.name}本级住建部门上报本单位月报`);
    checkSubmittable(period, year, now);
    const { content, hash } = await currentReport(trx, unit, year, period);
    const latest = await repo.latestReport(trx, unit.code, year, period);
    if (latest?.hash === hash)
      throw conflict('CONCURRENT', `内容与已上报的第 ${latest.version} 版相同，无需重新上报`, {
        extra: {
          version: latest.version,
        },
      });
    const version = (latest?.version ?? 0) + 1;
    const at = now.toISOString();
    await repo.insertReport(trx, {
      unit_code: unit.code,
      plan_year: year,
      period,
      version,
      hash,
      content: canonicalJson(content),
      submitted_by: actor.username,
      submitted_at: at,
    });
    await auditBy(
      trx,
      actor,
      'monthly_report.submit',
      `${unit.code}/${year}/${period}`,
      { version, hash },
      now,
    );
    const parent = unit.level === 'province' ? '000000' : unit.parent_code;
    if (parent)
      await notify(
        trx,
        parent,
        'monthly_report',
        `${unit.name}已上报${periodLabel(period)}月报（${year}年度计划，第 ${version} 版）`,
        reportsLink(year, period),
        at,
      );
    const due = dueDate(period, await dueDayOfUnit(trx, unit));
    return { version, hash, submittedAt: at, dueDate: due, inTime: inTime(at, due) };
  });
}

/** A unit's submissions for a plan year, with its due day. */
export async function reportHistory(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now = new Date(),
) {
  const unit = await visibleRegion(db, actor, unitCode, true);
  const [rows, dueDay] = await Promise.all([
    repo.reportsOf(db, unit.code, year),
    dueDayOfUnit(db, unit),
  ]);
  const firstOf = new Map<string, string>();
  for (const r of rows) firstOf.set(r.period, r.submitted_at); // newest first: the last seen is v1
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    dueDay,
    canSubmit: canSubmitReport(actor, unit),
    /** login name → the person as pages show them (unit and display name) */
    people: await peopleNamed(
      db,
      rows.map((r) => r.submitted_by),
    ),
    reports: rows.map((r) => {
      const due = dueDate(r.period, dueDay);
      const status = reportStatus(firstOf.get(r.period)!, due, now);
      return { ...summary(r, due), status, statusLabel: REPORT_STATUS_LABELS[status] };
    }),
  };
}

/** One submitted version exactly as it was frozen. */
export async function reportSnapshot(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  period: string,
  version: number,
) {
  const unit = await visibleRegion(db, actor, unitCode, true);
  const r = await repo.reportByVersion(db, unit.code, year, period, version);
  if (!r) throw notFound(`${unit.name}${period} 月报第 ${version} 版`);
  return {
    ...summary(r, dueDate(period, await dueDayOfUnit(db, unit))),
    /** recomputed from the stored content now: 'mismatch' is shown as 数据校验失败 */
    integrity: await checkOnRead(db, actor, 'monthly_report', r),
    content: JSON.parse(r.content) as ReportContent,
  };
}
