/**
 * Setting the five-year figures: start targets per year, the five-year completion target, and a
 * city's green-community figures. Each write is one transaction with its audit entry, and changes
 * a row only from the version its editor saw (409 otherwise).
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import {
  completionTargetProblems,
  FIVE_YEAR,
  greenProblems,
  startTargetProblems,
  yearProblems,
  type Problem,
} from '../../domain/five-year.ts';
import { conflict, forbidden, validation } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import type { AuditAction } from '../../../../common/audit-actions.ts';
import * as repo from './five-year.repository.ts';
import {
  canEditGreenOf,
  canEditTargetsOf,
  hasTargets,
  mayEditFiveYear,
} from './five-year.policy.ts';
import { regionInScope } from './five-year.service.ts';
import type {
  CompletionTargetInput,
  GreenInput,
  StartTargetInput,
} from '../../../../common/api/five-year.ts';

const fail = (problems: Problem[]) => {
  if (problems.length) throw validation(problems.map((p) => p.message).join('；'), problems);
};

const nameOf = (r: RegionRow) => (r.level === 'country' ? '全国' : r.name);

/** The region whose targets are set, after scope (404), level (400) and ownership (403). */
async function targetRegion(db: Kysely<Database>, actor: Actor, code: string) {
  if (!mayEditFiveYear(actor)) throw forbidden('没有设置十四五目标的权限');
  const region = await regionInScope(db, actor, code);
  if (!hasTargets(region))
    throw validation('十四五目标由全国、省级和地级单位设置，区县级单位不单独设置', [
      { path: 'code', message: '区县级单位不设目标' },
    ]);
  if (!canEditTargetsOf(actor, region))
    throw forbidden(
      region.level === 'country'
        ? '全国目标只能由全国系统管理员设置'
        : region.level === 'province'
          ? `${region.name}的目标由本省（区、市）住房和城乡建设部门设置`
          : `${region.name}的目标由本市住房和城乡建设部门设置`,
    );
  return region;
}

const audit = (
  db: Kysely<Database>,
  actor: Actor,
  action: AuditAction,
  target: string,
  detail: object,
  now: Date,
) =>
  insertAudit(
    db,
    {
      actorUserId: actor.userId || null,
      actorUsername: actor.username,
      action,
      target,
      detail: { ...detail },
    },
    now,
  );

const stale = (what: string, current: { version: number } | undefined) =>
  conflict('STALE_VERSION', `${what}已被他人修改，请刷新后重试`, {
    extra: { currentVersion: current?.version ?? 0 },
  });

export async function saveStartTarget(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  year: number,
  input: StartTargetInput,
  now = new Date(),
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const region = await targetRegion(trx, actor, code);
    const households = input.households ?? null;
    fail([
      ...yearProblems(year),
      ...startTargetProblems({ communities: input.communities, households }),
    ]);
    const current = await repo.findStartTarget(trx, region.code, year);
    const version = await repo.saveVersioned(trx, 'start_targets', current, input.version, {
      region_code: region.code,
      year,
      communities: input.communities,
      households,
      source: (input.source ?? '').trim(),
      updated_at: now.toISOString(),
      updated_by: actor.username,
    });
    if (version === undefined) throw stale(`${nameOf(region)}${year}年的目标`, current);
    await audit(trx, actor, 'five_year.start_target', `${region.code}/${year}`, input, now);
    return { version };
  });
}

export async function saveCompletionTarget(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  input: CompletionTargetInput,
  now = new Date(),
): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const region = await targetRegion(trx, actor, code);
    fail(completionTargetProblems(input));
    const current = await repo.findCompletionTarget(trx, region.code, FIVE_YEAR.last);
    const version = await repo.saveVersioned(trx, 'completion_targets', current, input.version, {
      region_code: region.code,
      last_year: FIVE_YEAR.last,
      communities: input.communities,
      source: (input.source ?? '').trim(),
      updated_at: now.toISOString(),
      updated_by: actor.username,
    });
    if (version === undefined) throw stale(`${nameOf(region)}的十四五完成目标`, current);
    await audit(trx, actor, 'five_year.completion_target', region.code, input, now);
    return { version };
  });
}

export async function saveGreenCommunities(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  year: number,
  input: GreenInput,
  now = new Date(),
): Promise<{ version: number }> {
  if (!mayEditFiveYear(actor)) throw forbidden('没有填报绿色社区创建情况的权限');
  return db.transaction().execute(async (trx) => {
    const region = await regionInScope(trx, actor, code);
    if (region.level !== 'prefecture')
      throw validation('绿色社区创建情况按地级单位（市、州、盟）填报', [
        { path: 'code', message: '应为地级单位' },
      ]);
    if (!canEditGreenOf(actor, region))
      throw forbidden(`${region.name}的绿色社区创建情况由本市或本省住房和城乡建设部门填报`);
    fail([...yearProblems(year), ...greenProblems(input)]);
    const current = await repo.findGreen(trx, region.code, year);
    const version = await repo.saveVersioned(trx, 'green_communities', current, input.version, {
      region_code: region.code,
      year,
      urban_communities: input.urbanCommunities,
      participating: input.participating,
      meeting: input.meeting,
      source: (input.source ?? '').trim(),
      updated_at: now.toISOString(),
      updated_by: actor.username,
    });
    if (version === undefined) throw stale(`${region.name}${year}年的绿色社区创建情况`, current);
    await audit(trx, actor, 'five_year.green', `${region.code}/${year}`, input, now);
    return { version };
  });
}
