/**
 * The consent threshold a start must reach (建办城〔2021〕28号 二(一): 未经居民充分协商取得共识的，
 * 不得开工改造; how consensus is counted is the locality's to set, issue 9 §2): the plan year's
 * national figure (two thirds by default, plan_policies) unless the community's province set its
 * own for that year or an earlier one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { thresholdLabel } from '../../domain/consent.ts';
import { isWithin } from '../../domain/regions.ts';
import { forbidden, notFound, validation } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import * as repo from './consent-thresholds.repository.ts';
import { policyFor } from './policies.repository.ts';
import { resolveScope } from '../regions/scope.ts';

/** The province of a region path: '/000000/460000/460100/…' → '460000'. */
export const provinceOfPath = (path: string): string => path.split('/')[2] ?? '';

export interface ConsentThreshold {
  /** share of households, 0.6667 = two thirds */
  threshold: number;
  /** 'province': the province's own figure; 'national': the plan year's */
  source: 'province' | 'national';
}

/** The threshold for a community of a province in a plan year. */
export async function consentThresholdFor(
  db: Kysely<Database>,
  planYear: number,
  provinceCode: string,
): Promise<ConsentThreshold> {
  const own = await repo.provinceThresholdBp(db, provinceCode, planYear);
  if (own) return { threshold: own.bp / 10_000, source: 'province' };
  return { threshold: (await policyFor(db, planYear)).consentThreshold, source: 'national' };
}

/** A memo of consentThresholdFor for one import: one lookup per plan year and province. */
export function thresholdCache(db: Kysely<Database>) {
  const memo = new Map<string, Promise<ConsentThreshold>>();
  return (planYear: number, provinceCode: string): Promise<ConsentThreshold> => {
    const key = `${planYear}|${provinceCode}`;
    let hit = memo.get(key);
    if (!hit) memo.set(key, (hit = consentThresholdFor(db, planYear, provinceCode)));
    return hit;
  };
}

/** A national administrator for any province; a province's own staff or administrator for theirs. */
const canSetFor = (actor: Actor, provincePath: string) =>
  (hasRole(actor, 'admin') && isWithin(provincePath, actor.regionPath)) ||
  (hasRole(actor, 'province') &&
    actor.regionLevel === 'province' &&
    actor.regionPath === provincePath);

async function provinceRegion(db: Kysely<Database>, actor: Actor, code: string) {
  // Staff inside the province see it (and are refused); a province outside their own does not exist for them.
  const region = await resolveScope(db, actor, code, {
    levels: ['province'],
    what: '省份',
    ancestors: true,
  });
  if (!canSetFor(actor, region.path))
    throw forbidden('只有本省或全国系统管理员可以设置本省的居民同意比例');
  return region;
}

/** The national figure of the year and every province's own figure in force, as the policy page shows them. */
export async function listThresholds(db: Kysely<Database>, actor: Actor, planYear: number) {
  const national = (await policyFor(db, planYear)).consentThreshold;
  const rows = await repo.provinceThresholdsFor(db, planYear);
  return {
    planYear,
    national,
    nationalLabel: thresholdLabel(Math.round(national * 10_000)),
    items: rows
      .filter((r) => isWithin(`/000000/${r.province_code}/`, actor.regionPath))
      .map((r) => ({
        provinceCode: r.province_code,
        provinceName: r.name,
        threshold: r.consent_threshold_bp / 10_000,
        label: thresholdLabel(r.consent_threshold_bp),
        fromYear: r.plan_year,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
      })),
  };
}

export async function setProvinceThreshold(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  planYear: number,
  percent: number,
  now = new Date(),
): Promise<void> {
  const bp = Math.round(percent * 100);
  if (!(bp >= 1 && bp <= 10_000))
    throw validation('居民同意比例应大于 0 且不超过 100%', [
      { path: 'percent', message: '应在 0.01 到 100 之间' },
    ]);
  await db.transaction().execute(async (trx) => {
    const region = await provinceRegion(trx, actor, provinceCode);
    await repo.upsertProvinceThreshold(trx, {
      province_code: region.code,
      plan_year: planYear,
      consent_threshold_bp: bp,
      updated_at: now.toISOString(),
      updated_by: actor.username,
    });
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'consent-threshold.set',
        target: `${region.code}/${planYear}`,
        detail: { percent },
      },
      now,
    );
  });
}

/** The province's own figure of that year removed: the earlier own figure or the national one applies again. */
export async function clearProvinceThreshold(
  db: Kysely<Database>,
  actor: Actor,
  provinceCode: string,
  planYear: number,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const region = await provinceRegion(trx, actor, provinceCode);
    if (!(await repo.deleteProvinceThreshold(trx, region.code, planYear)))
      throw notFound(`${region.name}${planYear}年度的居民同意比例`);
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'consent-threshold.clear',
        target: `${region.code}/${planYear}`,
      },
      now,
    );
  });
}
