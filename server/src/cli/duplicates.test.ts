/** `gaizao duplicates` as an operator runs it after an upgrade: a real process on a real SQLite file. */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../bootstrap.ts';
import { placeOf, unscanned } from '../test-support/communities.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gaizao-cli-duplicates-'));
const db = join(dir, 'ledger.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function gaizao(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/src/cli/main.ts', 'duplicates', ...args, '--db', db],
      { env: { ...process.env, DATABASE_URL: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('gaizao duplicates', () => {
  beforeAll(async () => {
    // Two districts of Haikou with one address written two ways, stored unpaired: as a ledger
    // stood before an upgrade that pairs by address.
    const ledger = await openDatabase(db);
    try {
      await ledger.db
        .insertInto('communities')
        .values([
          unscanned(placeOf('460105', '460100'), '滨江甲', '海口市滨江路七号'),
          unscanned(placeOf('460106', '460100'), '滨江乙', '海口市滨江路7号'),
        ])
        .execute();
    } finally {
      await ledger.destroy();
    }
  });

  it('records the pairs found, says how many are left to settle, and refuses an unknown region', async () => {
    const elsewhere = await gaizao('--scope', '44', '--json');
    expect(elsewhere).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(elsewhere.stdout)).toEqual({ prefectures: 0, suspected: 0 });

    const haikou = await gaizao('--scope', '460106');
    expect(haikou).toMatchObject({ code: 0, stderr: '' });
    expect(haikou.stdout.trim()).toBe(
      '已排查龙华区的小区所在的 1 个地级单位：待确认的疑似重复 1 对（在台账中勾选“只看疑似重复”查看）',
    );
    // again, the whole country: the same pair, recorded once
    expect(JSON.parse((await gaizao('--json')).stdout)).toEqual({ prefectures: 1, suspected: 1 });
    const ledger = await openDatabase(db);
    try {
      const pairs = await ledger.db.selectFrom('duplicate_pairs').selectAll().execute();
      expect(pairs).toHaveLength(1);
      expect(pairs[0]!.status).toBe('suspected');
    } finally {
      await ledger.destroy();
    }

    const unknown = await gaizao('--scope', '999999');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知区划：999999');
  }, 120_000);
});
