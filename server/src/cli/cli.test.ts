/** The command line as a user runs it: a real process on a real SQLite file. */
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../bootstrap.ts';
import { assessAndPassAll } from '../test-support/fiscal.ts';
import { declareProvinceSubmitted } from '../test-support/declarations.ts';
import { HAINAN_PROJECT_LIST, SAMPLES_DIR } from '../test-support/samples.ts';
import { importProjectList } from '../modules/ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gaizao-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gaizao = (...args: string[]) => gaizaoOn(db, ...args);

async function gaizaoOn(
  file: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/main.ts', ...args, '--db', file],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('gaizao users', () => {
  it('adds, lists and disables accounts, creating and migrating the database on first use', async () => {
    const add = await gaizao(
      'users',
      'add',
      '--username',
      'wuhan',
      '--name',
      '武汉市住建局',
      '--region',
      '420100',
      '--role',
      'city',
      '--password',
      'Jiang-2026-ok',
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('已创建用户 wuhan（武汉市，市级住建部门）');
    expect(add.stdout).toContain('首次登录时须修改');

    const list = await gaizao('users', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      {
        username: 'wuhan',
        displayName: '武汉市住建局',
        region: '420100',
        roles: ['city'],
        disabled: false,
      },
    ]);

    expect((await gaizao('users', 'disable', '--username', 'wuhan')).code).toBe(0);
    expect(JSON.parse((await gaizao('users', 'list', '--json')).stdout)[0].disabled).toBe(true);
  }, 240_000);

  it('generates a password that meets the policy when none is given', async () => {
    const add = await gaizao(
      'users',
      'add',
      '--username',
      'hb',
      '--region',
      '420000',
      '--role',
      'province,province_ndrc',
    );
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/初始密码：\S{10,}/);
  }, 240_000);

  it('answers bad input in Chinese with exit status 2 and no stack trace', async () => {
    const unknownRegion = await gaizao(
      'users',
      'add',
      '--username',
      'x1',
      '--region',
      '999999',
      '--role',
      'city',
      '--password',
      'Abcdefgh-12',
    );
    expect(unknownRegion.code).toBe(2);
    expect(unknownRegion.stderr).toContain('区划 999999 不存在');
    expect(unknownRegion.stderr).not.toMatch(/\n\s+at /);
    const badRole = await gaizao(
      'users',
      'add',
      '--username',
      'x2',
      '--region',
      '420100',
      '--role',
      'mayor',
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('未知角色：mayor');
    // 三员分立: the command line creates accounts through the same rule as the API.
    for (const [roles, message] of [
      ['security_admin,audit_admin', '三员分立：安全管理员、审计管理员不能由同一账号兼任'],
      ['admin,ministry', '三员分立：系统管理员不能兼任其他角色（住房和城乡建设部）'],
    ]) {
      const both = await gaizao(
        'users',
        'add',
        '--username',
        'x4',
        '--region',
        '000000',
        '--role',
        roles!,
        '--password',
        'Abcdefgh-12',
      );
      expect(both.code, roles).toBe(2);
      expect(both.stderr, roles).toContain(message);
    }
    const weak = await gaizao(
      'users',
      'add',
      '--username',
      'x3',
      '--region',
      '420100',
      '--role',
      'city',
      '--password',
      'weak',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码长度至少为10位');
    for (const [pw, message] of [
      ['Password12', '过于常见'],
      ['aaaaaaaaa1', '至少三类'],
      ['Haikou3-2026!', '不能包含用户名'],
    ]) {
      const refused = await gaizao(
        'users',
        'add',
        '--username',
        'haikou3',
        '--region',
        '420100',
        '--role',
        'city',
        '--password',
        pw!,
      );
      expect(refused.code, pw).toBe(2);
      expect(refused.stderr, pw).toContain(message);
    }
    expect((await gaizao('frobnicate')).code).toBe(2);
    const bogus = await gaizao('users', 'add', '--bogus');
    expect(bogus.stderr).toContain('参数有误：未知选项 --bogus');
    expect(bogus.stderr).not.toMatch(/Unknown option/);
    expect((await gaizao('users', 'add', '--username')).stderr).toContain(
      '参数有误：选项 --username 需要一个值',
    );
    // A command's --help is the usage, not an unknown option.
    const help = await gaizao('serve', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法：gaizao <命令> [选项]');
  }, 240_000);
});

describe('gaizao import, export, plan-table, check', () => {
  const sample = SAMPLES_DIR;
  it('imports a project list (0), refuses it again naming every line (1), and an unreadable file (2)', async () => {
    const ok = await gaizao('import', join(sample, 'hainan-2022-project-list.csv'));
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('项目清单已导入：52 个小区');
    const again = await gaizao('import', join(sample, 'hainan-2022-project-list.csv'), '--json');
    expect(again.code).toBe(1);
    const errors = JSON.parse(again.stdout) as {
      line: number;
      column: string;
      value: string;
      message: string;
    }[];
    expect(errors).toHaveLength(52);
    expect(Object.keys(errors[0]!)).toEqual(['line', 'column', 'value', 'message']);
    const unreadable = await gaizao('import', join(sample, 'README.md'));
    expect(unreadable.code).toBe(1);
    const missing = await gaizao('import', join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法读取/);
  }, 240_000);

  it('exports the ledger as csv to standard output', async () => {
    const out = await gaizao('export', '--scope', '46', '--year', '2022', '--format', 'csv');
    expect(out.code).toBe(0);
    expect(out.stdout.split('\r\n').filter(Boolean)).toHaveLength(53);
    expect((await gaizao('export', '--format', 'pdf')).code).toBe(2);
  }, 240_000);

  it('stops quietly when its reader closes (gaizao export | head), and names a file it cannot write', async () => {
    for (const format of ['csv', 'xlsx']) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'server/src/cli/main.ts', 'export', '--format', format, '--db', db],
        { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      child.stdout.destroy(); // the reader is gone before the first byte
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
      const [code] = (await once(child, 'close')) as [number];
      expect({ format, code, stderr }).toEqual({ format, code: 0, stderr: '' });
    }
    const bad = await gaizao('export', '--out', join(dir, 'no-such-folder', 'ledger.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('无法写入');
    expect(bad.stderr).not.toContain('Node.js v'); // no crash, no unhandled rejection
  }, 240_000);

  it('prints the plan table of the worked example and passes the checks; a failing plan exits 1', async () => {
    const table = await gaizao('plan-table', '--province', '46', '--year', '2022');
    expect(table.code).toBe(0);
    const expected = readFileSync(join(sample, 'hainan-2022-plan-table.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(
      table.stdout
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/),
    ).toEqual(expected);
    expect((await gaizao('plan-table', '--province', '99', '--year', '2022')).code).toBe(2);
    // Without --year: the year being declared, here the latest with plans (2022's deadline is past).
    expect((await gaizao('plan-table', '--province', '46')).stdout).toBe(table.stdout);
    // Without the cities' and counties' fiscal-capacity assessments the province may not submit:
    // that check, and only that one, fails; once each is recorded and passed, all pass.
    const unassessed = await gaizao('check', '--province', '46', '--year', '2022', '--json');
    expect(unassessed.code).toBe(1);
    const failing = (
      JSON.parse(unassessed.stdout) as { checks: { id: string; passed: boolean }[] }
    ).checks
      .filter((c) => !c.passed)
      .map((c) => c.id);
    expect(failing).toEqual(['fiscal_assessed']);
    const opened = await openDatabase(db);
    await assessAndPassAll(opened.db, '460000', 2022);
    await opened.destroy();
    expect((await gaizao('check', '--province', '46', '--year', '2022')).code).toBe(0);
    const late = join(dir, 'late.csv');
    writeFileSync(
      late,
      '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度\n460106,世纪花园,2004,30,1500,150000,3000,2022\n',
    );
    expect((await gaizao('import', late)).code).toBe(0);
    const failed = await gaizao('check', '--province', '460000', '--year', '2022', '--json');
    expect(failed.code).toBe(1);
    const report = JSON.parse(failed.stdout);
    expect(report.checks.find((c: { id: string }) => c.id === 'post_cutoff_share')).toMatchObject({
      passed: false,
      rows: expect.arrayContaining([expect.objectContaining({ name: '世纪花园' })]),
    });
  }, 300_000);
});

describe('gaizao plan-table --version', () => {
  const file = join(dir, 'versions.db');
  it('prints a submitted version as frozen, the same bytes each time, whatever the ledger does since', async () => {
    const opened = await openDatabase(file);
    await importProjectList(opened.db, SYSTEM_ACTOR, HAINAN_PROJECT_LIST, { dryRun: false });
    await assessAndPassAll(opened.db, '460000', 2022);
    const hash = await declareProvinceSubmitted(opened.db, '460000', 2022, join(dir, 'uploads'));
    const snap = await opened.db
      .selectFrom('declaration_snapshots')
      .select('content')
      .where('kind', '=', 'submission')
      .where('unit_code', '=', '460000')
      .executeTakeFirstOrThrow();
    await opened.destroy();
    const table = (JSON.parse(snap.content) as { table: { values: unknown[] }[] }).table;

    const args = ['plan-table', '--province', '46', '--year', '2022'];
    const json = await gaizaoOn(file, ...args, '--version', 'signed', '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      basis: 'version',
      version: { number: 1, hash },
      blocks: [{ rows: table }],
    });
    const x1 = join(dir, 'v1-a.xlsx');
    const x2 = join(dir, 'v1-b.xlsx');
    expect((await gaizaoOn(file, ...args, '--version', '1', '--out', x1)).code).toBe(0);
    const csv1 = await gaizaoOn(file, ...args, '--version', '1');

    // The ledger changes: the live table follows, the version does not.
    const again = await openDatabase(file);
    await again.db.updateTable('communities').set({ households: 9999 }).execute();
    await again.destroy();
    const live = await gaizaoOn(file, ...args);
    expect(live.stdout).not.toBe(csv1.stdout);
    expect(live.stdout).toContain('9999');
    expect((await gaizaoOn(file, ...args, '--version', '1', '--out', x2)).code).toBe(0);
    expect(readFileSync(x2).equals(readFileSync(x1))).toBe(true);
    expect((await gaizaoOn(file, ...args, '--version', 'signed')).stdout).toBe(csv1.stdout);

    const missing = await gaizaoOn(file, ...args, '--version', '7');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('海南省2022年度计划第 7 版不存在');
    expect((await gaizaoOn(file, ...args, '--version', 'latest')).code).toBe(2);
  }, 300_000);
});
