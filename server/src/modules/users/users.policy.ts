import type { Actor } from '../../domain/actor.ts';
import { hasRole } from '../../domain/actor.ts';
import { isWithin } from '../../domain/regions.ts';

/** Administrators manage the accounts of their own region's subtree. */
export const canManageUsers = (actor: Actor): boolean => hasRole(actor, 'admin');

export const canSeeUserAt = (actor: Actor, regionPath: string): boolean =>
  isWithin(regionPath, actor.regionPath);
