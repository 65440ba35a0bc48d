/**
 * The units below a unit: their states, plan communities and deadlines (each no later than this
 * unit's own, see domain/deadlines.ts).
 */
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import { childCodeOf, stateLabel, type DeclarationState } from '../../domain/declaration.ts';
import { deadlineUnder } from '../../domain/deadlines.ts';
import { presentDeadline } from './declarations.deadlines.ts';
import * as repo from './declarations.repository.ts';

/**
 * The units below a city or province: each with its declaration's state, its plan communities and
 * its deadline: the internal one this unit gave it, capped by this unit's own (`deadline`).
 */
export async function childrenOf(
  db: Kysely<Database>,
  region: RegionRow,
  year: number,
  deadline: string,
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
    return {
      code: c.code,
      name: c.name,
      state,
      stateLabel: stateLabel(state, c.revision ?? 0),
      revision: c.revision ?? 0,
      version: c.version ?? 0,
      submittedAt: c.submitted_at ?? null,
      ...presentDeadline(deadlineUnder(deadline, c.internal_deadline), region.name, now),
      communities: communities.get(c.code) ?? 0,
    };
  });
}
