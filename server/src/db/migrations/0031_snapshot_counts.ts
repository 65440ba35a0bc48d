/**
 * A frozen plan counted once (issue 14 §1): beside each declaration snapshot, its communities and
 * households per region code, written in the transaction that freezes it, with a hash that binds
 * them to the snapshot's own. The progress table and the dashboard read these counts instead of
 * parsing every province's snapshot on each request.
 *
 * Existing snapshots are counted here, each one only if its content still matches its hash: a
 * snapshot that does not is left without counts, and readers then fall back to its content, which
 * they refuse as before. Frozen: imports no app code (the canonical JSON of the hash is repeated).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const PAGE = 50;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** [region code, communities, households] per region, in code order, as JSON. */
function countsOf(communities: { regionCode: string; households: number }[]): string {
  const by = new Map<string, [number, number]>();
  for (const c of communities) {
    const n = by.get(c.regionCode) ?? [0, 0];
    n[0] += 1;
    n[1] += c.households;
    by.set(c.regionCode, n);
  }
  return JSON.stringify(
    [...by.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([r, [n, h]]) => [r, n, h]),
  );
}

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createTable('snapshot_counts')
      .addColumn('snapshot_id', 'integer', (c) =>
        c.primaryKey().references('declaration_snapshots.id'),
      )
      .addColumn('counts', 'text', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .execute();
    for (let after = 0; ;) {
      const { rows } = await sql<{ id: number; hash: string; content: string }>`
        select id, hash, content from declaration_snapshots where id > ${after}
        order by id limit ${PAGE}`.execute(db);
      for (const s of rows) {
        after = Number(s.id);
        let content: { communities?: { regionCode: string; households: number }[] };
        try {
          content = JSON.parse(s.content) as typeof content;
        } catch {
          continue;
        }
        if (sha256(canonical(content)) !== s.hash || !Array.isArray(content.communities)) continue;
        const counts = countsOf(content.communities);
        await sql`insert into snapshot_counts (snapshot_id, counts, hash)
          values (${s.id}, ${counts}, ${sha256(`${s.hash}\n${counts}`)})`.execute(db);
      }
      if (rows.length < PAGE) break;
    }
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('snapshot_counts').execute();
}
