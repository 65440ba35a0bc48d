/**
 * Who sees and who sets the five-year figures (issue 5): everyone who reads the ledger sees the view
 * of their subtree; the national targets are the country administrator's, a province's its housing
 * department's, a city's its own; green-community figures are entered by the city or its province.
 * Administrators may correct any figure inside their subtree. Scope (404) is checked before these.
 */
import type { RegionRow } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';
import { isWithin } from '../../domain/regions.ts';

export const canReadFiveYear = (actor: Actor): boolean =>
  hasRole(actor, 'county', 'city', 'province', 'ministry', 'statistics', 'admin');

/** Roles that set some figure of the view; anyone else is refused before scope is looked at. */
export const mayEditFiveYear = (actor: Actor): boolean =>
  hasRole(actor, 'city', 'province', 'admin');

/** The levels that set targets: the country, provinces and prefecture-level units. */
export const hasTargets = (region: Pick<RegionRow, 'level'>): boolean => region.level !== 'county';

export function canEditTargetsOf(actor: Actor, region: Pick<RegionRow, 'code' | 'level' | 'path'>) {
  if (!isWithin(region.path, actor.regionPath)) return false;
  if (hasRole(actor, 'admin')) return hasTargets(region);
  switch (region.level) {
    case 'country':
      return false;
    case 'province':
      return hasRole(actor, 'province') && actor.regionCode === region.code;
    case 'prefecture':
      return hasRole(actor, 'city') && actor.regionCode === region.code;
    case 'county':
      return false;
  }
}

/** Green-community figures belong to prefecture-level units: the city's own, or any in a province. */
export function canEditGreenOf(actor: Actor, region: Pick<RegionRow, 'code' | 'level' | 'path'>) {
  if (region.level !== 'prefecture' || !isWithin(region.path, actor.regionPath)) return false;
  if (hasRole(actor, 'admin')) return true;
  if (hasRole(actor, 'province') && actor.regionLevel === 'province') return true;
  return hasRole(actor, 'city') && actor.regionCode === region.code;
}
