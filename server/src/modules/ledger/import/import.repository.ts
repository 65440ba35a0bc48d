/**
 * The import's writes, in bulk. Each checked row becomes a community, the project an import
 * creates for it (ADR 0003), the link between the two and an 'import' entry in the community's
 * history: four inserts a row, most of an import's time (docs/benchmarks.md). So they are written
 * the way each engine takes many rows fastest:
 *
 * - SQLite, in process: better-sqlite3 statements prepared once per import and run row by row.
 *   Kysely's driver prepares every statement anew, and building and compiling multi-row inserts
 *   cost more than SQLite's own work.
 * - PostgreSQL: one statement per batch, each column an array unnested by the server, so a
 *   statement has a few dozen parameters however long the batch, where a multi-row VALUES has one
 *   per cell for the server to parse and plan.
 *
 * A row whose (unit, key) a stored community already has is not written: it comes back as that
 * community, for the caller's error (the ledger's unique key, docs/templates/project-list.md).
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { sqliteHandle } from '../../../db/create-db.ts';
import type { CommunityTable, Database } from '../../../db/schema.ts';

/** A communities row as the import writes it (community-row.ts's draftToRow). */
export type ImportedCommunity = Omit<CommunityTable, 'id'>;

export interface StoredCommunity {
  id: number;
  name: string;
  plan_year: number;
}

/** What became of a row: written (the new community's id), or left out for a stored twin. */
export type Written = { id: number } | { stored: StoredCommunity };

export interface ImportAuthor {
  at: string;
  userId: number | null;
  username: string | null;
}

/** A batch's rows, and on PostgreSQL each of their columns as the array literal it is sent as. */
export interface PreparedRows {
  rows: ImportedCommunity[];
  columns?: string[];
}

export interface ImportWriter {
  /**
   * The rows as the engine takes them, made ready while the previous batch is being written (on
   * PostgreSQL the server would otherwise wait for each batch to be encoded).
   */
  prepare(rows: ImportedCommunity[]): PreparedRows;
  /** Writes the rows; runs inside the import's transaction (`trx`). */
  write(trx: Kysely<Database>, rows: PreparedRows): Promise<Written[]>;
  /** The stored twin of each row, if any, writing nothing (once the import has failed anyway). */
  storedTwins(
    trx: Kysely<Database>,
    rows: ImportedCommunity[],
  ): Promise<(StoredCommunity | undefined)[]>;
}

/** Every column of communities but id, with its PostgreSQL array type for unnest. */
const COMMUNITY_COLUMNS: Record<keyof ImportedCommunity, 'text' | 'int4' | 'int8'> = {
  region_code: 'text',
  prefecture_code: 'text',
  region_path: 'text',
  street: 'text',
  name: 'text',
  name_key: 'text',
  address: 'text',
  lng: 'text',
  lat: 'text',
  address_key: 'text',
  cell_key: 'text',
  build_year: 'int4',
  area_class: 'text',
  area_class_entered: 'int4',
  buildings: 'int4',
  households: 'int4',
  floor_area_centi: 'int8',
  investment_yuan: 'int8',
  plan_year: 'int4',
  content: 'text',
  housing_type: 'text',
  ownership: 'text',
  exclusion: 'text',
  subsidy_years: 'text',
  notes: 'text',
  version: 'int4',
  created_at: 'text',
  updated_at: 'text',
};
const COLUMNS = Object.keys(COMMUNITY_COLUMNS) as (keyof ImportedCommunity)[];

/**
 * The code of community c's project, as projectCode (import.service.ts) makes it for a single new
 * community: XM, plan year, unit, the community's id padded to 7 digits (never cut).
 */
const PROJECT_CODE = {
  sqlite: `'XM' || c.plan_year || c.region_code || printf('%07d', c.id)`,
  postgres: `'XM' || c.plan_year || c.region_code || lpad(c.id::text, greatest(7, length(c.id::text)), '0')`,
};

/** The writer for `db`'s engine. */
export function importWriter(db: Kysely<Database>, author: ImportAuthor): ImportWriter {
  const handle = sqliteHandle(db);
  return handle ? sqliteWriter(handle, author) : postgresWriter(author);
}

/**
 * Communities an SQLite insert statement takes at once: 50 rows of 28 columns are 1,400
 * parameters (SQLite allows 32,766). One statement for many rows spares each row a call into
 * the engine and a run of the statement's program: inserted one at a time, 220,000 communities
 * took 5.1 s of a 12.1 s csv import (23 µs a row, timed per statement).
 */
const SQLITE_ROWS_PER_INSERT = 50;

type Inserted = { id: number; region_code: string; name_key: string };

/**
 * SQLite: the communities from JavaScript, many rows a statement; then their projects, links and
 * history entries each in one statement inside the engine, from the batch's communities. Those
 * are the ids from the batch's first to its last: AUTOINCREMENT gives every new row an id above
 * any ever used, in the order of the rows, and no one else can write while the import's
 * transaction is open (SQLite has one writer).
 */
function sqliteWriter(h: SQLite.Database, author: ImportAuthor): ImportWriter {
  // Two statements: SQLITE_ROWS_PER_INSERT rows, and one row for a batch's last few (not one
  // prepared program kept for every size a batch's end may have).
  const inserts = new Map<number, SQLite.Statement>();
  const insertOf = (n: number) => {
    let st = inserts.get(n);
    if (!st) {
      const row = `(${COLUMNS.map(() => '?').join(', ')})`;
      st = h.prepare(
        `insert into communities (${COLUMNS.join(', ')}) values ${Array(n).fill(row).join(', ')}
         on conflict (region_code, name_key) do nothing returning id, region_code, name_key`,
      );
      inserts.set(n, st);
    }
    return st;
  };
  const projects = h.prepare(
    `insert into projects
       (code, name, prefecture_code, region_path, plan_year, pool, version, created_at, updated_at)
     select ${PROJECT_CODE.sqlite}, c.name, c.prefecture_code, c.region_path, c.plan_year,
       'implement', 1, @at, @at
     from communities c where c.id between @first and @last`,
  );
  const links = h.prepare(
    `insert into project_communities (project_id, community_id)
     select p.id, c.id from communities c join projects p on p.code = ${PROJECT_CODE.sqlite}
     where c.id between @first and @last`,
  );
  const history = h.prepare(
    `insert into change_log (entity, entity_id, at, user_id, username, action, version, changes)
     select 'community', c.id, @at, @userId, @username, 'import', 1, '[]'
     from communities c where c.id between @first and @last`,
  );
  const twin = h.prepare(
    'select id, name, plan_year from communities where region_code = ? and name_key = ?',
  );
  const storedTwin = (r: ImportedCommunity) =>
    twin.get(r.region_code, r.name_key) as StoredCommunity | undefined;
  // The handle is Kysely's one connection: outside the import's transaction, a write here
  // would commit on its own.
  const inTransaction = () => {
    if (!h.inTransaction) throw new Error('import writes must run inside the import transaction');
  };
  return {
    prepare: (rows) => ({ rows }),
    write: async (_trx, { rows }) => {
      inTransaction();
      const ids: number[] = [];
      const written: Written[] = [];
      for (let i = 0; i < rows.length;) {
        const n = rows.length - i >= SQLITE_ROWS_PER_INSERT ? SQLITE_ROWS_PER_INSERT : 1;
        const some = rows.slice(i, (i += n));
        const values: unknown[] = [];
        for (const r of some) for (const c of COLUMNS) values.push(r[c]);
        // A row left out met a stored twin, or an earlier row of the same statement (each key
        // is taken once: as one at a time, the second of two is the first's twin).
        const inserted = new Map<string, number>();
        for (const x of insertOf(n).all(...values) as Inserted[]) inserted.set(keyOf(x), x.id);
        for (const r of some) {
          const key = keyOf(r);
          const id = inserted.get(key);
          inserted.delete(key);
          if (id === undefined) written.push({ stored: storedTwin(r)! });
          else {
            ids.push(id);
            written.push({ id });
          }
        }
      }
      if (ids.length) {
        const batch = { first: ids[0], last: ids.at(-1) };
        projects.run({ ...batch, at: author.at });
        links.run(batch);
        history.run({ ...batch, ...author });
      }
      return written;
    },
    storedTwins: async (_trx, rows) => {
      inTransaction();
      return rows.map(storedTwin);
    },
  };
}

const keyOf = (r: { region_code: string; name_key: string }) => `${r.region_code}|${r.name_key}`;

/** Stored communities with the rows' (unit, key), by keyOf. */
async function postgresTwins(trx: Kysely<Database>, rows: ImportedCommunity[]) {
  const found = await sql<StoredCommunity & { region_code: string; name_key: string }>`
    select c.id, c.name, c.plan_year, c.region_code, c.name_key
    from communities c
    join unnest(${rows.map((r) => r.region_code)}::text[], ${rows.map((r) => r.name_key)}::text[])
      as k(region_code, name_key)
      on c.region_code = k.region_code and c.name_key = k.name_key`.execute(trx);
  return new Map(
    found.rows.map((s) => [keyOf(s), { id: s.id, name: s.name, plan_year: s.plan_year }]),
  );
}

/**
 * A column's values as a PostgreSQL array literal, as node-postgres writes an array parameter
 * (text in double quotes, its backslashes and quotes escaped; NULL; numbers as they are), built
 * here so that it can be built ahead of sending.
 */
export function arrayLiteral(values: (string | number | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') out += v;
    else if (v.includes('"') || v.includes('\\')) out += `"${v.replace(/[\\"]/g, '\\$&')}"`;
    else out += `"${v}"`;
  }
  return out + '}';
}

/**
 * PostgreSQL: a batch in one statement, the communities' columns as arrays, their projects, links
 * and history entries from what the communities' insert returns (data-modifying WITH clauses).
 */
function postgresWriter(author: ImportAuthor): ImportWriter {
  const literals = (rows: ImportedCommunity[]) =>
    COLUMNS.map((c) => arrayLiteral(rows.map((r) => r[c])));
  return {
    prepare: (rows) => ({ rows, columns: literals(rows) }),
    write: async (trx, { rows, columns: given }) => {
      if (!rows.length) return [];
      const columns = (given ?? literals(rows)).map(
        (literal, i) => sql`${literal}::${sql.raw(COMMUNITY_COLUMNS[COLUMNS[i]!])}[]`,
      );
      const inserted = await sql<{ id: number; region_code: string; name_key: string }>`
        with c as (
          insert into communities (${sql.raw(COLUMNS.join(', '))})
          select * from unnest(${sql.join(columns)})
          on conflict (region_code, name_key) do nothing
          returning id, region_code, name_key, name, prefecture_code, region_path, plan_year
        ), p as (
          insert into projects
            (code, name, prefecture_code, region_path, plan_year, pool, version, created_at, updated_at)
          select ${sql.raw(PROJECT_CODE.postgres)}, c.name, c.prefecture_code, c.region_path,
            c.plan_year, 'implement', 1, ${author.at}, ${author.at}
          from c
          returning id, code
        ), link as (
          insert into project_communities (project_id, community_id)
          select p.id, c.id from c join p on p.code = ${sql.raw(PROJECT_CODE.postgres)}
        ), history as (
          insert into change_log (entity, entity_id, at, user_id, username, action, version, changes)
          select 'community', c.id, ${author.at}, ${author.userId}::int4, ${author.username}::text,
            'import', 1, '[]'
          from c
        )
        select id, region_code, name_key from c`.execute(trx);
      const idOf = new Map(inserted.rows.map((r) => [keyOf(r), r.id]));
      const stored =
        inserted.rows.length < rows.length ? await postgresTwins(trx, rows) : new Map();
      return rows.map((r): Written => {
        const id = idOf.get(keyOf(r));
        return id === undefined ? { stored: stored.get(keyOf(r))! } : { id };
      });
    },
    storedTwins: async (trx, rows) => {
      if (!rows.length) return [];
      const stored = await postgresTwins(trx, rows);
      return rows.map((r) => stored.get(keyOf(r)));
    },
  };
}

/**
 * The columns queries select, join, group and order communities and projects by: what the planner
 * needs statistics of. Not the free text (names, addresses, contents, notes) and the measures
 * only summed, which cost ANALYZE most and steer no plan: at 220,000 communities, 0.48–1.40 s for
 * every column of communities and 0.21–0.63 s for these (docs/benchmarks.md).
 */
const PLANNED_COLUMNS = {
  communities:
    'id, region_code, prefecture_code, region_path, plan_year, build_year, area_class, exclusion, households, name_key, address_key, cell_key',
  projects: 'id, code, prefecture_code, region_path, plan_year, pool',
};

/**
 * After a large import on PostgreSQL, gather the ledger tables' statistics at once rather than
 * when autovacuum gets to it: without them, a plan-table aggregation over a freshly loaded
 * national ledger was seen running for more than ten minutes instead of under a second
 * (docs/benchmarks.md, benchmarks 5 and 6). The tables those aggregations join; not change_log,
 * only ever read by its index, one community at a time. SQLite keeps no
 * statistics unless asked, and the application never asks, so nothing changes there.
 */
export async function refreshStatistics(db: Kysely<Database>): Promise<void> {
  if (sqliteHandle(db)) return;
  await sql
    .raw(
      `analyze communities (${PLANNED_COLUMNS.communities}), projects (${PLANNED_COLUMNS.projects}), project_communities, project_funding`,
    )
    .execute(db);
}
