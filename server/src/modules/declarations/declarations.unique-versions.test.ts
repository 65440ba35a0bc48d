/**
 * The backstop under the row lock that numbers a declaration's versions (issue 10, defect 2): the
 * database itself refuses a second row with the same unit, year, kind and version.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { insertSnapshot } from './declarations.repository.ts';
import type { SnapshotContent } from './declarations.units.ts';

describeEachEngine('declaration versions unique', (ctx) => {
  it('refuses a second snapshot with the same version, and takes the next one', async () => {
    const snap = (version: number, kind: 'submission' | 'candidate' = 'submission') =>
      insertSnapshot(ctx.db.db, {
        unit: '460106',
        year: 2030,
        kind,
        version,
        hash: `h${version}`,
        content: { communities: [], table: null } as unknown as SnapshotContent,
        by: 'county',
        at: '2029-11-01T00:00:00.000Z',
      });
    await snap(1);
    await expect(snap(1)).rejects.toThrow();
    await snap(2);
    await snap(1, 'candidate');
    const rows = await ctx.db.db
      .selectFrom('declaration_snapshots')
      .select(['kind', 'version'])
      .where('plan_year', '=', 2030)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { kind: 'submission', version: 1 },
      { kind: 'submission', version: 2 },
      { kind: 'candidate', version: 1 },
    ]);
  });
});
