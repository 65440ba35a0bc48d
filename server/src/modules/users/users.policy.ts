import type { Role } from '../../../../common/roles.ts';
import type { Actor } from '../../domain/actor.ts';
import { hasRole } from '../../domain/actor.ts';
import { isWithin } from '../../domain/regions.ts';

/**
 * Only the security administrator (安全管理员) manages accounts, within their region's subtree: under
 * 三员分立 the system administrator runs the system (policies, regions, targets) and the audit
 * administrator reads the audit log, and neither manages the accounts (issue 10).
 */
export const canManageUsers = (actor: Actor): boolean => hasRole(actor, 'security_admin');

export const canSeeUserAt = (actor: Actor, regionPath: string): boolean =>
  isWithin(regionPath, actor.regionPath);

/** 三员分立 (等保三级, docs/security.md): 系统管理员, 安全管理员, 审计管理员. */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['admin', 'security_admin', 'audit_admin'];

/**
 * What a set of roles breaks of 三员分立, or undefined: an administrator role is its account's only
 * role. One account holding two of the three would do the others' work (the account manager
 * reading the audit of its own changes), and one holding an administrator role beside a business
 * role would both run or watch the system and work in it. Business roles combine as the region
 * allows (rolesAllowedAt: a 省直辖县级市's staff may hold city and county).
 */
export function administratorConflict(
  roles: readonly Role[],
): { administrators: Role[]; others: Role[] } | undefined {
  const distinct = [...new Set(roles)];
  // In the order 系统, 安全, 审计, whatever the order asked: the message reads the same.
  const administrators = ADMINISTRATOR_ROLES.filter((r) => distinct.includes(r));
  if (!administrators.length || distinct.length === 1) return undefined;
  return { administrators, others: distinct.filter((r) => !ADMINISTRATOR_ROLES.includes(r)) };
}

/**
 * Nobody changes their own roles, the security administrator included: otherwise it could make
 * itself the auditor or the system administrator. Another security administrator does it.
 */
export const canChangeRolesOf = (actor: Actor, userId: number): boolean => actor.userId !== userId;
