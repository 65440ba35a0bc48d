/**
 * Issue 10, defect 7: an import check writes nothing, so it must not hold SQLite's one writer —
 * logins and edits made while a large file is being checked all succeed, on both engines. And a
 * writer that must wait (behind an import's commit) waits its turn; only past the bound is it
 * answered 503 with Retry-After and a Chinese message, never 500.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import type { App } from '../../../http.ts';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../../test-support/fixtures.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { importProjectList } from './import.service.ts';
import { bigCsv, multipart, SAMPLE } from './import-jobs.fixture.ts';

/** Rows of the file checked meanwhile: a few MB, a few seconds of checking. */
// About 5 MB; IMPORT_LOCKS_ROWS=1000000 makes a 57 MB file, near the 64 MB upload limit (by hand).
const ROWS = Number(process.env.IMPORT_LOCKS_ROWS ?? 100_000);

describeEachEngine('an import check holds no writer', (ctx) => {
  let app: App;
  let haikou: Client;
  let uploadDir: string;
  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'gaizao-locks-'));
    app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    for (let i = 0; i < 20; i++) await addUser(ctx.db.db, `user${i}`, '460100', ['city']);
    haikou = await loginAs(app, 'haikou');
  });
  afterAll(async () => {
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it(
    'lets 20 logins and 20 edits through while a large file is checked: no 5xx',
    async () => {
      const communities = (await haikou.get('/api/communities?pageSize=20')).json().items as {
        id: number;
      }[];
      const details = await Promise.all(
        communities.map(async (c) => (await haikou.get(`/api/communities/${c.id}`)).json()),
      );
      const body = multipart('big.csv', bigCsv(ROWS));
      let checkEnd = Infinity;
      const answered: number[] = [];
      const noted = <T>(p: Promise<T>): Promise<T> =>
        p.then((r) => {
          answered.push(Date.now());
          return r;
        });
      const check = app
        .inject({
          method: 'POST',
          url: '/api/imports',
          headers: {
            cookie: haikou.cookie,
            'x-csrf-token': haikou.csrf,
            'content-type': body.contentType,
          },
          payload: body.payload,
        })
        .then((r) => {
          checkEnd = Date.now();
          return r;
        });
      // The burst starts once the check is well under way (on the old code, writing its rows).
      await expect
        .poll(
          async () => {
            const job = await ctx.db.db.selectFrom('imports').select('id').executeTakeFirst();
            return job ? (await haikou.get(`/api/imports/${job.id}`)).json().rowsDone : 0;
          },
          { timeout: 30_000, interval: 50 },
        )
        .toBeGreaterThanOrEqual(5000);
      const edits = Array.from({ length: 20 }, (_, i) => {
        const d = details[i % details.length];
        // Communities fewer than 20: each is edited in turn, one save after another.
        return { d, round: Math.floor(i / details.length) };
      });
      const started = Date.now();
      const [logins, saved] = await Promise.all([
        Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            noted(
              app.inject({
                method: 'POST',
                url: '/api/auth/login',
                payload: { username: `user${i}`, password: 'test-password-1' },
              }),
            ),
          ),
        ),
        (async () => {
          const out = [];
          for (const round of [...new Set(edits.map((e) => e.round))])
            out.push(
              ...(await Promise.all(
                edits
                  .filter((e) => e.round === round)
                  .map(({ d }) =>
                    noted(
                      haikou.send('PUT', `/api/communities/${d.id}`, {
                        regionCode: d.regionCode,
                        name: d.name,
                        street: d.street,
                        address: d.address,
                        buildYear: d.buildYear,
                        buildings: d.buildings,
                        households: d.households + round + 1,
                        floorArea: d.floorArea,
                        investment: d.investment,
                        planYear: d.planYear,
                        content: d.content,
                        ownership: d.ownership,
                        version: d.version + round,
                      }),
                    ),
                  ),
              )),
            );
          return out;
        })(),
      ]);
      const burstMs = Date.now() - started;
      expect(logins.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
      expect(saved.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
      const checked = await check;
      expect(checked.statusCode).toBe(201);
      // The burst began while the check was under way and was answered during it, not after it (else
      // this test would prove nothing): its first answer came before the check's.
      expect(Math.min(...answered)).toBeLessThan(checkEnd);
      expect(checked.json()).toMatchObject({ status: 'checked', report: { rows: ROWS } });
      console.info(`[${ctx.engine}] 20 logins + 20 edits during the check: ${burstMs} ms`);
    },
    120_000 + ROWS / 5,
  );
});
