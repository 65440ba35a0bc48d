/**
 * The file of a deleted photo, on a real database and disk: removed after the deletion commits,
 * kept when it rolls back, and a removal that fails is logged while the deletion stands.
 * (Communities and consultations are never deleted, so a photo's row is the only owner that is.)
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Actor } from '../../domain/actor.ts';
import { validation } from '../../errors.ts';
import { deleteWithFiles } from '../../stored-files.ts';
import { actorAt } from '../../test-support/declarations.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs } from '../../test-support/fixtures.ts';
import { keptLog } from '../../test-support/log.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { PNG } from './attachments.fixture.ts';
import { addPhoto, removeAttachment } from './attachments.service.ts';
import { deleteAttachment, findAttachment } from './community-progress.repository.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-attachment-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachEngine('files of deleted photos', (ctx) => {
  const uploads = join(dir, `uploads-${Math.random().toString(16).slice(2)}`);
  let county: Actor;
  let community: number;

  /** A photo stored through the service; answers its row's id and its file. */
  async function photo(): Promise<{ id: number; path: string }> {
    const id = await addPhoto(
      ctx.db.db,
      county,
      community,
      { kind: 'before' },
      { fileName: '改造前.png', file: Readable.from([PNG]) },
      uploads,
    );
    const row = (await findAttachment(ctx.db.db, id))!;
    expect(row.file_path).not.toContain('/'); // relative to UPLOAD_DIR
    const path = resolve(uploads, row.file_path);
    expect(existsSync(path)).toBe(true);
    return { id, path };
  }

  beforeAll(async () => {
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,滨海一村,1990,5,90,7000,200,2024',
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    community = (await ctx.db.db.selectFrom('communities').select('id').executeTakeFirstOrThrow())
      .id;
    county = await actorAt(ctx.db.db, '460106', 'county');
  });

  it('a deleted photo’s file is gone once the deletion has committed', async () => {
    const { id, path } = await photo();
    const { lines, log } = keptLog();
    await removeAttachment(ctx.db.db, county, community, id, log, uploads);
    expect(await findAttachment(ctx.db.db, id)).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('a deletion that rolls back keeps the row and its file', async () => {
    const { id, path } = await photo();
    const { lines, log } = keptLog();
    await expect(
      deleteWithFiles(ctx.db.db, log, async (trx, discard) => {
        await deleteAttachment(trx, id);
        discard(path);
        // A later step of the same use case fails after the row was deleted.
        throw validation('后续步骤失败');
      }),
    ).rejects.toThrow('后续步骤失败');
    expect(await findAttachment(ctx.db.db, id)).toBeDefined();
    expect(existsSync(path)).toBe(true);
    expect(lines).toEqual([]);
  });

  it('a file that cannot be removed is logged; the deletion stands and the API answers 204', async () => {
    // A directory where the file should be: rm without `recursive` refuses it, as it would a
    // file on a read-only share.
    const stuck = async () => {
      const { id } = await photo();
      const path = join(uploads, `stuck-${id}`);
      mkdirSync(path);
      writeFileSync(join(path, 'x'), 'x');
      await ctx.db.db
        .updateTable('community_attachments')
        .set({ file_path: path })
        .where('id', '=', id)
        .execute();
      return { id, path };
    };
    const one = await stuck();
    const { lines, log } = keptLog();
    await removeAttachment(ctx.db.db, county, community, one.id, log, uploads);
    expect(await findAttachment(ctx.db.db, one.id)).toBeUndefined();
    expect(existsSync(one.path)).toBe(true);
    expect(lines).toEqual([
      {
        level: 'warn',
        msg: `上传文件删除失败（记录已删除），请手动清理：${one.path}`,
        obj: { err: expect.any(Error), path: one.path },
      },
    ]);

    const app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir: uploads });
    try {
      await addUser(ctx.db.db, 'longhua', '460106', ['county']);
      const client = await loginAs(app, 'longhua');
      const two = await stuck();
      const res = await client.send(
        'DELETE',
        `/api/communities/${community}/attachments/${two.id}`,
      );
      expect(res.statusCode).toBe(204);
      expect(await findAttachment(ctx.db.db, two.id)).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
