/**
 * Issue 9 §2 and §4 end to end, on both engines: a plan year's rules bite in that year's plan
 * checks (not at intake), and a community already subsidised (history list) or already in an
 * accepted plan of an earlier year cannot be declared again.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { declareAccepted } from '../../test-support/declarations.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { communityDetail, updateCommunity } from '../ledger/communities.service.ts';
import { importSubsidyHistory } from '../ledger/import/history-import.service.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { updateProject } from '../projects/projects.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { checkPlan } from './plan-table.service.ts';
import { addPolicy } from './policies.service.ts';
import { assessAndPassAll } from '../../test-support/fiscal.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gaizao-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PROJECTS =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';
function file(name: string, header: string, ...rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [header, ...rows].join('\n'));
  return path;
}

/** The CLI as a user runs it, on the test's database (SQLite file or PostgreSQL URL). */
async function gaizao(url: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/main.ts', ...args, '--db', url],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** `gaizao check` as a user runs it, on the test's database (SQLite file or PostgreSQL URL). */
async function cliCheck(url: string, region: string, year: number) {
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/src/cli/main.ts',
        'check',
        '--province',
        region,
        '--year',
        String(year),
        '--json',
        '--db',
        url,
      ],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    return {
      code: 0,
      report: JSON.parse(stdout) as {
        checks: { id: string; outcome: string; passed: boolean; message: string }[];
      },
    };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return {
      code: err.code,
      report: JSON.parse(err.stdout) as {
        checks: { id: string; outcome: string; passed: boolean; message: string }[];
      },
    };
  }
}

const check = async (db: Kysely<Database>, region: string, year: number, id: string) =>
  (await checkPlan(db, SYSTEM_ACTOR, region, year)).checks.find((c) => c.id === id)!;

async function communityNamed(db: Kysely<Database>, name: string) {
  const row = await db
    .selectFrom('communities')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return communityDetail(db, SYSTEM_ACTOR, row.id);
}

/** The community's editable fields as the form sends them, with changes. */
async function edit(
  db: Kysely<Database>,
  name: string,
  change: { planYear?: number; name?: string },
) {
  const c = await communityNamed(db, name);
  return updateCommunity(db, SYSTEM_ACTOR, c.id, c.version, {
    regionCode: c.regionCode,
    name: change.name ?? c.name,
    buildYear: c.buildYear,
    buildings: c.buildings,
    households: c.households,
    floorArea: c.floorArea,
    investment: c.investment,
    planYear: change.planYear ?? c.planYear,
  });
}

describeEachEngine('the plan year’s rules, where the notice applies them', (ctx) => {
  it('stores a 2008 community in the 储备 pool; the 2022 check refuses it with the policy’s text; a 2010 cut-off lets it pass in its year', async () => {
    const db = ctx.db.db;
    const report = await importProjectList(
      db,
      SYSTEM_ACTOR,
      file(
        `late-${ctx.engine}.csv`,
        PROJECTS,
        '460106,新城家园,2008,6,240,18000,300,2022',
        '460106,老街小区,1990,4,200,12000,200,2022',
      ),
      { dryRun: false },
    );
    expect(report).toMatchObject({ imported: 2, errorCount: 0 });
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        line: 2,
        column: '建成年份',
        message: expect.stringContaining('不能列入2022年度计划'),
      }),
    );
    const late = await communityNamed(db, '新城家园');
    const project = late.projects[0]!;
    await updateProject(db, SYSTEM_ACTOR, project.id, { version: 1, pool: 'reserve' });
    expect((await communityNamed(db, '新城家园')).projects[0]!.pool).toBe('reserve');
    expect(await check(db, '460000', 2022, 'latest_build_year')).toMatchObject({
      passed: true,
      outcome: 'passed',
    });

    // Declared in the 2022 plan: that year's rule refuses it, in its own words.
    await updateProject(db, SYSTEM_ACTOR, project.id, { version: 2, pool: 'implement' });
    const refused = await check(db, '460000', 2022, 'latest_build_year');
    expect(refused).toMatchObject({
      passed: false,
      severity: 'blocking',
      outcome: 'built_too_late',
      rows: [expect.objectContaining({ name: '新城家园' })],
    });
    expect(refused.message).toContain(
      '2000年底后建成小区纳入改造计划的，建成年限不得晚于2005年底（2022年度政策，建办城〔2021〕28号）',
    );
    const cli2022 = await cliCheck(ctx.url, '46', 2022);
    expect(cli2022.code).toBe(1);
    expect(cli2022.report.checks.find((c) => c.id === 'latest_build_year')).toMatchObject({
      passed: false,
      outcome: 'built_too_late',
    });

    // A later year's policy with a 2010 cut-off: the same community passes in that year.
    await addPolicy(db, SYSTEM_ACTOR, 2024, {
      cutoffYear: 2010,
      latestBuildYear: 2010,
      source: '测试：2024年度政策',
    });
    await edit(db, '新城家园', { planYear: 2024 });
    expect(await check(db, '460000', 2024, 'latest_build_year')).toMatchObject({
      passed: true,
      outcome: 'passed',
    });
    expect(await check(db, '460000', 2024, 'post_cutoff_share')).toMatchObject({ passed: true });
    expect((await communityNamed(db, '新城家园')).yearBucket).toBe('before');
    // The 2024 plan's units have their fiscal capacity assessed and passed, so only the rule counts.
    await assessAndPassAll(db, '460000', 2024);
    const cli2024 = await cliCheck(ctx.url, '46', 2024);
    expect(cli2024.report.checks.find((c) => c.id === 'latest_build_year')).toMatchObject({
      passed: true,
    });
    expect(cli2024.code).toBe(0);
    // And 2022 passes again now that it left that year's plan.
    expect(await check(db, '460000', 2022, 'latest_build_year')).toMatchObject({ passed: true });
  }, 240_000);
});

describeEachEngine('already subsidised or declared, from the records', (ctx) => {
  it('imports a 2021 subsidised list as history, all or nothing, and never into a plan', async () => {
    const db = ctx.db.db;
    const header = '区划代码,小区名称,中央补助年度,建成年份,居民户数,备注';
    const good = file(
      `history-${ctx.engine}.csv`,
      header,
      '460106,红旗小区,2021,1985,320,2021年第一批',
      '460106,椰海花园北区,2021,,,',
      '460105,海秀新村,2021,1992,150,',
    );
    const report = await importSubsidyHistory(db, SYSTEM_ACTOR, good, { dryRun: false });
    expect(report).toMatchObject({
      kind: 'subsidised-history',
      rows: 3,
      imported: 3,
      errorCount: 0,
    });
    const stored = await db
      .selectFrom('subsidy_history')
      .select(['name', 'subsidy_year', 'households', 'notes'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { name: '红旗小区', subsidy_year: 2021, households: 320, notes: '2021年第一批' },
      { name: '椰海花园北区', subsidy_year: 2021, households: null, notes: '' },
      { name: '海秀新村', subsidy_year: 2021, households: 150, notes: '' },
    ]);
    expect(await db.selectFrom('communities').select('id').execute()).toEqual([]);
    // Again: refused, naming the stored entry; and a bad year names its line and column.
    const again = await importSubsidyHistory(db, SYSTEM_ACTOR, good, { dryRun: true });
    expect(again.errors[0]).toMatchObject({
      line: 2,
      column: '小区名称',
      message: expect.stringContaining('历史清单中已有'),
    });
    const bad = await importSubsidyHistory(
      db,
      SYSTEM_ACTOR,
      file(
        `bad-history-${ctx.engine}.csv`,
        header,
        '460106,新华小区,二〇二一,,,',
        '460106,新华小区二期,2021,,,',
      ),
      { dryRun: false },
    );
    expect(bad.errors).toEqual([
      expect.objectContaining({ line: 2, column: '中央补助年度', value: '二〇二一' }),
    ]);
    expect(bad.imported).toBe(0);
    expect(await db.selectFrom('subsidy_history').select('id').execute()).toHaveLength(3);
    // The CLI takes the same file as history when told its kind (and refuses it again here).
    const cli = await gaizao(ctx.url, 'import', good, '--kind', 'subsidised-history', '--dry-run');
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('第 2 行 [小区名称]');
    expect(cli.stderr).toContain('已获中央补助的历史清单');
    const more = file(`more-history-${ctx.engine}.csv`, header, '460107,府城老街小区,2020,,,');
    const added = await gaizao(ctx.url, 'import', more, '--kind', 'subsidised-history');
    expect(added.code).toBe(0);
    expect(added.stderr).toContain('已获中央补助的历史清单已导入：1 条');
    expect(await db.selectFrom('subsidy_history').select('id').execute()).toHaveLength(4);
  }, 120_000);

  it('fails the 2022 check for a community of the 2021 list, and asks a justification for a near name', async () => {
    const db = ctx.db.db;
    await importProjectList(
      db,
      SYSTEM_ACTOR,
      file(
        `p2022-${ctx.engine}.csv`,
        PROJECTS,
        '460106,红旗小区,1985,8,320,20000,500,2022',
        '460106,椰海花苑北区,1995,4,100,8000,150,2022',
        '460106,滨江小区,1995,4,100,8000,150,2022',
      ),
      { dryRun: false },
    );
    const subsidised = await check(db, '460000', 2022, 'subsidised');
    expect(subsidised).toMatchObject({
      passed: false,
      severity: 'blocking',
      outcome: 'already_subsidised',
    });
    expect(subsidised.rows).toEqual([
      expect.objectContaining({
        name: '红旗小区',
        detail: expect.stringContaining('已纳入2021年中央补助计划'),
      }),
      expect.objectContaining({
        name: '椰海花苑北区',
        detail: expect.stringContaining('疑似重复'),
      }),
    ]);
    const cli = await cliCheck(ctx.url, '46', 2022);
    expect(cli.code).toBe(1);
    expect(cli.report.checks.find((c) => c.id === 'subsidised')!.outcome).toBe(
      'already_subsidised',
    );
  }, 120_000);

  it('refuses re-declaring in 2023 a community of an accepted 2022 plan, and moving it to another year', async () => {
    const db = ctx.db.db;
    await importProjectList(
      db,
      SYSTEM_ACTOR,
      file(`q2022-${ctx.engine}.csv`, PROJECTS, '460107,云龙老街小区,1990,5,120,9000,180,2022'),
      { dryRun: false },
    );
    await declareAccepted(db, '460107', 2022);
    await expect(edit(db, '云龙老街小区', { planYear: 2023 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(
        '已列入2022年度琼山区计划（第 1 版，已接收），不能改为其他计划年度',
      ),
    });
    // Renamed since, and the old name declared again in 2023: the same community by its name.
    await edit(db, '云龙老街小区', { name: '云龙老街（东区）' });
    await importProjectList(
      db,
      SYSTEM_ACTOR,
      file(
        `q2023-${ctx.engine}.csv`,
        PROJECTS,
        '460107,云龙老街小区,1990,5,120,9000,180,2023',
        '460107,云龙老街（东区)二,1990,5,120,9000,180,2023',
      ),
      { dryRun: false },
    );
    const declared = await check(db, '460107', 2023, 'already_declared');
    expect(declared).toMatchObject({
      passed: false,
      severity: 'blocking',
      outcome: 'already_declared',
    });
    expect(declared.rows).toContainEqual(
      expect.objectContaining({
        name: '云龙老街小区',
        detail: expect.stringContaining('已列入2022年度琼山区计划（第 1 版，已接收）'),
      }),
    );
    expect(await check(db, '460107', 2022, 'already_declared')).toMatchObject({ passed: true });
  }, 240_000);
});
