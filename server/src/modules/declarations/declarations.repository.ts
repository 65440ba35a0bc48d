/** All SQL of the declaration workflow. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, DeclarationTable } from '../../db/schema.ts';
import { locksRows } from '../../db/row-lock.ts';
import { underPath } from '../../db/under-path.ts';
import { regionCounts } from '../../domain/progress-plan.ts';
import { countsHash } from '../integrity/integrity.ts';
import type { SnapshotContent } from './declarations.units.ts';

export const findDeclaration = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('declarations')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .executeTakeFirst();

export async function saveDeclaration(
  db: Kysely<Database>,
  row: Insertable<DeclarationTable>,
): Promise<void> {
  const { unit_code: _u, plan_year: _y, ...rest } = row;
  await db
    .insertInto('declarations')
    .values(row)
    .onConflict((oc) => oc.columns(['unit_code', 'plan_year']).doUpdateSet(rest))
    .execute();
}

/**
 * The unit's declaration row for the year, created as a draft if it has none, and locked until
 * the transaction ends: every transition of one declaration (submit, return, accept, and the
 * province's freeze, sign-off and approval) takes this lock first, so concurrent ones take turns
 * and each sees the state the one before left (issue 10). The draft row stays only if the
 * transaction commits.
 */
export async function lockDeclaration(
  trx: Kysely<Database>,
  row: { unit: string; year: number; level: DeclarationTable['level']; at: string },
) {
  await trx
    .insertInto('declarations')
    .values({
      unit_code: row.unit,
      plan_year: row.year,
      level: row.level,
      state: 'draft',
      version: 0,
      internal_deadline: null,
      submitted_at: null,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.columns(['unit_code', 'plan_year']).doNothing())
    .execute();
  const q = trx
    .selectFrom('declarations')
    .selectAll()
    .where('unit_code', '=', row.unit)
    .where('plan_year', '=', row.year);
  return (locksRows(trx) ? q.forUpdate() : q).executeTakeFirstOrThrow();
}

export const childDeclarations = (db: Kysely<Database>, parent: string, year: number) =>
  db
    .selectFrom('regions as r')
    .leftJoin('declarations as d', (j) =>
      j.onRef('d.unit_code', '=', 'r.code').on('d.plan_year', '=', year),
    )
    .select([
      'r.code',
      'r.name',
      'r.level',
      'd.state',
      'd.version',
      'd.revision',
      'd.submitted_at',
      'd.internal_deadline',
    ])
    .where('r.parent_code', '=', parent)
    .orderBy('r.code')
    .execute();

/**
 * The plan's communities under a unit, counted by region path (a few hundred rows at most), from
 * the maintained figures (figures.repository.ts).
 */
export const planCountsByPath = (db: Kysely<Database>, path: string, year: number) =>
  db
    .selectFrom('plan_figures as f')
    .where((e) => underPath(e, 'f.region_path', path))
    .where('f.plan_year', '=', year)
    .select((e) => ['f.region_path', e.fn.sum<number>('f.communities').as('communities')])
    .groupBy('f.region_path')
    .having((e) => e.fn.sum('f.communities'), '>', 0)
    .execute();

/** Sets or clears the internal deadline the level above gives a unit, creating its row if need be. */
export async function saveInternalDeadline(
  db: Kysely<Database>,
  row: {
    unit: string;
    year: number;
    level: DeclarationTable['level'];
    deadline: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('declarations')
    .values({
      unit_code: row.unit,
      plan_year: row.year,
      level: row.level,
      state: 'draft',
      version: 0,
      internal_deadline: row.deadline,
      submitted_at: null,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['unit_code', 'plan_year'])
        .doUpdateSet({ internal_deadline: row.deadline, updated_at: row.at }),
    )
    .execute();
}

/** The internal deadlines of the given units for a year (a unit without one is left out). */
export const internalDeadlinesOf = (db: Kysely<Database>, codes: string[], year: number) =>
  db
    .selectFrom('declarations')
    .select(['unit_code', 'internal_deadline'])
    .where('unit_code', 'in', codes)
    .where('plan_year', '=', year)
    .where('internal_deadline', 'is not', null)
    .execute();

/**
 * The declaring units at and under a region path, each with its internal deadline for the year: a
 * few thousand rows for the whole country, read when a deadline above them changes.
 */
export const unitsUnder = (db: Kysely<Database>, path: string, year: number) =>
  db
    .selectFrom('regions as r')
    .leftJoin('declarations as d', (j) =>
      j.onRef('d.unit_code', '=', 'r.code').on('d.plan_year', '=', year),
    )
    .select(['r.code', 'r.parent_code', 'r.path', 'd.internal_deadline'])
    .where((e) => underPath(e, 'r.path', path))
    .where('r.level', '!=', 'country')
    .execute();

/**
 * Freezes a snapshot, and beside it its communities and households per county-level code
 * (snapshot_counts), hashed with it: what the progress table and the dashboard read.
 */
export async function insertSnapshot(
  db: Kysely<Database>,
  s: {
    unit: string;
    year: number;
    kind: 'submission' | 'candidate';
    version: number;
    hash: string;
    content: SnapshotContent;
    by: string;
    at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('declaration_snapshots')
    .values({
      unit_code: s.unit,
      plan_year: s.year,
      kind: s.kind,
      version: s.version,
      hash: s.hash,
      content: JSON.stringify(s.content),
      created_by: s.by,
      created_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const counts = JSON.stringify(regionCounts(s.content.communities));
  await db
    .insertInto('snapshot_counts')
    .values({ snapshot_id: id, counts, hash: countsHash(s.hash, counts) })
    .execute();
  return id;
}

/** The latest version of a unit's snapshots of one kind for the year. */
export const latestSnapshot = (
  db: Kysely<Database>,
  unit: string,
  year: number,
  kind: 'submission' | 'candidate',
) => snapshotsQuery(db, unit, year, kind).limit(1).executeTakeFirst();

export const snapshotByVersion = (
  db: Kysely<Database>,
  unit: string,
  year: number,
  version: number,
) =>
  db
    .selectFrom('declaration_snapshots')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .where('kind', '=', 'submission')
    .where('version', '=', version)
    .executeTakeFirst();

/** A unit's snapshots of one kind for the year, the latest version first. */
export const snapshotsOf = (
  db: Kysely<Database>,
  unit: string,
  year: number,
  kind: 'submission' | 'candidate',
) => snapshotsQuery(db, unit, year, kind).execute();

const snapshotsQuery = (
  db: Kysely<Database>,
  unit: string,
  year: number,
  kind: 'submission' | 'candidate',
) =>
  db
    .selectFrom('declaration_snapshots')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .where('kind', '=', kind)
    .orderBy('version', 'desc');

export const findSnapshot = (db: Kysely<Database>, id: number) =>
  db.selectFrom('declaration_snapshots').selectAll().where('id', '=', id).executeTakeFirst();

export async function addEvent(
  db: Kysely<Database>,
  e: {
    unit: string;
    year: number;
    action: string;
    username: string;
    at: string;
    reason?: string | null;
    hash?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('declaration_events')
    .values({
      unit_code: e.unit,
      plan_year: e.year,
      action: e.action,
      username: e.username,
      at: e.at,
      reason: e.reason ?? null,
      hash: e.hash ?? null,
    })
    .execute();
}

export const eventsOf = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('declaration_events')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .orderBy('id', 'desc')
    .execute();

export const activeNotes = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('return_notes as n')
    .leftJoin('communities as c', 'c.id', 'n.community_id')
    .select(['n.community_id', 'n.reason', 'n.at', 'c.name'])
    .where('n.unit_code', '=', unit)
    .where('n.plan_year', '=', year)
    .where('n.active', '=', 1)
    .execute();

export async function addNotes(
  db: Kysely<Database>,
  unit: string,
  year: number,
  notes: { communityId: number; reason: string }[],
  at: string,
): Promise<void> {
  if (notes.length)
    await db
      .insertInto('return_notes')
      .values(
        notes.map((n) => ({
          unit_code: unit,
          plan_year: year,
          community_id: n.communityId,
          reason: n.reason,
          active: 1,
          at,
        })),
      )
      .execute();
}

export async function clearNotes(db: Kysely<Database>, unit: string, year: number): Promise<void> {
  await db
    .updateTable('return_notes')
    .set({ active: 0 })
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .execute();
}

export const justificationsOf = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('check_justifications')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .execute();

export async function saveJustification(
  db: Kysely<Database>,
  j: { unit: string; year: number; checkId: string; text: string; username: string; at: string },
): Promise<void> {
  const values = { text: j.text, username: j.username, at: j.at };
  await db
    .insertInto('check_justifications')
    .values({ unit_code: j.unit, plan_year: j.year, check_id: j.checkId, ...values })
    .onConflict((oc) => oc.columns(['unit_code', 'plan_year', 'check_id']).doUpdateSet(values))
    .execute();
}

export async function notify(
  db: Kysely<Database>,
  regionCode: string,
  kind: string,
  message: string,
  link: string | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({ region_code: regionCode, kind, message, link, at })
    .execute();
}

/** Many notifications at once, in batches a statement can hold on either engine. */
export async function notifyMany(
  db: Kysely<Database>,
  rows: { regionCode: string; kind: string; message: string; link: string | null; at: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('notifications')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          region_code: r.regionCode,
          kind: r.kind,
          message: r.message,
          link: r.link,
          at: r.at,
        })),
      )
      .execute();
}

export const notificationsOf = (db: Kysely<Database>, regionCode: string) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
