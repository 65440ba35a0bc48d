/**
 * The compiled build (docs/cli.md, "The build"): `bin/gaizao.js` runs the command line from
 * dist/server as `npx gaizao` does, and `npm start` names files that exist. The build is brought up
 * to date first, as `npm start` does: seconds when a source has changed, nothing when none has.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, XLSX_WORKER_BYTES } from '../modules/ledger/import/read-table.ts';
import { NODE_FLAGS, SERVER_FLAGS } from '../../../bin/node-flags.js';
import { HAINAN_PROJECT_LIST } from '../test-support/samples.ts';

const run = promisify(execFile);
const FLAGS = NODE_FLAGS.join(' ');
const SERVER = SERVER_FLAGS.join(' ');
const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/gaizao.js');
const dir = mkdtempSync(join(tmpdir(), 'gaizao-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function node(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the compiled command line', () => {
  beforeAll(async () => {
    const built = await node('scripts/build.js', '--server', '--if-stale');
    expect(built.code, built.stderr).toBe(0);
  });

  it('runs commands from dist/server through bin/gaizao.js, on a new SQLite file', async () => {
    const db = join(dir, 'bin.db');
    const add = await node(
      BIN,
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
      '--db',
      db,
    );
    expect(add.code, add.stderr).toBe(0);
    const list = await node(BIN, 'users', 'list', '--json', '--db', db);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ username: 'wuhan' })]),
    );
    const verify = await node(BIN, 'verify', '--json', '--db', db);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
  });

  it('reads a large xlsx in a worker thread of the build (xlsx-worker.js, without tsx)', async () => {
    // The sample project list as an xlsx, made larger than XLSX_WORKER_BYTES by an incompressible
    // picture, so that the import reads it in a worker thread as it reads a national file.
    const file = join(dir, 'project-list.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('项目清单');
    for await (const row of readTable(HAINAN_PROJECT_LIST)) sheet.addRow(row.cells);
    const picture = book.addImage({
      base64: `data:image/png;base64,${randomBytes(XLSX_WORKER_BYTES + 65_536).toString('base64')}`,
      extension: 'png',
    });
    sheet.addImage(picture, 'AA1:AB2');
    await book.xlsx.writeFile(file);
    expect((await stat(file)).size).toBeGreaterThanOrEqual(XLSX_WORKER_BYTES);
    const r = await node(BIN, 'import', file, '--dry-run', '--db', join(dir, 'xlsx.db'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('项目清单检查通过：52 行可以导入');
  });

  it('answers a bad command in Chinese with exit status 2, as the source does', async () => {
    const r = await node(BIN, 'frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令：frobnicate');
  });
});

describe('bin/gaizao.js without a build', () => {
  it('says in Chinese to run npm run build, with exit status 1', async () => {
    const copy = join(dir, 'unbuilt/bin/gaizao.js');
    mkdirSync(join(dir, 'unbuilt/bin'), { recursive: true });
    copyFileSync(BIN, copy);
    const r = await node(copy, '--help');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('尚未构建');
    expect(r.stderr).toContain('npm run build');
  });
});

describe('package.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    scripts: Record<string, string>;
  };

  it('names a bin and npm start scripts that exist, and starts the compiled server', () => {
    expect(existsSync(join(ROOT, pkg.bin.gaizao!))).toBe(true);
    const files = pkg.scripts.start!.match(/\S+\.js\b/g) ?? [];
    expect(files).toEqual(['scripts/build.js', 'bin/gaizao.js']);
    for (const f of files) expect(existsSync(join(ROOT, f)), f).toBe(true);
    expect(pkg.scripts.start).toContain(`node ${SERVER} bin/gaizao.js serve --demo`);
    expect(pkg.scripts.prepare).toBe('node scripts/build.js --server');
  });
});

describe('the heap settings (bin/node-flags.js)', () => {
  const MB = 2 ** 20;
  const heapLimit = async (flags: readonly string[]) => {
    const r = await node(...flags, '-p', "require('node:v8').getHeapStatistics().heap_size_limit");
    expect(r.code, r.stderr).toBe(0);
    return Number(r.stdout) / MB;
  };

  it('are valid for this Node and cap the heap below the default of a large machine', async () => {
    for (const flags of [NODE_FLAGS, SERVER_FLAGS]) {
      const limit = await heapLimit(flags);
      expect(limit).toBeGreaterThanOrEqual(2000);
      expect(limit).toBeLessThan(2048);
    }
  });

  it("are the command line's, and the server's add only the pretenuring setting", () => {
    expect(SERVER_FLAGS.slice(0, NODE_FLAGS.length)).toEqual(NODE_FLAGS);
    expect(SERVER_FLAGS.slice(NODE_FLAGS.length)).toEqual(['--no-allocation-site-pretenuring']);
    expect(readFileSync(BIN, 'utf8')).not.toContain('pretenuring');
  });

  it('are on the first line of bin/gaizao.js, which runs as a command (npx gaizao)', async () => {
    const first = readFileSync(BIN, 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${FLAGS}`);
    const { stdout } = await run(BIN, ['--help'], { cwd: ROOT });
    expect(stdout).toContain('gaizao');
  });

  it("are given wherever bin/gaizao.js is started by node: npm start and systemd (the server's), npm run gaizao", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toContain(`node ${SERVER} bin/gaizao.js serve`);
    expect(pkg.scripts.gaizao).toContain(`node ${FLAGS} bin/gaizao.js`);
    expect(pkg.scripts.gaizao).not.toContain(SERVER);
    const deploy = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
    const starts = deploy.match(/^ExecStart=.*$/gm) ?? [];
    expect(starts.length).toBeGreaterThan(0);
    for (const line of starts)
      expect(line).toContain(`/usr/bin/node ${SERVER} bin/gaizao.js serve`);
  });
});
