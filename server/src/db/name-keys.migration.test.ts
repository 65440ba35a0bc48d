/**
 * Migration 0016: stored name keys become orthographic keys (the suffix kept), and back. Run on
 * communities imported through the app, with the migration's functions called directly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { importProjectList } from '../modules/ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import * as m0016 from './migrations/0016_orthographic_name_keys.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-name-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachEngine('migration 0016: orthographic name keys', (ctx) => {
  it('re-keys stored names down (suffix stripped, a taken key kept) and up (orthographic)', async () => {
    const path = join(dir, `ledger-${ctx.engine}.csv`);
    writeFileSync(
      path,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,机械厂家属院,1990,3,60,5000,100,2023',
        '460106,机械厂小区,1990,3,60,5000,100,2023',
        '460106,建设路三号院,1990,3,60,5000,100,2023',
        '460106,幸福花园,1990,3,60,5000,100,2023',
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false })).errors,
    ).toEqual([]);
    const keys = async () =>
      (
        await ctx.db.db
          .selectFrom('communities')
          .select(['name', 'name_key'])
          .orderBy('id')
          .execute()
      ).map((r) => [r.name, r.name_key]);
    const orthographic = [
      ['机械厂家属院', '机械厂家属院'],
      ['机械厂小区', '机械厂小区'],
      ['建设路三号院', '建设路3号院'],
      ['幸福花园', '幸福花园'],
    ];
    expect(await keys()).toEqual(orthographic);
    const db = ctx.db.db as unknown as Kysely<unknown>;
    await m0016.down(db);
    expect(await keys()).toEqual([
      ['机械厂家属院', '机械厂'],
      ['机械厂小区', '机械厂小区'], // 机械厂 is taken by the lower id
      ['建设路三号院', '建设路3号'],
      ['幸福花园', '幸福花园'],
    ]);
    await m0016.up(ctx.db.dialect)(db);
    expect(await keys()).toEqual(orthographic);
  });
});
