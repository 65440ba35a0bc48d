/**
 * The load test's database (npm run bench:load): a fresh PostgreSQL database with the national
 * region tree, one account per ledger unit (县级台账单位, 2,980 nationally), each with one community
 * in the plan of the reported month's year, city accounts for the rest of the reporting units, and
 * the viewers: province and ministry accounts. Written through the project's own modules; one argon2 hash serves every account, as
 * hashing 3,300 passwords would take minutes and measures nothing the test is about.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../server/src/bootstrap.ts';
import type { Database } from '../../server/src/db/schema.ts';
import { hashPassword } from '../../server/src/modules/auth/password.ts';
import { importProjectList } from '../../server/src/modules/ledger/import/import.service.ts';
import { insertUser } from '../../server/src/modules/users/users.repository.ts';
import { SYSTEM_ACTOR } from '../../server/src/modules/users/users.service.ts';

export const LOAD_PASSWORD = 'load-test-password-1';

export interface Seeded {
  /** unit accounts, `unit-<code>`: ledger units (county), then cities when more are asked for */
  units: { username: string; code: string; role: 'county' | 'city' }[];
  /** province (and every tenth a ministry) accounts that refresh the views, with their scope */
  viewers: { username: string; scope: string }[];
}

/** Drops and creates the database `name` on the server at `adminUrl` (…/postgres). */
export async function recreateDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export async function seed(
  url: string,
  opts: { units: number; viewers: number; planYear: number; dir: string },
): Promise<Seeded> {
  const db = await openDatabase(url);
  try {
    const ledger = await regionsOf(db.db, true);
    const picked = spread(ledger, Math.min(opts.units, ledger.length));
    await importCommunities(db.db, picked, opts.planYear, opts.dir);
    // 2,980 county-level ledger units nationally: the rest of the reporting units are cities
    // (市级住建部门 report their own month too).
    const cities = spread(await regionsOf(db.db, false), opts.units - picked.length);
    if (picked.length + cities.length < opts.units)
      throw new Error(`区划表中的上报单位少于所需的 ${opts.units} 个`);
    const provinces = await db.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 'province')
      .orderBy('code')
      .execute();
    const passwordHash = await hashPassword(LOAD_PASSWORD);
    const now = new Date();
    const units = [
      ...picked.map((r) => ({ code: r.code, role: 'county' as const })),
      ...cities.map((r) => ({ code: r.code, role: 'city' as const })),
    ].map((u) => ({ ...u, username: `unit-${u.code}` }));
    for (const u of units)
      await insertUser(db.db, {
        username: u.username,
        displayName: u.username,
        passwordHash,
        regionCode: u.code,
        roles: [u.role],
        now,
      });
    const viewers: Seeded['viewers'] = [];
    for (let i = 0; i < opts.viewers; i++) {
      const ministry = i % 10 === 9;
      const username = `viewer-${i}`;
      const region = ministry ? '000000' : provinces[i % provinces.length]!.code;
      await insertUser(db.db, {
        username,
        displayName: username,
        passwordHash,
        regionCode: region,
        roles: [ministry ? 'ministry' : 'province'],
        now,
      });
      viewers.push({ username, scope: ministry ? 'all' : region });
    }
    return { units, viewers };
  } finally {
    await db.destroy();
  }
}

/** Ledger units (county level), or the prefectures above them that are not ledger units. */
const regionsOf = (db: Kysely<Database>, ledger: boolean) =>
  db
    .selectFrom('regions')
    .select(['code', 'level'])
    .where('is_ledger_unit', '=', ledger ? 1 : 0)
    .where('level', 'in', ledger ? ['county', 'prefecture'] : ['prefecture'])
    .orderBy('code')
    .execute();

/** `n` of the rows, evenly spread over the country (all of them when n is their number). */
const spread = <T>(rows: T[], n: number): T[] =>
  Array.from({ length: n }, (_, i) => rows[Math.floor((i * rows.length) / n)]!);

/** One community a unit, in the plan of `planYear`, through the csv import (the CLI's `import`). */
async function importCommunities(
  db: Parameters<typeof importProjectList>[0],
  units: { code: string }[],
  planYear: number,
  dir: string,
): Promise<void> {
  const csv = join(dir, 'communities.csv');
  const header =
    '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';
  const lines = units.map((u, i) => `${u.code},压测小区${i + 1},1990,4,80,6000,180,${planYear}`);
  writeFileSync(csv, [header, ...lines].join('\n'));
  const report = await importProjectList(db, SYSTEM_ACTOR, csv, { dryRun: false });
  if (report.errors.length)
    throw new Error(`导入压测小区失败：${JSON.stringify(report.errors.slice(0, 3))}`);
}
