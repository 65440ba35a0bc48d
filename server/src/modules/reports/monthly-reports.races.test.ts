/**
 * Concurrent submissions of one month's report (issue 10): one new version, the rest 409 — not the
 * unique key's 500. On both engines, and across two servers on one PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { periodLabel } from '../../../../common/dates.ts';
import { buildApp } from '../../app.ts';
import { chinaMonth, previousPeriod } from '../../domain/monthly-report.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { answer, oneWins } from '../../test-support/races.ts';
import { split, twoServers } from '../../test-support/two-servers.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-report-races-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PAST = previousPeriod(previousPeriod(chinaMonth(new Date())));
const Y = Number(PAST.slice(0, 4));
/** Several months of the plan year, each a race of its own (a race is not lost every time). */
const PERIODS = [PAST];
while (PERIODS.length < 6 && previousPeriod(PERIODS.at(-1)!).startsWith(`${Y}-`))
  PERIODS.push(previousPeriod(PERIODS.at(-1)!));

describeEachEngine('monthly report races', (ctx) => {
  let app: App;
  const u: Record<string, Client> = {};
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `460106,滨海一村,1990,5,90,7000,200,${Y}`,
        `460105,秀英小区,1993,3,40,3000,90,${Y}`,
      ].join('\n'),
    );
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false });
    for (const [name, region] of [
      ['longhua', '460106'],
      ['xiuying', '460105'],
    ] as const) {
      await addUser(ctx.db.db, name, region, ['county']);
      u[name] = await loginAs(app, name);
    }
  });
  afterAll(() => app.close());

  const versions = async (unit: string, period: string) =>
    (
      await ctx.db.db
        .selectFrom('monthly_reports')
        .select('version')
        .where('unit_code', '=', unit)
        .where('period', '=', period)
        .execute()
    ).map((r) => r.version);
  const notices = async (unit: string, period: string) =>
    (
      await ctx.db.db
        .selectFrom('notifications')
        .select('message')
        .where('kind', '=', 'monthly_report')
        .execute()
    ).filter((n) => n.message.startsWith(`${unit}已上报${periodLabel(period)}`)).length;

  it('keeps one of 20 parallel submissions of a month: one version, one notice, the rest 409', async () => {
    for (const period of PERIODS) {
      const url = `/api/monthly-reports/460106/${Y}/${period}`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, async () => answer(await u.longhua!.send('POST', url))),
      );
      oneWins(answers, 201);
      expect(await versions('460106', period)).toEqual([1]);
      expect(await notices('龙华区', period)).toBe(1);
    }
  });

  it.skipIf(ctx.engine !== 'postgres')(
    'keeps one of 20 submissions across two servers on one PostgreSQL',
    async () => {
      const servers = await twoServers(ctx.url);
      try {
        const c = u.xiuying!;
        const headers = { cookie: c.cookie, 'x-csrf-token': c.csrf };
        for (const period of PERIODS) {
          const url = `/api/monthly-reports/460105/${Y}/${period}`;
          oneWins(
            await split(20, async (s) =>
              answer(await servers.request(s, 'POST', url, undefined, headers)),
            ),
            201,
          );
          expect(await versions('460105', period)).toEqual([1]);
          expect(await notices('秀英区', period)).toBe(1);
        }
      } finally {
        await servers.close();
      }
    },
  );
});
