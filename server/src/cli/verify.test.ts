/**
 * The audit log's chain and `gaizao verify` (issue 10), on each engine: appends from two
 * connections at once (two servers) keep one unbroken chain; an entry edited, deleted, or cut from
 * the tail is found; `verify` exits 0 untouched, 1 naming what was changed (kind, id, hashes).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { openDatabase } from '../bootstrap.ts';
import { verifyAuditChain } from '../modules/audit/audit.chain.ts';
import { insertAudit } from '../modules/audit/audit.repository.ts';
import { describeEachEngine } from '../test-support/engines.ts';
// An action the application never writes, so the test finds its own entries by it.
import type { AuditAction } from '../../../common/audit-actions.ts';

const run = promisify(execFile);

describeEachEngine('audit chain and gaizao verify', (ctx) => {
  async function verify() {
    try {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'server/src/cli/main.ts', 'verify', '--json', '--db', ctx.url],
        { env: { ...process.env, DATABASE_URL: '' } },
      );
      return { code: 0, out: JSON.parse(stdout) as VerifyOut };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      if (!err.stdout) throw new Error(err.stderr, { cause: e });
      return { code: err.code, out: JSON.parse(err.stdout) as VerifyOut };
    }
  }
  interface VerifyOut {
    ok: boolean;
    mismatches: { kind: string; id: string; stored: string; recomputed: string }[];
  }
  const ids = async () =>
    (await ctx.db.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) =>
      Number(r.id),
    );

  it('appends from two servers at once form one chain', async () => {
    // Two pools on PostgreSQL. better-sqlite3 is synchronous: a second connection in this same
    // process would wait for a lock the first cannot release, so SQLite appends through one
    // connection here (other processes wait on its busy timeout).
    const other = ctx.engine === 'postgres' ? await openDatabase(ctx.url) : ctx.db;
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          insertAudit(i % 2 ? ctx.db.db : other.db, {
            action: 'test.append' as AuditAction,
            target: `t/${i}`,
            detail: { i },
          }),
        ),
      );
    } finally {
      if (other !== ctx.db) await other.destroy();
    }
    expect((await ids()).length).toBe(40);
    expect(await verifyAuditChain(ctx.db.db)).toEqual([]);
    expect(await verify()).toMatchObject({ code: 0, out: { ok: true, mismatches: [] } });
  });

  it('an edited entry, a deleted one and a cut tail are each found; verify exits 1 naming them', async () => {
    const [, second, , fourth] = await ids();
    await ctx.db.db
      .updateTable('audit_log')
      .set({ actor_username: 'someone-else' })
      .where('id', '=', second!)
      .execute();
    await ctx.db.db.deleteFrom('audit_log').where('id', '=', fourth!).execute();
    const last = (await ids()).at(-1)!;
    await ctx.db.db.deleteFrom('audit_log').where('id', '=', last).execute();
    const breaks = await verifyAuditChain(ctx.db.db);
    expect(breaks.map((b) => b.id)).toEqual([second, fourth! + 1, last]);
    const { code, out } = await verify();
    expect(code).toBe(1);
    expect(out.ok).toBe(false);
    expect(out.mismatches.map((m) => [m.kind, m.id])).toEqual([
      ['audit_log', String(second)],
      ['audit_log', String(fourth! + 1)],
      ['audit_log', String(last)],
    ]);
    expect(out.mismatches[0]!.stored).not.toBe(out.mismatches[0]!.recomputed);
  });
});
