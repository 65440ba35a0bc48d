/** The command line as a user runs it: a real process on a real SQLite file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gaizao-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function gaizao(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/main.ts', ...args, '--db', db],
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
      'wuhan-2026-ok',
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('已创建用户 wuhan（武汉市，市级住建部门）');

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
  }, 60_000);

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
  }, 60_000);

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
      'abcdefgh12',
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
    expect((await gaizao('frobnicate')).code).toBe(2);
    expect((await gaizao('users', 'add', '--bogus')).stderr).toContain('参数有误');
  }, 60_000);
});
