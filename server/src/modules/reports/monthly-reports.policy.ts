/** Who may read, submit and chase monthly reports, and set a province's due day. */
import type { RegionRow } from '../../db/schema.ts';
import { hasRole, type Actor } from '../../domain/actor.ts';

/** Reading reports and completeness: whoever reads the ledger (not the sign-off departments). */
export const canReadReports = (actor: Actor): boolean =>
  hasRole(actor, 'county', 'city', 'province', 'ministry', 'statistics', 'admin');

/**
 * A unit reports its own month: the province's housing department, a city's, a county's. A
 * prefecture-level unit holding communities directly (省直辖县级市) may have county staff too.
 */
export function canSubmitReport(actor: Actor, unit: RegionRow): boolean {
  if (actor.regionCode !== unit.code) return false;
  switch (unit.level) {
    case 'province':
      return hasRole(actor, 'province');
    case 'prefecture':
      return hasRole(actor, 'city') || (unit.is_ledger_unit === 1 && hasRole(actor, 'county'));
    case 'county':
      return hasRole(actor, 'county');
    case 'country':
      return false;
  }
}

/** The level above chases its late units: the ministry the provinces, a province its cities … */
export function canRemind(actor: Actor, unit: RegionRow): boolean {
  if (actor.regionCode !== unit.code) return false;
  switch (unit.level) {
    case 'country':
      return hasRole(actor, 'ministry');
    case 'province':
      return hasRole(actor, 'province');
    case 'prefecture':
      return hasRole(actor, 'city');
    case 'county':
      return false;
  }
}

/** The province's housing department sets when its units report. */
export const canSetDueDay = (actor: Actor, provinceCode: string): boolean =>
  actor.regionCode === provinceCode && hasRole(actor, 'province');
