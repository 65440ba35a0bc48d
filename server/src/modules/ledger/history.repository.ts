/** The change history of ledger records: who, when, which fields, old and new values. */
import type { Kysely } from 'kysely';
import type { FieldChange } from '../../../../common/api/ledger.ts';
import type { ChangeAction } from '../../../../common/ledger.ts';
import type { Database } from '../../db/schema.ts';
import { personLabel } from '../users/people.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

export type { FieldChange };

export interface ChangeEntry {
  entity: 'community' | 'project';
  entityId: number;
  userId: number | null;
  username: string | null;
  action: ChangeAction;
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
    .selectFrom('change_log as l')
    .leftJoin('users as u', 'u.username', 'l.username')
    .leftJoin('regions as rg', 'rg.code', 'u.region_code')
    .selectAll('l')
    .select(['u.display_name', 'rg.name as region_name', 'rg.level as region_level'])
    .where('l.entity', '=', entity)
    .where('l.entity_id', '=', id)
    .where('l.version', '>', sinceVersion)
    .orderBy('l.id', 'desc')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    username: r.username,
    /** who, as pages show them: unit and display name (系统 for the system's own imports) */
    person:
      r.display_name !== null && r.region_name !== null && r.region_level !== null
        ? personLabel({
            display_name: r.display_name,
            region_name: r.region_name,
            region_level: r.region_level,
          })
        : r.username === SYSTEM_ACTOR.username || r.username === null
          ? '系统'
          : r.username,
    action: r.action,
    version: r.version,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}
