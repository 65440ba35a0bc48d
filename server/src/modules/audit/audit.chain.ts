/**
 * The audit log as a hash chain (issue 10, 等保 audit): each entry's hash covers its content and
 * the hash of the entry before, and the head row (audit_chain) holds the last hash. Deleting,
 * editing or reordering an entry, or cutting the tail, breaks a link that `verifyAuditChain`
 * finds. Appends serialise on the head row: the first statement of an append updates it, which on
 * PostgreSQL takes its row lock until commit (two servers cannot fork the chain) and on SQLite
 * takes the database's write lock. Migration 0014 chains the entries written before it with the
 * same function.
 */
import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema.ts';
import { sha256 } from '../../sha256.ts';
import * as repo from './audit-chain.repository.ts';

export const GENESIS = '0'.repeat(64);

type Content = Pick<
  AuditLogTable,
  'at' | 'actor_user_id' | 'actor_username' | 'action' | 'target' | 'ip' | 'detail'
>;

export const entryHash = (prev: string, e: Content): string =>
  sha256()
    .update(
      JSON.stringify([
        prev,
        e.at,
        e.actor_user_id === null ? null : Number(e.actor_user_id),
        e.actor_username,
        e.action,
        e.target,
        e.ip,
        e.detail,
      ]),
    )
    .digest('hex');

/** Appends one entry to the chain, inside the caller's transaction or a new one. */
export async function appendChained(db: Kysely<Database>, e: Content): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => appendChained(trx, e));
    return;
  }
  // Lock first (a write), then read: no two appends can read the same head.
  await repo.lockChainHead(db);
  const head = await repo.chainHeadHash(db);
  const hash = entryHash(head.last_hash, e);
  const id = await repo.insertChainedEntry(db, { ...e, prev_hash: head.last_hash, hash });
  await repo.advanceChainHead(db, id, hash);
}

export interface ChainBreak {
  id: number;
  stored: string | null;
  recomputed: string;
  problem: string;
}

/** Walks the whole chain in id order; every broken link is one ChainBreak. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainBreak[]> {
  const breaks: ChainBreak[] = [];
  let prev = GENESIS;
  let lastId = 0;
  const page = 5000;
  for (;;) {
    const rows = await repo.auditEntriesAfter(db, lastId, page);
    for (const r of rows) {
      const recomputed = entryHash(prev, r);
      if (r.prev_hash !== prev)
        breaks.push({
          id: Number(r.id),
          stored: r.prev_hash,
          recomputed: prev,
          problem: '前一条记录的校验码不符（其前有记录被删除或修改）',
        });
      else if (r.hash !== recomputed)
        breaks.push({
          id: Number(r.id),
          stored: r.hash,
          recomputed,
          problem: '记录内容与其校验码不符（记录被修改）',
        });
      prev = r.hash ?? recomputed;
      lastId = Number(r.id);
    }
    if (rows.length < page) break;
  }
  const head = await repo.chainHead(db);
  if (!head || head.last_hash !== prev)
    breaks.push({
      id: head ? Number(head.last_id) : 0,
      stored: head?.last_hash ?? null,
      recomputed: prev,
      problem: '日志末尾与链头不符（最后的记录被删除）',
    });
  return breaks;
}
