/**
 * Migration 0031: the snapshots frozen before it are counted by region as the app counts a new
 * one (the same counts, the same hash), except a snapshot no longer intact, which is left without
 * counts so that readers refuse it. Run with the migration's functions called directly.
 */
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { insertSnapshot } from '../modules/declarations/declarations.repository.ts';
import type { SnapshotContent } from '../modules/declarations/declarations.units.ts';
import { recomputeHash } from '../modules/integrity/integrity.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import * as m0031 from './migrations/0031_snapshot_counts.ts';

describeEachEngine('migration 0031: frozen plans counted by region', (ctx) => {
  it('counts intact snapshots as the app does and leaves a tampered one uncounted', async () => {
    const db = ctx.db.db;
    const snapshot = async (version: number, communities: [string, number][]) => {
      const content = {
        communities: communities.map(([regionCode, households]) => ({ regionCode, households })),
        table: null,
        contact: '张三 0898-12345678',
      } as unknown as SnapshotContent;
      return insertSnapshot(db, {
        unit: '460000',
        year: 2032,
        kind: 'submission',
        version,
        hash: recomputeHash(JSON.stringify(content)),
        content,
        by: 'test',
        at: '2031-11-01T00:00:00.000Z',
      });
    };
    const intact = await snapshot(1, [
      ['460202', 40],
      ['460106', 90],
      ['460106', 10],
    ]);
    const tampered = await snapshot(2, [['460106', 5]]);
    const empty = await snapshot(3, []);
    const stored = () =>
      db.selectFrom('snapshot_counts').selectAll().orderBy('snapshot_id').execute();
    const asFrozen = await stored();
    expect(asFrozen.map((r) => [r.snapshot_id, JSON.parse(r.counts)])).toEqual([
      [
        intact,
        [
          ['460106', 2, 100],
          ['460202', 1, 40],
        ],
      ],
      [tampered, [['460106', 1, 5]]],
      [empty, []],
    ]);

    const raw = db as unknown as Kysely<unknown>;
    await m0031.down(raw);
    await db
      .updateTable('declaration_snapshots')
      .set({ content: '{"communities":[{"regionCode":"460106","households":500}],"table":null}' })
      .where('id', '=', tampered)
      .execute();
    await m0031.up(ctx.db.dialect)(raw);
    expect(await stored()).toEqual(asFrozen.filter((r) => r.snapshot_id !== tampered));
  });
});
