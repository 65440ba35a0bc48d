import type { Actor } from '../../domain/actor.ts';
import { hasRole } from '../../domain/actor.ts';
import { isWithin } from '../../domain/regions.ts';

/**
 * The security administrator (安全管理员, 三员分立) manages the accounts of their own region's
 * subtree; the system administrator still does too until the lead moves that over (issue 10).
 */
export const canManageUsers = (actor: Actor): boolean => hasRole(actor, 'security_admin', 'admin');

export const canSeeUserAt = (actor: Actor, regionPath: string): boolean =>
  isWithin(regionPath, actor.regionPath);
