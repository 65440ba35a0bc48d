/**
 * A community's position (经纬度) on the map (issue 13): the columns lng and lat have been there
 * since 0002; from here the database holds them to what the service checks
 * (common/coordinates.ts): both or neither, decimal degrees inside China's extent
 * (东经 73–136, 北纬 3–54). PostgreSQL: a CHECK constraint, NOT VALID so that a position stored
 * before is kept (the service asks for it to be corrected at the next edit); SQLite, which cannot
 * add a constraint to a table: triggers on insert and on a change of either column.
 * Frozen: imports no app code.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const inside = (row: string, real: string) =>
  `(${row}.lng is null and ${row}.lat is null) or (${row}.lng is not null and ${row}.lat is not null` +
  ` and cast(${row}.lng as ${real}) between 73 and 136 and cast(${row}.lat as ${real}) between 3 and 54)`;

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (dialect === 'postgres') {
      await sql
        .raw(
          `alter table communities add constraint communities_position check (${inside('communities', 'double precision')}) not valid`,
        )
        .execute(db);
      return;
    }
    for (const [name, event] of [
      ['communities_position_insert', 'insert'],
      ['communities_position_update', 'update of lng, lat'],
    ] as const)
      await sql
        .raw(
          `create trigger ${name} before ${event} on communities when not (${inside('new', 'real')}) ` +
            `begin select raise(abort, 'communities_position: 经纬度须同时填写且在我国范围内'); end`,
        )
        .execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table communities drop constraint communities_position`.execute(db);
    return;
  }
  await sql`drop trigger communities_position_insert`.execute(db);
  await sql`drop trigger communities_position_update`.execute(db);
}
