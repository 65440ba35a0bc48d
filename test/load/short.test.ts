/**
 * The month-end load test, short (issue 14 §2; the full one is `npm run bench:load`): Debian's
 * nginx with deploy/nginx-gaizao.conf in front of two servers on one PostgreSQL, 120 units logging
 * in and submitting their month's report while 20 viewers refresh the national and provincial
 * views. No response may be a 5xx or any other error, and every unit's report is stored exactly
 * once. The servers run in this process (the full run starts the compiled build as children).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthEnd, prepare, verdict, type LoadOptions } from '../../bench/load/measure.ts';
import { LOAD_PASSWORD } from '../../bench/load/seed.ts';
import { startNginx } from '../../bench/load/stack.ts';
import { loginAll } from '../../bench/load/traffic.ts';
import { testDatabaseUrl } from '../../server/src/config.ts';
import { twoServers } from '../../server/src/test-support/two-servers.ts';

const url = testDatabaseUrl();
// The servers' clock: noon (China) on 1 July 2026, so June's report may be sent.
const NOW = new Date('2026-07-01T04:00:00Z');

describe.skipIf(!url || !existsSync('/usr/sbin/nginx'))('month-end load, short [postgres]', () => {
  it('answers no 5xx and stores every report exactly once, through nginx on two servers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaizao-load-test-'));
    const o: LoadOptions = {
      dbUrl: url!.replace(/\/[^/]*$/, '/gaizao_load_short'),
      units: 120,
      viewers: 20,
      period: '2026-06',
      dir,
    };
    try {
      const seeded = await prepare(o);
      const servers = await twoServers(o.dbUrl, {
        trustProxy: 1,
        clock: () => NOW,
        uploadDir: join(dir, 'uploads'),
      });
      try {
        const ports = servers.urls.map((u) => Number(new URL(u).port));
        const nginx = await startNginx(dir, ports);
        try {
          const viewing = await loginAll(nginx.url, seeded.viewers, LOAD_PASSWORD);
          const run = await monthEnd(nginx.url, o, seeded, viewing);
          const result = verdict(run.rec, run.stored, [], new Map());
          expect(result.problems).toEqual([]);
          expect(result.fivexx).toBe(0);
          expect(run.stored).toEqual({
            units: 120,
            rows: 120,
            once: 120,
            missing: 0,
            duplicated: 0,
          });
          const submits = run.rec.routes.get('POST /api/monthly-reports/:unit/:year/:period');
          expect(Object.fromEntries(submits!.statuses)).toEqual({ 201: 120 });
          expect(run.rec.routes.get('GET /api/dashboard')!.latencies.length).toBeGreaterThan(0);
        } finally {
          await nginx.stop();
        }
      } finally {
        await servers.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
