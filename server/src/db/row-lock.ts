/**
 * Row locks for read-then-write state changes (HELPERS.md, "Concurrency"): PostgreSQL runs READ
 * COMMITTED, so a transaction that reads a state and then writes the next one must lock the row
 * it read (`select … for update`), or two transactions both see the old state and both act.
 * SQLite has one writer at a time (and Kysely's SQLite driver one connection), so there a plain
 * read is enough, and `for update` is not even SQL.
 */
import { PostgresAdapter, type Kysely } from 'kysely';

/** Whether `select … for update` is needed (and understood) on this database. */
export const locksRows = <DB>(db: Kysely<DB>): boolean =>
  db.getExecutor().adapter instanceof PostgresAdapter;
