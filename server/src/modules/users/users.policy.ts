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
