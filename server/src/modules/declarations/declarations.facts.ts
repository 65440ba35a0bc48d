/**
 * What the declaration page is made of, read in one place: the unit, its declaration row, its
 * deadline, checks, notes, events, frozen versions, the units below, the revision and, for a
 * province, its approval, candidate, sign-offs and receipts. declarations.presenter.ts turns these
 * facts into the page; nothing here decides what a user sees.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { checksFor } from '../plan/plan-table.service.ts';
import { peopleNamed } from '../users/people.ts';
import { childrenOf } from './declarations.children.ts';
import { reviewerName, unitDeadline } from './declarations.deadlines.ts';
import { provinceView } from './declarations.province.ts';
import * as repo from './declarations.repository.ts';
import { currentContent, readableUnit } from './declarations.units.ts';
import { revisionOf } from './revisions.service.ts';

export type DeclarationFacts = Awaited<ReturnType<typeof readDeclarationFacts>>;

/** Reads the facts of `unitCode`'s declaration of `year`, refusing a unit the actor may not read. */
export async function readDeclarationFacts(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  now: Date,
) {
  const { region, level } = await readableUnit(db, actor, unitCode, year);
  const declaration = await repo.findDeclaration(db, region.code, year);
  const [deadline, reviewer] = await Promise.all([
    unitDeadline(db, region, year),
    reviewerName(db, region),
  ]);
  const [{ checks }, justifications, notes, events, submitted, current, children, revision] =
    await Promise.all([
      checksFor(db, region, year),
      repo.justificationsOf(db, region.code, year),
      repo.activeNotes(db, region.code, year),
      repo.eventsOf(db, region.code, year),
      repo.latestSnapshot(db, region.code, year, 'submission'),
      currentContent(db, region, level, year),
      level === 'county'
        ? Promise.resolve([])
        : childrenOf(db, region, year, deadline.deadline, now),
      revisionOf(db, region.code, year, declaration?.revision ?? 0),
    ]);
  const province =
    level === 'province' ? await provinceView(db, region.code, year, declaration) : null;
  const people = await peopleNamed(db, [
    ...events.map((e) => e.username),
    submitted?.created_by,
    revision.inForce?.acceptedBy,
    revision.revisionInfo?.openedBy,
    ...(province ? peopleOfProvince(province) : []),
  ]);
  return {
    region,
    level,
    year,
    now,
    declaration,
    deadline,
    reviewer,
    checks,
    justifications,
    notes,
    events,
    submitted,
    current,
    children,
    revision,
    province,
    people,
  };
}

/** Everyone a province's view names: approvals, the frozen version, sign-offs, receipts. */
const peopleOfProvince = (p: Awaited<ReturnType<typeof provinceView>>) => [
  ...[p.approval, ...p.approvalHistory].map((a) => a?.username),
  p.candidate?.createdBy,
  ...p.signoffs.map((s) => s.username),
  ...p.receipts.map((r) => r.username),
];
