/**
 * The deployment the load test runs (docs/deploy.md): nginx, with deploy/nginx-gaizao.conf as its
 * site, in front of N server processes, each started here as a child and stopped at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SITE_CONF = join(ROOT, 'deploy/nginx-gaizao.conf');
const NGINX = '/usr/sbin/nginx';

export interface Stack {
  /** nginx's address, http://127.0.0.1:PORT */
  url: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Debian's nginx, installed where missing (as .ci/run installs Chromium). */
export function ensureNginx(): void {
  if (existsSync(NGINX)) return;
  console.log('正在安装 nginx（Debian 软件包）…');
  const run = (args: string[]) => {
    const r = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} 失败（退出码 ${r.status}）`);
  };
  run(['update', '-qq']);
  run(['install', '-y', '-qq', 'nginx']);
  if (!existsSync(NGINX)) throw new Error(`安装后仍找不到 ${NGINX}`);
}

/** The documented setup is the tested one: docs/deploy.md shows deploy/nginx-gaizao.conf as it is. */
export function assertDocumented(): void {
  const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
  if (!doc.includes(`\`\`\`nginx\n${readFileSync(SITE_CONF, 'utf8')}\`\`\``))
    throw new Error(
      'docs/deploy.md 中的 nginx 配置与 deploy/nginx-gaizao.conf 不一致，请同步后再测',
    );
}

/** The documented site file with its upstream servers and listen port set to these. */
export function siteConf(listen: number, upstreams: number[]): string {
  const text = readFileSync(SITE_CONF, 'utf8');
  const servers = /^( *)server 127\.0\.0\.1:\d+;\n/gm;
  const indent = /^( *)server 127\.0\.0\.1:\d+;/m.exec(text)?.[1] ?? '    ';
  const lines = upstreams.map((p) => `${indent}server 127.0.0.1:${p};\n`).join('');
  let first = true;
  return text
    .replace(servers, () => (first ? ((first = false), lines) : ''))
    .replace(/listen 80;/, `listen 127.0.0.1:${listen};`);
}

/** nginx in the foreground with a prefix of its own under `dir`: no system file is touched. */
export async function startNginx(dir: string, upstreams: number[]): Promise<Stack> {
  const port = await freePort();
  const prefix = join(dir, 'nginx');
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  writeFileSync(join(prefix, 'gaizao.conf'), siteConf(port, upstreams));
  writeFileSync(
    join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes auto;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/logs/error.log warn;`,
      'events { worker_connections 4096; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  access_log off;',
      // nginx closes a client's connection after its 1,000th request (keepalive_requests). A
      // browser sends a request caught by that close again; autocannon counts it an error: 2–3 a
      // run in the floor's 10 s at 57,000 requests a second through 50 connections. The site
      // file, the part a province deploys, is untouched.
      '  keepalive_requests 1000000;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (t) => `  ${t}_temp_path ${prefix}/${t}_temp;`,
      ),
      `  include ${prefix}/gaizao.conf;`,
      '}',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, 'nginx');
  return { url, stop: () => stopChild(child) };
}

/**
 * A child process serving HTTP on 127.0.0.1:port, ready once `probe` answers; what it prints (the
 * server's log) goes to `log`.
 */
export async function startChild(
  command: string[],
  env: NodeJS.ProcessEnv,
  probe: string,
  name: string,
  log: string,
): Promise<() => Promise<void>> {
  const out = openSync(log, 'a');
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
  });
  await waitFor(probe, child, name);
  return () => stopChild(child);
}

/** Polls `url` until it answers (any status: the process listens) or the child exits. */
async function waitFor(url: string, child: ChildProcess, name: string): Promise<void> {
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  for (let i = 0; i < 600; i++) {
    if (exited !== null) throw new Error(`${name} 启动失败（退出码 ${exited}）`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`${name} 60 秒内没有开始监听 ${url}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // nginx stops gracefully on SIGQUIT, fast on SIGTERM; the servers close on SIGTERM.
    child.kill('SIGTERM');
  });
}
