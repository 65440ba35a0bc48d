import type { Actor } from '../../domain/actor.ts';
import { hasRole } from '../../domain/actor.ts';
import { isWithin } from '../../domain/regions.ts';
import type { RegionRow } from '../../db/schema.ts';

/** A user sees only their own region's subtree; outside it, regions do not exist for them. */
export const canViewRegion = (actor: Actor, region: Pick<RegionRow, 'path'>): boolean =>
  isWithin(region.path, actor.regionPath);

/** Functional zones (开发区/高新区/新区) are added by an administrator under a prefecture-level unit. */
export const canAddFunctionalZone = (actor: Actor, parent: RegionRow): boolean =>
  hasRole(actor, 'admin') &&
  canViewRegion(actor, parent) &&
  parent.level === 'prefecture' &&
  parent.is_ledger_unit === 0;
