/**
 * A ledger for the progress and consultations imports (issue 9 §3): `size` communities of 100
 * households in 龙华区 (460106), numbered 样本小区1…, none consulted; 样本小区1 and 样本小区2 one
 * project; and users of the roles the imports and the consent thresholds treat differently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import type { EngineContext } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { mergeIntoProject } from '../projects/projects.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

export const Y = 2026;
export const NOW = new Date('2026-11-25T08:00:00Z');
export const PROGRESS_HEADER = '区划代码,小区名称,计划年度,报告期,居民同意户数,开工日期';

export interface ImportWorld {
  app: App;
  dir: string;
  /** ids of 样本小区1…size, in order */
  ids: number[];
  /** root: national administrator */
  root: Client;
  /** hn: 海南省 (province role) */
  hainan: Client;
  /** gd: 广东省 (province role) */
  guangdong: Client;
  /** longhua: 龙华区 (county) */
  county: Client;
  /** tongji: 龙华区 statistics (reads only) */
  stats: Client;
  /** Writes a csv of `lines` in the scratch folder and returns its path. */
  csv(name: string, lines: string[]): string;
}

export function importWorld(ctx: EngineContext, size: number): ImportWorld {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-progress-import-'));
  const world = {
    dir,
    csv: (name: string, lines: string[]) => {
      const path = join(dir, `${name}-${ctx.engine}.csv`);
      writeFileSync(path, lines.join('\n'));
      return path;
    },
  } as ImportWorld;
  beforeAll(async () => {
    world.app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir: join(dir, 'uploads') });
    const list = world.csv('list', [
      '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
      ...Array.from({ length: size }, (_, i) => `460106,样本小区${i + 1},1990,5,100,7000,200,${Y}`),
    ]);
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    const rows = await ctx.db.db
      .selectFrom('communities')
      .select(['id', 'name'])
      .where('name', 'like', '样本小区%')
      .execute();
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    world.ids = Array.from({ length: size }, (_, i) => byName.get(`样本小区${i + 1}`)!);
    await mergeIntoProject(ctx.db.db, SYSTEM_ACTOR, world.ids.slice(0, 2), '样本片区改造');
    await addUser(ctx.db.db, 'root', '000000', ['admin']);
    await addUser(ctx.db.db, 'hn', '460000', ['province']);
    await addUser(ctx.db.db, 'gd', '440000', ['province']);
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    world.root = await loginAs(world.app, 'root');
    world.hainan = await loginAs(world.app, 'hn');
    world.guangdong = await loginAs(world.app, 'gd');
    world.county = await loginAs(world.app, 'longhua');
    await addUser(ctx.db.db, 'tongji', '460106', ['statistics']);
    world.stats = await loginAs(world.app, 'tongji');
  }, 120_000);
  afterAll(async () => {
    await world.app?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return world;
}
