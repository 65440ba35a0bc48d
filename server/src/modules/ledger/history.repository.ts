/** The change history of ledger records: who, when, which fields, old and new values. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface ChangeEntry {
  entity: 'community' | 'project';
  entityId: number;
  userId: number | null;
  username: string | null;
  action: 'create' | 'import' | 'update' | 'merge';
  /** the record's version after the change */
  version: number;
  changes: FieldChange[];
}

export async function insertChanges(
  db: Kysely<Database>,
  entries: ChangeEntry[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  for (let i = 0; i < entries.length; i += 500)
    await db
      .insertInto('change_log')
      .values(
        entries.slice(i, i + 500).map((e) => ({
          entity: e.entity,
          entity_id: e.entityId,
          at,
          user_id: e.userId,
          username: e.username,
          action: e.action,
          version: e.version,
          changes: JSON.stringify(e.changes),
        })),
      )
      .execute();
}

/** Newest first; `sinceVersion` keeps only changes that produced a later version (what changed meanwhile). */
export async function historyOf(
  db: Kysely<Database>,
  entity: 'community' | 'project',
  id: number,
  sinceVersion = 0,
) {
  const rows = await db
    .selectFrom('change_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', id)
    .where('version', '>', sinceVersion)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    username: r.username,
    action: r.action,
    version: r.version,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}
