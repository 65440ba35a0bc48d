/**
 * Who may do what with fiscal-capacity assessments (建办城〔2021〕28号 三(二)): a city or county
 * records its own ("市、县…应充分评估本地财政承受能力"); the province reviews those of the units
 * below it ("省级人民政府…应对市、县财政承受能力评估结果严格把关") and never its own. Reading
 * follows the region tree: a user sees the assessments of their subtree.
 */
import { hasRole, readsPlanData, receivesOnly, type Actor } from '../../domain/actor.ts';
import { isWithin, type RegionLevel } from '../../domain/regions.ts';

interface Unit {
  code: string;
  path: string;
  level: RegionLevel;
}

/**
 * 国家发展改革委 and 财政部 receive the provinces' plans, not the assessments behind them; the
 * security and audit administrators see no plan data at all (三员分立).
 */
export const readsAssessments = (actor: Actor): boolean =>
  readsPlanData(actor) && !receivesOnly(actor);

export const canSeeAssessment = (actor: Actor, unit: Unit): boolean =>
  readsAssessments(actor) && isWithin(unit.path, actor.regionPath);

/** A unit that may hold an assessment: a prefecture- or county-level unit. */
export const isAssessingUnit = (unit: Unit): boolean =>
  unit.level === 'prefecture' || unit.level === 'county';

export const canRecordAssessment = (actor: Actor, unit: Unit): boolean =>
  isAssessingUnit(unit) && actor.regionCode === unit.code && hasRole(actor, 'city', 'county');

export const canReviewAssessment = (actor: Actor, unit: Unit): boolean =>
  isAssessingUnit(unit) &&
  actor.regionLevel === 'province' &&
  actor.regionCode !== unit.code &&
  isWithin(unit.path, actor.regionPath) &&
  hasRole(actor, 'province', 'province_finance');
