/** Monthly reports through the API: freeze, resubmit, completeness, reminders, the due day. */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { canonicalJson } from '../../domain/declaration.ts';
import { chinaMonth, nextPeriod, previousPeriod } from '../../domain/monthly-report.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The server's clock, fixed: noon (China) on the last day of June 2026, the first day June's
// report may be sent; April's was due on 5 May, so it is long overdue.
const LAST_DAY = new Date('2026-06-30T04:00:00Z');
let now = LAST_DAY;
const NOW_MONTH = chinaMonth(LAST_DAY);
const PAST = previousPeriod(previousPeriod(NOW_MONTH)); // due a month ago at the latest
const Y = Number(PAST.slice(0, 4));
const FUTURE = `${Number(NOW_MONTH.slice(0, 4)) + 1}-01`;

describeEachEngine('monthly reports', (ctx) => {
  let app: App;
  const u: Record<string, Client> = {};
  let ids: number[];
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false, clock: () => now });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `460106,滨海一村,1990,5,90,7000,200,${Y}`,
        `460106,滨海二村,1992,4,60,5000,150,${Y}`,
        `460105,秀英小区,1993,3,40,3000,90,${Y}`,
        `460202,鹿城小区,1995,3,30,2500,80,${Y}`,
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    const accounts: [string, string, Parameters<typeof addUser>[3]][] = [
      ['longhua', '460106', ['county']],
      ['xiuying', '460105', ['county']],
      ['haikou', '460100', ['city']],
      ['sanya', '460200', ['city']],
      ['hn', '460000', ['province']],
      ['ndrc', '460000', ['province_ndrc']],
      ['stats', '460000', ['statistics']],
      ['ministry', '000000', ['ministry']],
    ];
    for (const [name, region, roles] of accounts) {
      await addUser(ctx.db.db, name, region, roles);
      u[name] = await loginAs(app, name);
    }
    ids = (await u.longhua!.get('/api/communities?sort=name'))
      .json()
      .items.map((c: { id: number }) => c.id);
    const [first] = ids;
    expect(
      (
        await u.longhua!.send('POST', `/api/communities/${first}/consultations`, {
          heldOn: `${Y}-01-10`,
          method: 'meeting',
          householdsConsulted: 90,
          householdsAgreeing: 80,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await u.longhua!.send('PUT', `/api/communities/${first}/progress/${PAST}`, {
          startDate: `${PAST}-02`,
          investmentDone: '50.5',
          elevators: 1,
        })
      ).statusCode,
    ).toBe(204);
  });
  afterAll(() => app.close());

  const base = `/api/monthly-reports/460106/${Y}`;

  it('answers 401 without a session on every endpoint', async () => {
    const calls: [string, string][] = [
      ['GET', base],
      ['GET', `${base}/${PAST}/preview`],
      ['POST', `${base}/${PAST}`],
      ['GET', `${base}/${PAST}/versions/1`],
      ['GET', `${base}/${PAST}/completeness`],
      ['POST', `${base}/${PAST}/reminders`],
      ['GET', '/api/report-due-days/460000'],
      ['PUT', '/api/report-due-days/460000'],
    ];
    for (const [method, url] of calls) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        ...(method === 'PUT' ? { payload: { dueDay: 10 } } : {}),
      });
      expect([method, url, res.statusCode]).toEqual([method, url, 401]);
    }
  });

  it('freezes a month as a versioned snapshot with its hash; later edits never change it', async () => {
    // 403: a sign-off department reads no reports; a city does not report for its county.
    expect((await u.ndrc!.get(`${base}/${PAST}/preview`)).statusCode).toBe(403);
    expect((await u.haikou!.send('POST', `${base}/${PAST}`)).statusCode).toBe(403);
    expect((await u.stats!.send('POST', `${base}/${PAST}`)).statusCode).toBe(403);
    // 404: outside one's subtree, and the country is no reporting unit.
    expect((await u.sanya!.get(`${base}/${PAST}/preview`)).statusCode).toBe(404);
    expect((await u.sanya!.send('POST', `${base}/${PAST}`)).statusCode).toBe(404);
    expect((await u.ministry!.get(`/api/monthly-reports/000000/${Y}`)).statusCode).toBe(404);
    // 400: the period's form, a future month, a month before the plan year.
    expect((await u.longhua!.send('POST', `${base}/${Y}-13`)).statusCode).toBe(400);
    expect((await u.longhua!.get(`/api/monthly-reports/abc/${Y}`)).statusCode).toBe(400);
    const future = await u.longhua!.send('POST', `${base}/${FUTURE}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/尚未到来/);
    const early = await u.longhua!.get(`${base}/${Y - 1}-12/preview`);
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/早于计划年度/);

    const preview = (await u.longhua!.get(`${base}/${PAST}/preview`)).json();
    expect(preview).toMatchObject({ canSubmit: true, latest: null, period: PAST });
    expect(preview.content.communities).toHaveLength(2);
    expect(preview.content.table.rows).toEqual([
      ['龙华区', 2, 150, 1, 90, '50.0%', '60.0%', 0, '50.50', 1, '0.00', 0],
      ['合计', 2, 150, 1, 90, '50.0%', '60.0%', 0, '50.50', 1, '0.00', 0],
    ]);

    const v1 = await u.longhua!.send('POST', `${base}/${PAST}`);
    expect(v1.statusCode).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, hash: preview.hash, inTime: false });
    const again = await u.longhua!.send('POST', `${base}/${PAST}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/与已上报的第 1 版相同/);

    // The ledger moves on: the frozen version does not.
    expect(
      (
        await u.longhua!.send('PUT', `/api/communities/${ids[0]}/progress/${PAST}`, {
          startDate: `${PAST}-02`,
          investmentDone: '70',
          elevators: 2,
        })
      ).statusCode,
    ).toBe(204);
    const changed = (await u.longhua!.get(`${base}/${PAST}/preview`)).json();
    expect(changed.latest).toMatchObject({ version: 1, unchanged: false });
    expect(changed.hash).not.toBe(preview.hash);
    const v2 = await u.longhua!.send('POST', `${base}/${PAST}`);
    expect(v2.json()).toMatchObject({ version: 2, hash: changed.hash });

    const frozen = await u.haikou!.get(`${base}/${PAST}/versions/1`);
    expect(frozen.statusCode).toBe(200);
    const snap = frozen.json();
    expect(snap).toMatchObject({ version: 1, hash: preview.hash, submittedBy: 'longhua' });
    expect(snap.content.table.rows[0][8]).toBe('50.50');
    expect(createHash('sha256').update(canonicalJson(snap.content)).digest('hex')).toBe(snap.hash);
    expect((await u.longhua!.get(`${base}/${PAST}/versions/3`)).statusCode).toBe(404);
    expect((await u.sanya!.get(`${base}/${PAST}/versions/1`)).statusCode).toBe(404);
    expect((await u.ndrc!.get(`${base}/${PAST}/versions/1`)).statusCode).toBe(403);
    expect((await u.longhua!.get(`${base}/${PAST}/versions/0`)).statusCode).toBe(400);

    // This month, before its last day: refused, naming the day it opens; the preview says so too.
    now = new Date('2026-06-06T02:00:00Z');
    const early6th = await u.longhua!.send('POST', `${base}/${NOW_MONTH}`);
    expect(early6th.statusCode).toBe(400);
    expect(early6th.json().error.message).toBe(
      `报告期 ${NOW_MONTH} 尚未结束：月报自2026年6月30日（报告期最后一天，北京时间）起方可上报`,
    );
    expect((await u.longhua!.get(`${base}/${NOW_MONTH}/preview`)).json()).toMatchObject({
      opensOn: '2026-06-30',
      open: false,
    });
    // On its last day it opens, and is on time.
    now = LAST_DAY;
    expect((await u.longhua!.get(`${base}/${NOW_MONTH}/preview`)).json()).toMatchObject({
      opensOn: '2026-06-30',
      open: true,
    });
    const current = await u.longhua!.send('POST', `${base}/${NOW_MONTH}`);
    expect(current.json()).toMatchObject({ version: 1, inTime: true });

    const history = await u.longhua!.get(base);
    expect(history.statusCode).toBe(200);
    expect(
      history
        .json()
        .reports.map((r: { period: string; version: number; status: string }) => [
          r.period,
          r.version,
          r.status,
        ]),
    ).toEqual([
      [NOW_MONTH, 1, 'on_time'],
      [PAST, 2, 'late'],
      [PAST, 1, 'late'],
    ]);
    expect((await u.ndrc!.get(base)).statusCode).toBe(403);
    expect((await u.sanya!.get(base)).statusCode).toBe(404);
    expect((await u.longhua!.get(`/api/monthly-reports/460106/1999`)).statusCode).toBe(400);

    const audit = await listAudit(ctx.db.db, 'monthly_report.submit');
    expect(audit.map((a) => a.target)).toEqual([
      `460106/${Y}/${PAST}`,
      `460106/${Y}/${PAST}`,
      `460106/${Y}/${NOW_MONTH}`,
    ]);
    const notices = (await u.haikou!.get(`/api/notifications?year=${Y}`)).json().items;
    expect(notices.map((n: { message: string }) => n.message)).toContain(
      // 2026年4月, as the pages write a month (not 2026年04月)
      `龙华区已上报2026年4月月报（${Y}年度计划，第 2 版）`,
    );
  });

  it('shows the level above who reported, late or not yet, and chases the overdue ones', async () => {
    const url = `/api/monthly-reports/460100/${Y}/${PAST}/completeness`;
    expect((await u.ndrc!.get(url)).statusCode).toBe(403);
    expect((await u.longhua!.get(url)).statusCode).toBe(404);
    expect((await u.sanya!.get(url)).statusCode).toBe(404);
    expect(
      (await u.haikou!.get(`/api/monthly-reports/460100/${Y}/${FUTURE}/completeness`)).statusCode,
    ).toBe(400);
    const res = await u.haikou!.get(url);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.canRemind).toBe(true);
    const byCode = Object.fromEntries(
      view.items.map((i: { code: string }) => [i.code, i]),
    ) as Record<string, { status: string; version: number }>;
    expect(byCode['460106']).toMatchObject({ status: 'late', version: 2 });
    expect(byCode['460105']).toMatchObject({ status: 'overdue', version: 0 });
    expect(view.counts).toMatchObject({
      total: view.items.length,
      reported: 1,
      late: 1,
      onTime: 0,
      pending: 0,
      overdue: view.items.length - 1,
    });
    const open = (
      await u.haikou!.get(`/api/monthly-reports/460100/${Y}/${NOW_MONTH}/completeness`)
    ).json();
    expect(open.counts).toMatchObject({ onTime: 1, overdue: 0, pending: open.items.length - 1 });

    const province = (
      await u.hn!.get(`/api/monthly-reports/460000/${Y}/${PAST}/completeness`)
    ).json();
    expect(province.items.find((i: { code: string }) => i.code === '460100').status).toBe(
      'overdue',
    );
    const ministry = (
      await u.ministry!.get(`/api/monthly-reports/000000/${Y}/${PAST}/completeness`)
    ).json();
    expect(ministry.items.find((i: { code: string }) => i.code === '460000')).toMatchObject({
      name: '海南省',
      status: 'overdue',
    });
    // Only provinces with communities in the year's plan are expected to report; the rest are named.
    expect(ministry.items.map((i: { code: string }) => i.code)).toEqual(['460000']);
    expect(ministry.withoutPlan.length).toBeGreaterThanOrEqual(31);
    expect(ministry.withoutPlan).toContainEqual({ code: '110000', name: '北京市' });

    // 催报
    const remind = `/api/monthly-reports/460100/${Y}/${PAST}/reminders`;
    expect((await u.longhua!.send('POST', `${base}/${PAST}/reminders`)).statusCode).toBe(403);
    expect((await u.stats!.send('POST', remind)).statusCode).toBe(403);
    expect((await u.sanya!.send('POST', remind)).statusCode).toBe(404);
    expect(
      (await u.haikou!.send('POST', `/api/monthly-reports/460100/${Y}/${FUTURE}/reminders`))
        .statusCode,
    ).toBe(400);
    const sent = await u.haikou!.send('POST', remind);
    expect(sent.statusCode).toBe(200);
    const notified = sent.json().notified.map((n: { code: string }) => n.code);
    expect(notified).toContain('460105');
    expect(notified).not.toContain('460106');
    expect((await u.haikou!.send('POST', remind)).json().notified).toEqual([]); // once a day
    const inbox = (await u.xiuying!.get(`/api/notifications?year=${Y}`)).json().items;
    expect(inbox[0]).toMatchObject({
      message: expect.stringMatching(/秀英区.*月报已逾期/),
      link: `/progress/reports?year=${Y}&period=${PAST}`,
    });
  });

  it('freezes a province’s table by city, agreeing with the progress table', async () => {
    const month = Number(PAST.slice(5));
    const official = (
      await u.hn!.get(`/api/progress-table?scope=46&year=${Y}&month=${month}`)
    ).json();
    const preview = (await u.hn!.get(`/api/monthly-reports/460000/${Y}/${PAST}/preview`)).json();
    expect(preview.content.table.rows).toEqual(official.rows);
    expect(preview.content.communities).toHaveLength(4);
    expect((await u.hn!.send('POST', `/api/monthly-reports/460000/${Y}/${PAST}`)).statusCode).toBe(
      201,
    );
    expect(
      (await u.ministry!.send('POST', `/api/monthly-reports/460000/${Y}/${PAST}`)).statusCode,
    ).toBe(403);
  });

  it('lets the province set the due day of the following month, applied to its units', async () => {
    const url = '/api/report-due-days/460000';
    expect((await u.ndrc!.get(url)).statusCode).toBe(403);
    expect((await u.haikou!.send('PUT', url, { dueDay: 10 })).statusCode).toBe(403);
    expect((await u.ministry!.send('PUT', url, { dueDay: 10 })).statusCode).toBe(403);
    expect((await u.hn!.get('/api/report-due-days/440000')).statusCode).toBe(404);
    expect(
      (await u.hn!.send('PUT', '/api/report-due-days/440000', { dueDay: 10 })).statusCode,
    ).toBe(404);
    const bad = await u.hn!.send('PUT', url, { dueDay: 31 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/1 至 28/);
    expect((await u.hn!.send('PUT', url, { dueDay: 'x' })).statusCode).toBe(400);
    expect((await u.longhua!.get(url)).json()).toMatchObject({
      dueDay: 5,
      isDefault: true,
      canSet: false,
    });

    const set = await u.hn!.send('PUT', url, { dueDay: 12 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      dueDay: 12,
      isDefault: false,
      updatedBy: 'hn',
      canSet: true,
    });
    expect((await u.ministry!.get(url)).json().dueDay).toBe(12);
    const view = (
      await u.haikou!.get(`/api/monthly-reports/460100/${Y}/${NOW_MONTH}/completeness`)
    ).json();
    expect(view.items[0].dueDate).toBe(`${nextPeriod(NOW_MONTH)}-12`);
    expect((await u.longhua!.get(base)).json().dueDay).toBe(12);
    expect((await listAudit(ctx.db.db, 'monthly_report.due_day'))[0]!.detail).toBe(
      JSON.stringify({ from: 5, to: 12 }),
    );
  });
});
