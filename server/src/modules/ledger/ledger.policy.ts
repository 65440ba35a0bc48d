import type { Actor } from '../../domain/actor.ts';
import { hasRole } from '../../domain/actor.ts';
import { isWithin } from '../../domain/regions.ts';

/** Who may see the ledger: every role but the sign-off departments sees its own subtree. */
export const canReadLedger = (actor: Actor): boolean =>
  hasRole(actor, 'county', 'city', 'province', 'ministry', 'statistics', 'admin');

/** Who may write it: the housing bureaus of each level, and administrators. */
export const canEditLedger = (actor: Actor): boolean =>
  hasRole(actor, 'county', 'city', 'province', 'admin');

export const inScope = (actor: Actor, regionPath: string): boolean =>
  isWithin(regionPath, actor.regionPath);
