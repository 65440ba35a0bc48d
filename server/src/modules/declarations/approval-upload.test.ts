/**
 * The provincial government's approval file (issue 10, defect 9): checked like every stored upload
 * — type by its first bytes, size — and a broken, cut-off or refused upload leaves no file in the
 * upload directory and no approval; a good one leaves exactly its file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { hashOf as migrationHash } from '../../db/migrations/0024_approval_hashes.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { verifyAll } from '../integrity/integrity.service.ts';

const B = 'approvalboundary';
const part = (name: string, value: string, file?: string) =>
  [
    `--${B}`,
    `Content-Disposition: form-data; name="${name}"${file ? `; filename="${file}"` : ''}`,
    ...(file ? ['Content-Type: application/octet-stream'] : []),
    '',
    value,
  ].join('\r\n');
const fields = [part('approvedOn', '2026-06-20'), part('documentNo', '琼府函〔2026〕88号')];

describeEachEngine('approval upload', (ctx) => {
  let app: App;
  let province: Client;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gaizao-approval-'));
    app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir: dir });
    await addUser(ctx.db.db, 'approval_province', '460000', ['province']);
    province = await loginAs(app, 'approval_province');
    // The approval names the candidate version it approves (issue 11 §2): there is one.
    expect((await province.send('POST', '/api/declarations/460000/2027/freeze')).statusCode).toBe(
      200,
    );
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (payload: string) =>
    app.inject({
      method: 'POST',
      url: '/api/declarations/460000/2027/approval',
      headers: {
        cookie: province.cookie,
        'x-csrf-token': province.csrf,
        'content-type': `multipart/form-data; boundary=${B}`,
      },
      payload,
    });
  const approvals = async () =>
    (await ctx.db.db.selectFrom('plan_approvals').select('file_path').execute()).length;

  it('leaves nothing behind for a cut-off upload or a file that is not a document', async () => {
    const cut = await post(
      [...fields, part('file', '%PDF-1.4 half a fi', '批复.pdf')].join('\r\n'),
    );
    expect(cut.statusCode).toBeGreaterThanOrEqual(400);
    expect(cut.statusCode).toBeLessThan(500);
    expect(cut.json().error.message).toMatch(/[\u4e00-\u9fff]/);

    const text = await post(
      [...fields, part('file', 'not a pdf at all', '批复.pdf'), `--${B}--`, ''].join('\r\n'),
    );
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('只接受 PDF、JPEG 或 PNG');

    expect(readdirSync(dir)).toEqual([]);
    expect(await approvals()).toBe(0);
  });

  it('keeps exactly the file of a good upload', async () => {
    const ok = await post(
      [...fields, part('file', '%PDF-1.4\n%%EOF\n', '批复.pdf'), `--${B}--`, ''].join('\r\n'),
    );
    expect(ok.statusCode).toBe(204);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(await approvals()).toBe(1);
  });

  it('is verified: an edited record or a replaced file is named by verify; the migration hashes as the application does', async () => {
    const verify = () => verifyAll(ctx.db.db, { uploadDir: dir });
    const first = await verify();
    expect(first.mismatches).toEqual([]);
    expect(first.checked.approval).toBe(1);
    const row = await ctx.db.db.selectFrom('plan_approvals').selectAll().executeTakeFirstOrThrow();
    expect(row.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(migrationHash(row as unknown as Record<string, unknown>)).toBe(row.hash);

    await ctx.db.db
      .updateTable('plan_approvals')
      .set({ document_no: '琼府函〔2026〕99号' })
      .where('id', '=', row.id)
      .execute();
    expect((await verify()).mismatches.map((m) => [m.kind, m.id])).toEqual([
      ['approval', String(row.id)],
    ]);
    await ctx.db.db
      .updateTable('plan_approvals')
      .set({ document_no: row.document_no })
      .where('id', '=', row.id)
      .execute();

    const file = join(dir, row.file_path);
    const original = readFileSync(file);
    writeFileSync(file, '%PDF-1.4\n% another document\n%%EOF\n');
    const replaced = (await verify()).mismatches;
    expect(replaced.map((m) => [m.kind, m.id])).toEqual([['approval', `${row.id}/file`]]);
    expect(replaced[0]!.problem).toContain('文件与录入时不符');
    writeFileSync(file, original);
    expect((await verify()).mismatches).toEqual([]);
  });
});
