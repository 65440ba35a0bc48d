/**
 * Import jobs after a crash and the uploads they leave (issue 10, defects 8 and 9), on both
 * engines: a job whose server died while importing becomes 已中断 when a server starts and can be
 * run again, while a job another live server is running is left alone; every way a job ends or
 * is given up leaves no file in the upload directory; a user's pending uploads are capped.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import type { App } from '../../../http.ts';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../../test-support/fixtures.ts';
import { keptLog } from '../../../test-support/log.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { bigCsv, multipart, SAMPLE } from './import-jobs.fixture.ts';
import { sweepImportJobs } from './import-jobs.sweep.ts';
import { importProjectList } from './import.service.ts';

const HOUR = 3600_000;

describeEachEngine('import jobs and their uploads', (ctx) => {
  let app: App;
  let haikou: Client;
  let haikouId: number;
  let uploadDir: string;
  const files = () => readdirSync(uploadDir).sort();
  const upload = (client: Client, name: string, content: string | Buffer, target = app) => {
    const body = multipart(name, content);
    return target.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrf,
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
  };
  const statusOf = async (id: string) =>
    (await ctx.db.db.selectFrom('imports').select('status').where('id', '=', id).executeTakeFirst())
      ?.status;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), 'gaizao-jobs-'));
    app = await buildApp({
      db: ctx.db,
      serveWeb: false,
      uploadDir,
      importQuota: { files: 2, bytes: 1024 * 1024 },
    });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    haikouId = await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    haikou = await loginAs(app, 'haikou');
  });
  afterAll(async () => {
    await app.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('leaves no file behind when a job is invalid, fails, is cancelled, imported or expires', async () => {
    const invalid = await upload(haikou, 'bad.csv', bigCsv(3).replace('1992', '19x2'));
    expect(invalid.json().status).toBe('invalid');
    expect(files()).toEqual([]);

    const unreadable = await upload(
      haikou,
      'photo.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
    );
    expect(unreadable.statusCode).toBe(400);
    expect(files()).toEqual([]);

    const cancelled = await upload(haikou, 'a.csv', bigCsv(3, '取消苑'));
    expect(cancelled.json().status).toBe('checked');
    expect(files()).toHaveLength(1);
    const cancel = await haikou.send('DELETE', `/api/imports/${cancelled.json().id}`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect(files()).toEqual([]);
    expect(
      (await haikou.send('POST', `/api/imports/${cancelled.json().id}/confirm`)).json().error
        .message,
    ).toMatch(/已取消/);

    const imported = await upload(haikou, 'b.csv', bigCsv(3, '导入苑'));
    expect(
      (await haikou.send('POST', `/api/imports/${imported.json().id}/confirm`)).statusCode,
    ).toBe(202);
    await expect.poll(() => statusOf(imported.json().id)).toBe('imported');
    await expect.poll(files).toEqual([]);

    const abandoned = await upload(haikou, 'c.csv', bigCsv(3, '过期苑'));
    expect(files()).toHaveLength(1);
    const swept = await sweepImportJobs(ctx.db.db, uploadDir, keptLog().log, {
      now: new Date(Date.now() + 25 * HOUR),
    });
    expect(swept.expired).toEqual([abandoned.json().id]);
    expect(await statusOf(abandoned.json().id)).toBe('expired');
    expect(files()).toEqual([]);
  });

  it('removes the partial file of a broken upload and an orphan file nobody refers to', async () => {
    const body = multipart('cut.csv', bigCsv(2000, '中断苑'));
    const cut = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: haikou.cookie,
        'x-csrf-token': haikou.csrf,
        'content-type': body.contentType,
      },
      payload: body.payload.subarray(0, Math.floor(body.payload.length / 2)),
    });
    expect(cut.statusCode).toBeGreaterThanOrEqual(400);
    expect(cut.statusCode).toBeLessThan(500);
    expect(cut.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(files()).toEqual([]);

    const orphan = join(uploadDir, 'left-by-a-crash.upload');
    writeFileSync(orphan, 'x');
    const old = new Date(Date.now() - 2 * HOUR);
    utimesSync(orphan, old, old);
    const fresh = join(uploadDir, 'being-written.upload');
    writeFileSync(fresh, 'x');
    const swept = await sweepImportJobs(ctx.db.db, uploadDir, keptLog().log);
    expect(swept.orphans).toEqual([orphan]);
    expect(files()).toEqual(['being-written.upload']);
    rmSync(fresh);
  });

  it('caps a user’s pending uploads in number (429) and bytes (413), in Chinese', async () => {
    const one = await upload(haikou, 'q1.csv', bigCsv(3, '配额一苑'));
    const two = await upload(haikou, 'q2.csv', bigCsv(3, '配额二苑'));
    expect([one.json().status, two.json().status]).toEqual(['checked', 'checked']);
    const three = await upload(haikou, 'q3.csv', bigCsv(3, '配额三苑'));
    expect(three.statusCode).toBe(429);
    expect(three.json().error.message).toMatch(/待导入的文件.*上限 2 个/);
    expect(files()).toHaveLength(2);
    for (const j of [one, two]) await haikou.send('DELETE', `/api/imports/${j.json().id}`);
    expect(files()).toEqual([]);

    const big = await upload(haikou, 'big.csv', bigCsv(30_000, '配额大苑'));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/超过上限 1 MB/);
    expect(files()).toEqual([]);
  });

  it('on start makes a dead server’s import 已中断 and runs it again; a live one is left alone', async () => {
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    const job = (id: string, status: 'importing' | 'checking', beat: string, content: string) => {
      const path = join(uploadDir, `${id}.upload`);
      writeFileSync(path, content);
      return {
        id,
        user_id: haikouId,
        file_name: `${id}.csv`,
        file_path: path,
        file_bytes: content.length,
        status,
        rows_done: 0,
        result: null,
        created_at: at(HOUR),
        updated_at: at(HOUR),
        heartbeat_at: beat,
      };
    };
    await ctx.db.db
      .insertInto('imports')
      .values([
        job('deadimport0001', 'importing', at(10 * 60_000), bigCsv(3, '中断重来苑')),
        job('liveimport0001', 'importing', at(1000), bigCsv(3, '另一台苑')),
        job('deadcheck00001', 'checking', at(10 * 60_000), bigCsv(3, '检查中断苑')),
      ])
      .execute();
    const restarted = await buildApp({
      db: ctx.db,
      serveWeb: false,
      uploadDir,
      sweepImports: true,
    });
    await restarted.ready();
    await expect.poll(() => statusOf('deadimport0001')).toBe('interrupted');
    await expect.poll(() => statusOf('deadcheck00001')).toBe('failed');
    expect(await statusOf('liveimport0001')).toBe('importing');
    // The stale check's file goes right after its state: wait for it.
    await expect.poll(files).toEqual(['deadimport0001.upload', 'liveimport0001.upload']);

    const shown = (await haikou.get('/api/imports/deadimport0001')).json();
    expect(shown).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/中断/) });
    const busy = await haikou.send('POST', '/api/imports/liveimport0001/confirm');
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.subCode).toBe('STATE_REFUSED');
    expect((await haikou.send('POST', '/api/imports/deadimport0001/confirm')).statusCode).toBe(202);
    await expect.poll(() => statusOf('deadimport0001')).toBe('imported');
    const stored = await haikou.get('/api/communities?q=' + encodeURIComponent('中断重来苑'));
    expect(stored.json().total).toBe(3);
    await expect.poll(files).toEqual(['liveimport0001.upload']);
    await restarted.close();
  });
});
