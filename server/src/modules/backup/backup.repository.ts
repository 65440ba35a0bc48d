/**
 * The SQL of backup and restore: the application's tables in an order that satisfies their
 * foreign keys, their rows, and the PostgreSQL sequences to move past restored ids.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Dialect } from '../../db/dialect.ts';

/**
 * Not archived: the migrations' own bookkeeping, and the maintained figures (migrations 0030, 0032),
 * which are sums of the other tables: their triggers add them up again as the rows come back.
 */
const SKIP = new Set([
  'kysely_migration',
  'kysely_migration_lock',
  'figure_members',
  'plan_figures',
  'progress_figures',
  'started_communities',
]);

type AnyDb = Kysely<Database>;

/** The application's tables (in the connection's own schema on PostgreSQL) and their columns. */
export async function tableColumns(db: AnyDb, dialect: Dialect): Promise<Map<string, string[]>> {
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]!.s
      : undefined;
  return new Map(
    (await db.introspection.getTables())
      .filter((t) => !SKIP.has(t.name) && (schema === undefined || t.schema === schema))
      .map((t) => [t.name, t.columns.map((c) => c.name)]),
  );
}

/** Table names, parents before children (a table that refers to itself counts once). */
export async function tablesInOrder(db: AnyDb, dialect: Dialect): Promise<string[]> {
  const names = [...(await tableColumns(db, dialect)).keys()].sort();
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set()]));
  if (dialect === 'postgres') {
    const rows = await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid
      join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and c.relnamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(
      db,
    );
    for (const r of rows.rows) parents.get(r.child)?.add(r.parent);
  } else {
    for (const n of names) {
      const rows = await sql<{
        table: string;
      }>`select "table" from pragma_foreign_key_list(${n})`.execute(db);
      for (const r of rows.rows) parents.get(n)?.add(r.table);
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const p of parents.get(n) ?? []) if (p !== n) visit(p);
    out.push(n);
  };
  names.forEach(visit);
  return out;
}

export const migrationsDone = async (db: AnyDb): Promise<string[]> =>
  (
    await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
  ).rows.map((r) => r.name);

/** Every row of a table, in a stable order (by all its columns). */
export async function rowsOf(
  db: AnyDb,
  table: string,
  order: string[],
): Promise<Record<string, unknown>[]> {
  return (
    await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.join(
      order.map((c) => sql.ref(c)),
    )}`.execute(db)
  ).rows;
}

export async function countRows(db: AnyDb, table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]!.n);
}

export async function clearTable(db: AnyDb, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

export async function insertRows(
  db: AnyDb,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  // Bounded batches: SQLite allows at most 32766 bound values in a statement.
  const perRow = Object.keys(rows[0]!).length || 1;
  const batch = Math.max(1, Math.floor(30000 / perRow));
  for (let i = 0; i < rows.length; i += batch)
    await db
      .insertInto(table as keyof Database)
      .values(rows.slice(i, i + batch) as never)
      .execute();
}

/** PostgreSQL: the serial behind an integer `id` continues after the highest restored id. */
export async function resetSequence(db: AnyDb, table: string): Promise<void> {
  const seq = (
    await sql<{
      s: string | null;
    }>`select pg_get_serial_sequence(${table}, 'id') as s`.execute(db)
  ).rows[0]?.s;
  if (!seq) return;
  await sql`select setval(${seq}, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  );
}
