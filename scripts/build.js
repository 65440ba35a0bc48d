#!/usr/bin/env node
/**
 * The compiled build (docs/cli.md, "The build"): the server and command line as JavaScript in
 * dist/server, and the web app in web/dist. TypeScript stays the source; tests run on it.
 *
 *   node scripts/build.js              server and web (`npm run build`)
 *   node scripts/build.js --server     the server only, in a second or two (`prepare`, at npm install)
 *   node scripts/build.js --if-stale   the server when a source is newer than the build, the web
 *                                      when it is missing (`npm start`; with --server, the server
 *                                      alone, as the benchmark does)
 *
 * Plain JavaScript, so that it runs before anything is compiled.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Two folders below the root, as server/src is: the code that finds the web build and the vite
 * config from its own folder (app.ts, WEB_DIST) finds them in the bundle too.
 */
const SERVER_OUT = join(ROOT, 'dist/server');
/** What the build was made from, to tell whether a source has changed since. */
const INPUTS = join(SERVER_OUT, 'inputs.json');
const WEB_INDEX = join(ROOT, 'web/dist/index.html');

/**
 * Bundled with the server: kysely is some 280 small modules, and resolving and loading them one
 * by one is most of a small command's start. Every other package stays in node_modules, loaded as
 * installed (native modules, packages that read their own files, and zod, whose schemas must be
 * those fastify-type-provider-zod sees).
 */
const BUNDLED_PACKAGES = ['kysely'];

function externalPackages() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
  return names.filter((n) => !BUNDLED_PACKAGES.includes(n)).flatMap((n) => [n, `${n}/*`]);
}

async function buildServer() {
  const { build } = await import('esbuild');
  const started = Date.now();
  rmSync(SERVER_OUT, { recursive: true, force: true }); // no chunk of an earlier build stays
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: {
      main: 'server/src/cli/main.ts',
      // started by xlsx-thread.ts in a worker thread of its own, by file name
      'xlsx-worker': 'server/src/modules/ledger/import/xlsx-worker.ts',
    },
    outdir: SERVER_OUT,
    bundle: true,
    // each command's modules in chunks of their own, loaded when it runs (cli/main.ts)
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    external: externalPackages(),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs);
  writeFileSync(INPUTS, `${JSON.stringify({ inputs }, null, 1)}\n`);
  const ms = Date.now() - started;
  console.error(
    `服务端已构建：${relative(ROOT, SERVER_OUT)}（${inputs.length} 个源文件，${ms} ms）`,
  );
}

/** True when dist/server is missing, or any file it was built from has changed or gone. */
function serverIsStale() {
  const outputs = ['main.js', 'xlsx-worker.js'].map((f) => join(SERVER_OUT, f));
  if (!existsSync(INPUTS) || !outputs.every((f) => existsSync(f))) return true;
  const builtAt = statSync(INPUTS).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(INPUTS, 'utf8'));
  const newer = (file) => {
    const s = statSync(join(ROOT, file), { throwIfNoEntry: false });
    return !s || s.mtimeMs > builtAt;
  };
  return inputs.some(newer) || newer('package.json');
}

async function buildWeb() {
  console.error('正在构建网页（约半分钟）…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}

async function main(args) {
  const known = ['--server', '--if-stale'];
  const unknown = args.filter((a) => !known.includes(a));
  if (unknown.length > 0) {
    console.error(`未知参数：${unknown.join(' ')}（可用：${known.join('、')}）`);
    return 2;
  }
  const ifStale = args.includes('--if-stale');
  if (!ifStale || serverIsStale()) await buildServer();
  if (!args.includes('--server') && !(ifStale && existsSync(WEB_INDEX))) await buildWeb();
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`构建失败：${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
