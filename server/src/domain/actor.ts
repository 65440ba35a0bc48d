/** Who is acting: the user, their roles and the root of the subtree they may see. */
import type { Role } from '../../../common/roles.ts';
import type { RegionLevel } from './regions.ts';

export interface Actor {
  userId: number;
  username: string;
  roles: readonly Role[];
  regionCode: string;
  regionPath: string;
  regionLevel: RegionLevel;
}

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  roles.some((r) => actor.roles.includes(r));

/**
 * 国家发展改革委 and 财政部 receive the provinces' submitted plans (建办城〔2021〕28号 三(四)) and see
 * nothing else: true for a user who holds no other role (issue 11 §2). The routes that follow only
 * the region tree ask this too.
 */
export const receivesOnly = (actor: Actor): boolean =>
  actor.roles.length > 0 && actor.roles.every((r) => r === 'ndrc_national' || r === 'mof');

/**
 * 三员分立 (等保三级, docs/security.md): the security administrator manages accounts and the audit
 * administrator reads the audit log; neither sees the plans, declarations, assessments, ledger or
 * reports. True for a user who holds some role besides those two: the routes of plan data ask this
 * before anything else, and refuse (403) whoever holds neither.
 */
export const readsPlanData = (actor: Actor): boolean =>
  actor.roles.some((r) => r !== 'security_admin' && r !== 'audit_admin');

/**
 * The roles a user may hold at a region (DESIGN.md, "Regions and people"): county staff at a unit
 * that holds communities, city staff at a prefecture-level unit, the province roles at a province,
 * the three national recipients of provinces' plans (住房和城乡建设部, 国家发展改革委, 财政部) at the
 * country; statistics and administrators at any level.
 */
export function rolesAllowedAt(level: RegionLevel, isLedgerUnit: boolean): Role[] {
  const anywhere: Role[] = ['statistics', 'admin'];
  switch (level) {
    case 'country':
      // 三员分立: the security and audit administrators work for the whole system.
      return ['ministry', 'ndrc_national', 'mof', 'security_admin', 'audit_admin', ...anywhere];
    case 'province':
      return ['province', 'province_ndrc', 'province_finance', ...anywhere];
    case 'prefecture':
      return isLedgerUnit ? ['city', 'county', ...anywhere] : ['city', ...anywhere];
    case 'county':
      return ['county', ...anywhere];
  }
}
