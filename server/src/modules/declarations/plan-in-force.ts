/**
 * The plan in force (issue 11 §3): of a unit's plan for a year, the version accepted last at or
 * before a time (default: now, i.e. the latest accepted). While a revision travels up, the
 * accepted version stays in force; once the revision is accepted, it is in force from then on.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { acceptedAt } from './revisions.repository.ts';

/**
 * The submission snapshot in force at `at` (ISO time), with when and by whom it was accepted and
 * the revision it came from (0: the first declaration); undefined if none was accepted by then.
 */
export const planInForce = (db: Kysely<Database>, unitCode: string, year: number, at?: string) =>
  acceptedAt(db, unitCode, year, at);
