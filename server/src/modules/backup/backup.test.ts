/**
 * Backup and restore (issue 10): the demo's users, ledger, progress, monthly reports and
 * consultations, a frozen snapshot and an uploaded photo, backed up while appends go on, then
 * restored into an empty SQLite file and an empty PostgreSQL schema: every table's rows equal,
 * the photo downloads, the plan table is identical, verify holds; a non-empty target is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../bootstrap.ts';
import type { Db } from '../../db/create-db.ts';
import { DEMO_PASSWORD, DEMO_PLAN_YEAR, seedDemo, seedDemoLedger } from '../../demo/seed.ts';
import { actorAt } from '../../test-support/declarations.ts';
import { describeEachEngine, newDatabaseUrl, type Engine } from '../../test-support/engines.ts';
import { loginAs } from '../../test-support/fixtures.ts';
import { testDatabaseUrl } from '../../config.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { insertSnapshot } from '../declarations/declarations.repository.ts';
import type { SnapshotContent } from '../declarations/declarations.units.ts';
import { recomputeHash } from '../integrity/integrity.ts';
import { verifyAll } from '../integrity/integrity.service.ts';
import { checkFigures } from '../figures/figures.service.ts';
import { planTable } from '../plan/plan-table.service.ts';
import { PNG } from '../progress/attachments.fixture.ts';
import { addPhoto } from '../progress/attachments.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { rowsOf, tableColumns } from './backup.repository.ts';
import { RestoreRefused, restoreBackup, writeBackup } from './backup.service.ts';
// An action the application never writes, so the test finds its own entries by it.
import type { AuditAction } from '../../../../common/audit-actions.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every table's rows, each as JSON, sorted (engines order text differently). */
async function contents(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [t, cols] of await tableColumns(db.db, db.dialect))
    out[t] = (await rowsOf(db.db, t, cols))
      .map((r) => JSON.stringify(cols.map((c) => r[c])))
      .sort();
  return out;
}

describeEachEngine('backup and restore', (ctx) => {
  const uploads = join(dir, `uploads-${ctx.engine}`);
  const archive = join(dir, `backup-${ctx.engine}.gz`);
  let photo: { community: number; id: number };
  let before: Record<string, string[]>;

  beforeAll(async () => {
    const db = ctx.db.db;
    expect(await seedDemo(db)).toBe(true);
    await seedDemoLedger(db);
    const county = await actorAt(db, '460106', 'county');
    const community = (await db
      .selectFrom('communities')
      .select('id')
      .where('region_code', '=', '460106')
      .orderBy('id')
      .executeTakeFirstOrThrow())!.id;
    const id = await addPhoto(
      db,
      county,
      community,
      { kind: 'before' },
      { fileName: '改造前.png', file: Readable.from([PNG]) },
      uploads,
    );
    photo = { community, id };
    const content = {
      communities: [{ id: community, regionCode: '460106', households: 120 }],
      table: null,
    } as unknown as SnapshotContent;
    await insertSnapshot(db, {
      unit: '460106',
      year: DEMO_PLAN_YEAR,
      kind: 'submission',
      version: 1,
      hash: recomputeHash(JSON.stringify(content)),
      content,
      by: 'county',
      at: new Date().toISOString(),
    });
  }, 300_000);

  it('backs up while the server keeps writing: one consistent moment', async () => {
    // Appends racing the backup either make it whole into the archive or not at all: the
    // restored chain verifies below.
    const writes = Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        insertAudit(ctx.db.db, { action: 'test.during-backup' as AuditAction, target: `t/${i}` }),
      ),
    );
    const summary = await writeBackup(ctx.db, uploads, archive);
    await writes;
    expect(summary.files).toBe(1);
    expect(summary.missingFiles).toEqual([]);
    for (const t of ['users', 'progress', 'monthly_reports', 'consultations', 'communities'])
      expect(summary.tables[t], t).toBeGreaterThan(0);
    // The demo's own declarations and the one frozen above; the photo added above.
    const rows = async (t: 'declaration_snapshots' | 'community_attachments') =>
      Number(
        (
          await ctx.db.db
            .selectFrom(t)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(summary.tables.declaration_snapshots).toBe(await rows('declaration_snapshots'));
    expect(summary.tables.declaration_snapshots).toBeGreaterThan(1);
    expect(summary.tables.community_attachments).toBe(1);
    // What the archive should give back: the source without the appends that came after it.
    before = await contents(ctx.db);
  }, 120_000);

  const targets: Engine[] = testDatabaseUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
  for (const target of targets)
    it(`restores into an empty ${target} database: same rows, the photo downloads, same plan table`, async () => {
      const { url, cleanup } = newDatabaseUrl(target);
      const restoredUploads = join(dir, `restored-${ctx.engine}-${target}`);
      const db = await openDatabase(url);
      try {
        const r = await restoreBackup(db, restoredUploads, archive);
        expect(r.files).toBe(1);
        const after = await contents(db);
        const source = before;
        // The audit appends that raced the backup are in the source now, maybe not in the archive.
        const racing = (rows: string[]) => rows.filter((x) => !x.includes('test.during-backup'));
        expect(Object.keys(after).sort()).toEqual(Object.keys(source).sort());
        for (const t of Object.keys(source)) {
          if (t === 'audit_log' || t === 'audit_chain') continue;
          expect(after[t]!.length, `${t} rows`).toBe(source[t]!.length);
          expect(after[t], t).toEqual(source[t]);
        }
        expect(racing(after.audit_log!)).toEqual(racing(source.audit_log!));
        expect((await verifyAll(db.db)).mismatches).toEqual([]);
        // The maintained figures are not archived: the triggers added them up again.
        const figures = await checkFigures(db.db);
        expect(figures.mismatches).toEqual([]);
        expect(figures.checked.members).toBeGreaterThan(0);

        const [a, b] = await Promise.all([
          planTable(ctx.db.db, SYSTEM_ACTOR, '460000', DEMO_PLAN_YEAR),
          planTable(db.db, SYSTEM_ACTOR, '460000', DEMO_PLAN_YEAR),
        ]);
        expect(b).toEqual(a);

        const app = await buildApp({ db, serveWeb: false, uploadDir: restoredUploads });
        try {
          const county = await loginAs(app, 'county', DEMO_PASSWORD);
          const res = await county.get(
            `/api/communities/${photo.community}/attachments/${photo.id}`,
          );
          expect(res.statusCode).toBe(200);
          expect(res.rawPayload.equals(PNG)).toBe(true);
        } finally {
          await app.close();
        }

        // Not empty any more: refused, and nothing changes.
        await expect(restoreBackup(db, restoredUploads, archive)).rejects.toBeInstanceOf(
          RestoreRefused,
        );
      } finally {
        await db.destroy();
        await cleanup();
      }
    }, 300_000);
});
