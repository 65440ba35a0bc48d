/**
 * The SQL of the audit chain (audit.chain.ts): its head row (audit_chain, id 1) and the entries it
 * links. The order of these statements inside an append is audit.chain.ts's, and it matters.
 */
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.ts';

type Chained = Pick<
  AuditLogTable,
  'at' | 'actor_user_id' | 'actor_username' | 'action' | 'target' | 'ip' | 'detail'
> & { prev_hash: string; hash: string };

/**
 * Writes the head row without changing it: on PostgreSQL this takes its row lock until commit, on
 * SQLite the database's write lock. An append's first statement.
 */
export async function lockChainHead(trx: Kysely<Database>): Promise<void> {
  await trx
    .updateTable('audit_chain')
    .set((eb) => ({ last_id: eb.ref('last_id') }))
    .where('id', '=', 1)
    .execute();
}

/** The hash of the chain's last entry, from its head row. */
export const chainHeadHash = (trx: Kysely<Database>) =>
  trx.selectFrom('audit_chain').select(['last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();

/** Inserts one audit entry with its links; its id. */
export async function insertChainedEntry(trx: Kysely<Database>, e: Chained): Promise<number> {
  const { id } = await trx
    .insertInto('audit_log')
    .values(e)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Moves the head row to a new last entry. */
export async function advanceChainHead(
  trx: Kysely<Database>,
  lastId: number,
  lastHash: string,
): Promise<void> {
  await trx
    .updateTable('audit_chain')
    .set({ last_id: lastId, last_hash: lastHash })
    .where('id', '=', 1)
    .execute();
}

/** Up to `limit` audit entries after id `afterId`, in id order, every column. */
export const auditEntriesAfter = (db: Kysely<Database>, afterId: number, limit: number) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();

/** The chain's head row, if there is one. */
export const chainHead = (db: Kysely<Database>) =>
  db.selectFrom('audit_chain').selectAll().executeTakeFirst();
