/**
 * The setting of the community progress route tests (attachments.*.routes.test.ts), built afresh
 * in each file's database: four communities of 海南 planned this year — 滨海一村 alone, 东湖一村 and
 * 东湖二村 merged into one project, 鹿城小区 in 三亚 — an upload folder of their own, and a user of
 * each role that the endpoints treat differently. Also the files those tests upload.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import type { EngineContext } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { mergeIntoProject } from '../projects/projects.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

export const Y = new Date().getUTCFullYear();
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
export const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
export const WEBP = Buffer.concat([
  Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'),
  Buffer.alloc(8),
]);
export const PDF = Buffer.from('%PDF-1.4\n% 协商纪要\n', 'utf8');

export type Multipart = ReturnType<typeof multipart>;

/** A multipart/form-data body of `fields` and, when given, one `file`. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const b = '----gz' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${b}` };
}

export interface ProgressWorld {
  app: App;
  /** A scratch folder for the file's own CSV files; removed afterwards. */
  dir: string;
  /** longhua, 龙华区 (460106) */
  county: Client;
  /** tongji, 龙华区统计 (reads, never writes) */
  stats: Client;
  /** fagai, 海南省发展改革 (no progress pages) */
  ndrc: Client;
  /** sanya, 三亚市 (outside 龙华区) */
  sanya: Client;
  /** 滨海一村 (90 households), alone */
  binhai: number;
  /** 东湖一村 (40) and */
  east: number;
  /** 东湖二村 (30), one project */
  west: number;
  /** A multipart POST, as `who` or without a session. */
  post(who: Client | undefined, url: string, form: Multipart): Promise<Response>;
  /** A request without a session. */
  anonymous(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ): Promise<Response>;
  /** How many files the upload folder holds. */
  stored(): number;
}

/**
 * Registers the hooks that build the setting in `ctx`'s database and take it down; the app, the
 * clients and the communities are there once beforeAll has run.
 */
export function progressWorld(ctx: EngineContext): ProgressWorld {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-attachments-'));
  const uploads = join(dir, 'uploads');
  const world = {
    dir,
    post: (who, url, form) =>
      world.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': form.contentType,
          ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
        },
        payload: form.payload,
      }),
    anonymous: (method, url, payload) =>
      world.app.inject({ method, url, ...(payload ? { payload } : {}) }),
    stored: () => (existsSync(uploads) ? readdirSync(uploads).length : 0),
  } as ProgressWorld;

  beforeAll(async () => {
    world.app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir: uploads });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `460106,滨海一村,1990,5,90,7000,200,${Y}`,
        `460106,东湖一村,1992,4,40,3000,150,${Y}`,
        `460106,东湖二村,1993,3,30,2000,100,${Y}`,
        `460202,鹿城小区,1995,3,30,2500,80,${Y}`,
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    await addUser(ctx.db.db, 'tongji', '460106', ['statistics']);
    await addUser(ctx.db.db, 'fagai', '460000', ['province_ndrc']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    world.county = await loginAs(world.app, 'longhua');
    world.stats = await loginAs(world.app, 'tongji');
    world.ndrc = await loginAs(world.app, 'fagai');
    world.sanya = await loginAs(world.app, 'sanya');
    const byName = new Map<string, number>(
      (await world.county.get('/api/communities?sort=name'))
        .json()
        .items.map((c: { id: number; name: string }) => [c.name, c.id]),
    );
    world.binhai = byName.get('滨海一村')!;
    world.east = byName.get('东湖一村')!;
    world.west = byName.get('东湖二村')!;
    await mergeIntoProject(ctx.db.db, SYSTEM_ACTOR, [world.east, world.west], '东湖片区改造');
  });
  afterAll(async () => {
    await world.app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return world;
}
