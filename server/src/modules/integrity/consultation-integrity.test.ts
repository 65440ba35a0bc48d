/**
 * Consultation records verified (issue 10, cli.md `verify`): each carries the hash of its fields
 * from when it was written; `verifyAll` finds a record edited in the database, and the hash the
 * migration gives records written before it is the one the application computes.
 */
import { expect, it } from 'vitest';
import { hashOf as migrationHash } from '../../db/migrations/0023_consultation_hashes.ts';
import { seedDemo, seedDemoLedger } from '../../demo/seed.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { consultationHash } from './integrity.ts';
import { verifyAll } from './integrity.service.ts';

describeEachEngine('consultation records verified', (ctx) => {
  it('the demo’s consultations verify; one edited in the database is named; put back, all holds', async () => {
    expect(await seedDemo(ctx.db.db)).toBe(true);
    expect(await seedDemoLedger(ctx.db.db)).toBeGreaterThan(0);
    const first = await verifyAll(ctx.db.db);
    expect(first.mismatches).toEqual([]);
    expect(first.checked.consultation).toBeGreaterThan(0);

    const row = await ctx.db.db
      .selectFrom('consultations')
      .selectAll()
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // As stored, read back: the application's hash and the migration's agree, and match.
    expect(consultationHash(row)).toBe(row.hash);
    expect(migrationHash(row as unknown as Record<string, unknown>)).toBe(row.hash);

    await ctx.db.db
      .updateTable('consultations')
      .set({ households_agreeing: row.households_agreeing - 1 })
      .where('id', '=', row.id)
      .execute();
    const edited = await verifyAll(ctx.db.db);
    expect(edited.mismatches).toHaveLength(1);
    expect(edited.mismatches[0]).toMatchObject({
      kind: 'consultation',
      id: String(row.id),
      stored: row.hash,
    });
    expect(edited.mismatches[0]!.problem).toContain('居民协商记录');

    await ctx.db.db
      .updateTable('consultations')
      .set({ households_agreeing: row.households_agreeing })
      .where('id', '=', row.id)
      .execute();
    expect((await verifyAll(ctx.db.db)).mismatches).toEqual([]);
  });
});
