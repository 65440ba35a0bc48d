/**
 * The declaring units' deadlines: a unit's own, the earliest along its chain (domain/deadlines.ts);
 * the internal deadline the level above gives it; and a notice to every unit below whose deadline a
 * change above moves, so that no county is left with a date its city can no longer meet.
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { daysLeft, effectiveDeadline } from '../../domain/declaration.ts';
import {
  cappedNote,
  changedDeadlines,
  deadlineAlongChain,
  pathCodes,
  subtreeDeadlines,
  type ChainUnit,
  type UnitDeadline,
} from '../../domain/deadlines.ts';
import { COUNTRY_CODE } from '../../domain/regions-build.ts';
import { forbidden, validation } from '../../errors.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { policyFor } from '../plan/policies.repository.ts';
import { findRegion } from '../regions/regions.repository.ts';
import * as repo from './declarations.repository.ts';
import { sideOf, visibleUnit } from './declarations.units.ts';
import { isIsoDate } from '../../domain/dates.ts';

/** A unit's deadline along its chain, with the plan year's. */
export async function unitDeadline(
  db: Kysely<Database>,
  region: RegionRow,
  year: number,
): Promise<UnitDeadline & { policy: string }> {
  const codes = pathCodes(region.path);
  const [policy, rows] = await Promise.all([
    policyFor(db, year),
    repo.internalDeadlinesOf(db, codes, year),
  ]);
  const internal = new Map(rows.map((r) => [r.unit_code, r.internal_deadline]));
  return {
    policy: policy.deadline,
    ...deadlineAlongChain(
      policy.deadline,
      codes.map((c) => internal.get(c)),
    ),
  };
}

/** Whose deadline caps a unit's: its reviewer's, or the plan year's above a province. */
export async function reviewerName(db: Kysely<Database>, region: RegionRow): Promise<string> {
  if (region.level === 'province' || !region.parent_code) return '年度政策';
  return (await findRegion(db, region.parent_code))?.name ?? '上级单位';
}

/** A unit's deadline as the API shows it: the date, the countdown, and whether a level above caps it. */
export const presentDeadline = (d: UnitDeadline, reviewer: string, now: Date) => ({
  deadline: d.deadline,
  daysLeft: daysLeft(d.deadline, now),
  internalDeadline: d.internal,
  deadlineCapped: d.capped,
  /** 受上级截止日期限制：… when the unit's own internal deadline is later than its reviewer's */
  deadlineNote: cappedNote(d, reviewer),
});

const toChain = (rows: Awaited<ReturnType<typeof repo.unitsUnder>>): ChainUnit[] =>
  rows.map((r) => ({
    code: r.code,
    parentCode: r.parent_code,
    path: r.path,
    internal: r.internal_deadline ?? null,
  }));

/**
 * Tells each unit whose deadline moved its new date, in the caller's transaction, like the notice
 * of an internal deadline: '<cause>：2022年度计划须于…前上报（原为 …）'.
 */
async function noticeMoves(
  db: Kysely<Database>,
  moves: { code: string; before: string; after: string }[],
  year: number,
  cause: string,
  at: string,
) {
  await repo.notifyMany(
    db,
    moves.map((m) => ({
      regionCode: m.code,
      kind: 'deadline',
      message: `${cause}：${year}年度计划须于${m.after}前上报（原为 ${m.before}）`,
      link: `/declarations/${m.code}/${year}`,
      at,
    })),
  );
}

/** After the plan year's deadline changed: every unit whose deadline moved with it is told. */
export async function noticePolicyDeadline(
  db: Kysely<Database>,
  year: number,
  before: string,
  after: string,
  at: string,
) {
  if (before === after) return;
  const units = toChain(await repo.unitsUnder(db, `/${COUNTRY_CODE}/`, year));
  const moves = changedDeadlines(subtreeDeadlines(before, units), subtreeDeadlines(after, units));
  await noticeMoves(db, moves, year, '年度报送截止日期已调整', at);
}

/**
 * The level above gives a unit an earlier internal deadline (建办城〔2021〕28号: 各地可提前安排):
 * a city its counties, a province its cities. It is no later than the reviewer's own deadline;
 * null clears it, and the unit's deadline is its reviewer's again. A province's deadline is the
 * plan year's, set in the policy. The units below whose deadline moves with it are told.
 */
export async function setInternalDeadline(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  deadline: string | null,
  now = new Date(),
) {
  if (deadline !== null && !isIsoDate(deadline))
    throw validation('截止日期格式应为 YYYY-MM-DD', [
      { path: 'deadline', message: '日期格式不正确' },
    ]);
  await db.transaction().execute(async (trx) => {
    const { region, level } = await visibleUnit(trx, actor, unitCode);
    if (sideOf(actor, region, level) !== 'above')
      throw forbidden('只有上级单位可以设置内部截止日期');
    if (level === 'province')
      throw validation('省级单位的截止日期为年度政策规定的报送截止日期，不设内部截止日期', [
        { path: 'deadline', message: '请在年度政策中修改报送截止日期' },
      ]);
    const current = await unitDeadline(trx, region, year);
    const reviewer = await reviewerName(trx, region);
    if (deadline !== null && deadline > current.parent)
      throw validation(`内部截止日期 ${deadline} 晚于${reviewer}自身的截止日期 ${current.parent}`, [
        { path: 'deadline', message: `不能晚于 ${current.parent}` },
      ]);
    if (deadline === current.internal) return;
    const at = now.toISOString();
    const below = toChain(await repo.unitsUnder(trx, region.path, year));
    const changed = below.map((u) => (u.code === region.code ? { ...u, internal: deadline } : u));
    const moves = changedDeadlines(
      subtreeDeadlines(current.parent, below),
      subtreeDeadlines(current.parent, changed),
    ).filter((m) => m.code !== region.code);
    await repo.saveInternalDeadline(trx, { unit: region.code, year, level, deadline, at });
    const effective = effectiveDeadline(deadline, current.parent);
    const change = deadline
      ? `内部截止日期设为 ${deadline}`
      : current.parent === current.policy
        ? `取消内部截止日期，按年度截止日期 ${current.policy}`
        : `取消内部截止日期，按${reviewer}的截止日期 ${current.parent}`;
    await repo.addEvent(trx, {
      unit: region.code,
      year,
      action: 'deadline',
      username: actor.username,
      at,
      reason: current.internal ? `${change}（原为 ${current.internal}）` : change,
    });
    await repo.notify(
      trx,
      region.code,
      'deadline',
      `${reviewer}：${year}年度计划须于${effective}前上报`,
      `/declarations/${region.code}/${year}`,
      at,
    );
    await noticeMoves(trx, moves, year, `${region.name}的截止日期已调整`, at);
    await auditBy(
      trx,
      actor,
      'declaration.deadline',
      `${region.code}/${year}`,
      { deadline, previous: current.internal, effective, below: moves.map((m) => m.code) },
      now,
    );
  });
}
