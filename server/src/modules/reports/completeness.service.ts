/**
 * Who has reported (报送情况): for a period, each unit directly below — the ministry's provinces, a
 * province's cities, a city's counties — reported on time, late, not yet, or overdue against its
 * province's due day; the level above may chase the overdue ones with a notice; the province sets
 * the due day.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  DEFAULT_DUE_DAY,
  dueDate,
  reportStatus,
  REPORT_STATUS_LABELS,
  statusCounts,
} from '../../domain/monthly-report.ts';
import { forbidden, notFound } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { notify } from '../declarations/declarations.repository.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { canReadReports, canRemind, canSetDueDay } from './monthly-reports.policy.ts';
import * as repo from './monthly-reports.repository.ts';
import {
  checkPeriod,
  dueDays,
  provinceOf,
  reportsLink,
  visibleRegion,
} from './monthly-reports.service.ts';
import { periodLabel } from '../../../../common/dates.ts';

export async function completeness(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  period: string,
  now = new Date(),
) {
  const unit = await visibleRegion(db, actor, unitCode, false);
  checkPeriod(period, year, now);
  const [all, reports, planned] = await Promise.all([
    repo.childRegions(db, unit.code),
    repo.childReports(db, unit.code, year, period),
    planCommunities(db, unit.path, year).select('c.region_path').distinct().execute(),
  ]);
  const byUnit = new Map(reports.map((r) => [r.unit_code, r]));
  // A unit below with nothing in the year's plan has nothing to report (unless it did anyway).
  const hasPlan = (c: { path: string }) => planned.some((p) => p.region_path.startsWith(c.path));
  const children = all.filter((c) => hasPlan(c) || byUnit.has(c.code));
  const withoutPlan = all
    .filter((c) => !children.includes(c))
    .map((c) => ({ code: c.code, name: c.name }));
  const days = await dueDays(db, [
    ...new Set(children.map((c) => provinceOf(c)).filter((p): p is string => Boolean(p))),
  ]);
  const items = children.map((c) => {
    const r = byUnit.get(c.code);
    const due = dueDate(period, days.get(provinceOf(c) ?? '') ?? DEFAULT_DUE_DAY);
    const status = reportStatus(r?.first_at ?? null, due, now);
    return {
      code: c.code,
      name: c.name,
      status,
      statusLabel: REPORT_STATUS_LABELS[status],
      dueDate: due,
      version: r ? Number(r.version) : 0,
      firstSubmittedAt: r?.first_at ?? null,
      submittedAt: r?.last_at ?? null,
    };
  });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    period,
    canRemind: canRemind(actor, unit),
    counts: statusCounts(items.map((i) => i.status)),
    items,
    withoutPlan,
  };
}

/** 催报: a notice to each unit below that is overdue, at most one a day. */
export async function remindLate(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  period: string,
  now = new Date(),
) {
  const view = await completeness(db, actor, unitCode, year, period, now);
  if (!view.canRemind) throw forbidden(`只能由${view.unit.name}本级部门催报下级单位`);
  const at = now.toISOString();
  const link = reportsLink(year, period);
  const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
  const label = periodLabel(period);
  return db.transaction().execute(async (trx) => {
    const notified: { code: string; name: string }[] = [];
    for (const c of view.items.filter((i) => i.status === 'overdue')) {
      if (await repo.noticeSince(trx, c.code, 'report_late', link, since)) continue;
      await notify(
        trx,
        c.code,
        'report_late',
        `${c.name}${label}月报已逾期（应于 ${c.dueDate} 前上报），请尽快上报`,
        link,
        at,
      );
      notified.push({ code: c.code, name: c.name });
    }
    await auditBy(
      trx,
      actor,
      'monthly_report.remind',
      `${view.unit.code}/${year}/${period}`,
      { notified: notified.map((n) => n.code) },
      now,
    );
    return { notified };
  });
}

/** The province a due day belongs to: one the actor is in, or one within the actor's subtree. */
async function visibleProvince(db: Kysely<Database>, actor: Actor, code: string) {
  if (!canReadReports(actor)) throw forbidden('没有查看月报的权限');
  const region = await findRegion(db, code);
  if (
    !region ||
    region.level !== 'province' ||
    !(region.path.startsWith(actor.regionPath) || actor.regionPath.startsWith(region.path))
  )
    throw notFound(`省级单位 ${code} `);
  return region;
}

export async function getDueDay(db: Kysely<Database>, actor: Actor, provinceCode: string) {
  const p = await visibleProvince(db, actor, provinceCode);
  const row = (await repo.dueDaysOf(db, [p.code]))[0];
  return {
    province: { code: p.code, name: p.name },
    dueDay: row?.due_day ?? DEFAULT_DUE_DAY,
    isDefault: !row,
    updatedBy: row?.username ?? null,
    updatedAt: row?.updated_at ?? null,
    canSet: canSetDueDay(actor, p.code),
  };
}

export async function setDueDay(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  dueDay: number,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const p = await visibleProvince(trx, actor, provinceCode);
    if (!canSetDueDay(actor, p.code)) throw forbidden(`只能由${p.name}住建部门设置月报截止日`);
    const before = (await repo.dueDaysOf(trx, [p.code]))[0]?.due_day ?? DEFAULT_DUE_DAY;
    await repo.saveDueDay(trx, {
      province_code: p.code,
      due_day: dueDay,
      username: actor.username,
      updated_at: now.toISOString(),
    });
    await auditBy(trx, actor, 'monthly_report.due_day', p.code, { from: before, to: dueDay }, now);
    return getDueDay(trx, actor, p.code);
  });
}
