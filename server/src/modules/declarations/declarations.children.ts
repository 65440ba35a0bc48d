/**
 * Where a unit stands against the levels around it: the units below with their states, plan
 * communities and deadlines, and the unit's own deadline and its reviewer's (internal deadlines
 * are no later than the level above's).
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import {
  childCodeOf,
  daysLeft,
  effectiveDeadline,
  STATE_LABELS,
  type DeclarationState,
  type UnitLevel,
} from '../../domain/declaration.ts';
import { policyFor } from '../plan/policies.repository.ts';
import * as repo from './declarations.repository.ts';

/**
 * The units below a city or province: each with its declaration's state, its plan communities and
 * its deadline (the internal one its reviewer gave it, else the plan year's).
 */
export async function childrenOf(
  db: Kysely<Database>,
  region: RegionRow,
  year: number,
  policyDeadline: string,
  now: Date,
) {
  const [rows, counts] = await Promise.all([
    repo.childDeclarations(db, region.code, year),
    repo.planCountsByPath(db, region.path, year),
  ]);
  const communities = new Map<string, number>();
  for (const c of counts) {
    const code = childCodeOf(c.region_path, region.path);
    if (code) communities.set(code, (communities.get(code) ?? 0) + Number(c.communities));
  }
  return rows.map((c) => {
    const state = (c.state ?? 'draft') as DeclarationState;
    const deadline = effectiveDeadline(c.internal_deadline, policyDeadline);
    return {
      code: c.code,
      name: c.name,
      state,
      stateLabel: STATE_LABELS[state],
      version: c.version ?? 0,
      submittedAt: c.submitted_at ?? null,
      internalDeadline: c.internal_deadline ?? null,
      deadline,
      daysLeft: daysLeft(deadline, now),
      communities: communities.get(c.code) ?? 0,
    };
  });
}

/** A unit's own deadline, and that of the level above it (null above a province: the policy's). */
export async function deadlinesOf(
  db: Kysely<Database>,
  region: RegionRow,
  level: UnitLevel,
  year: number,
) {
  const policy = await policyFor(db, year);
  const [own, parent] = await Promise.all([
    repo.findDeclaration(db, region.code, year),
    level === 'province' ? undefined : repo.findDeclaration(db, region.parent_code!, year),
  ]);
  return {
    policy: policy.deadline,
    internal: own?.internal_deadline ?? null,
    deadline: effectiveDeadline(own?.internal_deadline, policy.deadline),
    /** the latest internal deadline this unit may be given: its reviewer's own deadline */
    parent:
      level === 'province' ? null : effectiveDeadline(parent?.internal_deadline, policy.deadline),
  };
}
