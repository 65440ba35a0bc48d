/**
 * Which version of a unit's plan is in force (issue 11): the one place that answers it, for the
 * plan table's `version=signed` (the ministry's), the national table and the statistics built on
 * declared plans. Today: the latest submitted version of a declaration the level above has
 * accepted. Plan revisions (计划调整) will replace the body, keeping the signature.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './declarations.repository.ts';

/** The submission snapshot in force for the unit's plan year at `at` (now), or undefined. */
export async function planInForce(
  db: Kysely<Database>,
  unitCode: string,
  year: number,
  _at: Date = new Date(),
) {
  const d = await repo.findDeclaration(db, unitCode, year);
  if (d?.state !== 'accepted') return undefined;
  return repo.latestSnapshot(db, unitCode, year, 'submission');
}
