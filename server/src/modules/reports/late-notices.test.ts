/**
 * Automatic late notices (自动催报) on a real database: who is notified, once per unit and month
 * however often (and, on PostgreSQL, from however many connections) it runs; the province's due
 * day; the server's timer.
 */
import { sql } from 'kysely';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../bootstrap.ts';
import { lastOverduePeriod } from '../../domain/monthly-report.ts';
import { actorAt } from '../../test-support/declarations.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs } from '../../test-support/fixtures.ts';
import { keptLog } from '../../test-support/log.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { setDueDay } from './completeness.service.ts';
import { claimReminders } from './late-notices.repository.ts';
import { sendLateNotices } from './late-notices.service.ts';
import { startLateNotices } from './late-notices.timer.ts';
import { reportsLink, submitReport } from './monthly-reports.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-late-notices-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';
const beijing = (local: string) => new Date(`${local}+08:00`);
const keys = (units: { code: string; period: string }[]) =>
  units.map((u) => `${u.code}/${u.period}`);

describeEachEngine('automatic late notices', (ctx) => {
  let seq = 0;
  async function importList(rows: string[]): Promise<void> {
    const list = join(dir, `list-${ctx.engine}-${++seq}.csv`);
    writeFileSync(list, [HEADER, ...rows].join('\n'));
    const { errors } = await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false });
    expect(errors).toEqual([]);
  }
  /** The late notices each region holds for a month of the 2023 plan. */
  async function noticesFor(period: string, year = 2023): Promise<string[]> {
    const rows = await ctx.db.db
      .selectFrom('notifications')
      .select('region_code')
      .where('kind', '=', 'report_late')
      .where('link', '=', reportsLink(year, period))
      .orderBy('region_code')
      .execute();
    return rows.map((r) => r.region_code);
  }

  beforeAll(async () => {
    // 2023's plan in 海口 (two counties) and 武汉; 三亚 has communities, but in 2022's plan only.
    await importList([
      '460106,滨海一村,1990,5,90,7000,200,2023',
      '460105,秀英小区,1993,3,40,3000,90,2023',
      '420106,武昌小区,1988,6,120,9000,300,2023',
      '460202,鹿城小区,1995,3,30,2500,80,2022',
    ]);
    // 龙华区 reports February in time.
    await submitReport(
      ctx.db.db,
      await actorAt(ctx.db.db, '460106', 'county'),
      '460106',
      2023,
      '2023-02',
      beijing('2023-03-03T10:00:00'),
    );
  });

  it('notifies each unit owing the month once, however often it runs; not who reported or has no plan', async () => {
    const at = beijing('2023-03-06T09:00:00'); // February fell due on the 5th (the default)
    const first = await sendLateNotices(ctx.db.db, at);
    const owing = [
      '420000/2023-02',
      '420100/2023-02',
      '420106/2023-02',
      '460000/2023-02',
      '460100/2023-02',
      '460105/2023-02',
    ];
    expect(keys(first.overdue)).toEqual(owing);
    expect(keys(first.notified)).toEqual(owing);
    expect(first.notified.find((u) => u.code === '460105')).toEqual({
      code: '460105',
      name: '秀英区',
      planYear: 2023,
      period: '2023-02',
      dueDate: '2023-03-05',
    });

    const again = await sendLateNotices(ctx.db.db, beijing('2023-03-20T09:00:00'));
    expect(keys(again.overdue)).toEqual(owing);
    expect(again.notified).toEqual([]);
    expect(await noticesFor('2023-02')).toEqual(owing.map((k) => k.slice(0, 6)));

    const audit = await listAudit(ctx.db.db, 'monthly_report.auto_remind');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_username: 'system', target: '2023-02' });
  });

  it('waits for the due day each province sets', async () => {
    await setDueDay(
      ctx.db.db,
      await actorAt(ctx.db.db, '460000', 'province'),
      '460000',
      10,
      beijing('2023-03-25T09:00:00'),
    );
    // 湖北 (the 5th) owes March; 海南 (the 10th) only February, already notified.
    const hubei = await sendLateNotices(ctx.db.db, beijing('2023-04-08T09:00:00'));
    expect(keys(hubei.notified)).toEqual(['420000/2023-03', '420100/2023-03', '420106/2023-03']);
    expect(keys(hubei.overdue)).toContain('460105/2023-02');
    // The 10th ends at midnight in Beijing: 海南 owes March from then, 龙华区 too this time.
    expect((await sendLateNotices(ctx.db.db, beijing('2023-04-10T23:59:00'))).notified).toEqual([]);
    const hainan = await sendLateNotices(ctx.db.db, beijing('2023-04-11T00:01:00'));
    expect(keys(hainan.notified)).toEqual([
      '460000/2023-03',
      '460100/2023-03',
      '460105/2023-03',
      '460106/2023-03',
    ]);
    expect(hainan.notified[0]!.dueDate).toBe('2023-04-10');
  });

  it('the server runs it at start and then on its interval, each unit still notified once; failures are logged', async () => {
    const { lines, log } = keptLog();
    let runs = 0;
    const timer = startLateNotices(ctx.db.db, log, {
      everyMs: 30,
      now: () => {
        runs += 1; // one call per run: the signal that the timer ran again
        return beijing('2023-05-11T08:00:00');
      },
    });
    await vi.waitFor(async () => expect(await noticesFor('2023-04')).toHaveLength(7), {
      timeout: 20_000,
    });
    const after = runs;
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(after + 3), { timeout: 20_000 });
    await timer.stop();
    expect(await noticesFor('2023-04')).toEqual([
      '420000',
      '420100',
      '420106',
      '460000',
      '460100',
      '460105',
      '460106',
    ]);
    expect(lines.filter((l) => l.level === 'info').map((l) => l.msg)).toEqual([
      '已自动提醒 7 个逾期未报月报的单位',
    ]);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);

    // A database that is gone: the run fails, the failure is logged and nothing is thrown.
    const closed = await openDatabase(ctx.url);
    await closed.destroy();
    const broken = keptLog();
    const failing = startLateNotices(closed.db, broken.log, { everyMs: 60_000 });
    await vi.waitFor(() => expect(broken.lines).toHaveLength(1), { timeout: 20_000 });
    await failing.stop();
    expect(broken.lines[0]).toMatchObject({
      level: 'error',
      msg: '自动提醒逾期未报月报失败，下次定时再试',
    });
  });

  it('serve sends them from start to close, and the unit finds them under its bell', async () => {
    // Relative to today: a community in the plan of the month 三亚 owes now (海南's due day is 10).
    const period = lastOverduePeriod(new Date(), 10);
    const year = Number(period.slice(0, 4));
    await importList([`460202,海棠新村,1996,2,50,4000,100,${year}`]);
    const app = await buildApp({ db: ctx.db, serveWeb: false, lateNotices: true });
    try {
      await app.ready();
      await vi.waitFor(
        async () => expect(await noticesFor(period, year)).toEqual(['460000', '460200', '460202']),
        { timeout: 20_000 },
      );
      await addUser(ctx.db.db, 'haitang', '460202', ['county']);
      const county = await loginAs(app, 'haitang');
      const bell = (await county.get(`/api/notifications?year=${year}`)).json().items;
      expect(bell).toContainEqual({
        kind: 'report_late',
        message: expect.stringMatching(
          new RegExp(
            `^海棠区${Number(period.slice(0, 4))}年${Number(period.slice(5))}月月报已逾期未报（应于 \\S+ 前上报）`,
          ),
        ),
        link: reportsLink(year, period),
        at: expect.any(String),
      });
    } finally {
      await app.close();
    }
  });

  // Several server processes on one PostgreSQL: the key, not memory, keeps a notice to one. (One
  // SQLite file is written by one process at a time, which the CLI test runs twice at once.)
  if (ctx.engine === 'postgres')
    it('a run meeting another connection’s uncommitted claim waits for it and sends nothing twice', async () => {
      const other = await openDatabase(ctx.url);
      try {
        const at = beijing('2023-06-12T08:00:00');
        let claimed!: () => void;
        let commit!: () => void;
        const claimedThere = new Promise<void>((r) => (claimed = r));
        const held = new Promise<void>((r) => (commit = r));
        const there = other.db.transaction().execute(async (trx) => {
          await claimReminders(trx, [
            {
              unit_code: '460105',
              plan_year: 2023,
              period: '2023-05',
              due_date: '2023-06-10',
              notified_at: at.toISOString(),
            },
          ]);
          claimed();
          await held;
        });
        await claimedThere;
        let settled = false;
        const run = sendLateNotices(ctx.db.db, at).finally(() => (settled = true));
        // The signal: PostgreSQL itself shows a session waiting on a lock to write its reminder.
        await vi.waitFor(
          async () => {
            const { rows } = await sql<{ waiting: number }>`
              select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'
              and query like '%report_reminders%'`.execute(ctx.db.db);
            expect(rows[0]!.waiting).toBeGreaterThan(0);
          },
          { timeout: 20_000 },
        );
        expect(settled).toBe(false); // waiting on the other connection's key
        commit();
        await there;
        const { overdue, notified } = await run;
        expect(keys(overdue)).toContain('460105/2023-05');
        expect(keys(notified)).not.toContain('460105/2023-05');
        expect(keys(notified)).toContain('460106/2023-05');
      } finally {
        await other.destroy();
      }
    });
});
