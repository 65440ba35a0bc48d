/**
 * One load test, from an empty database to the verdict (bench/load/run.ts prints it; the short
 * version in test/load runs it small): the bare floor, then the month-end traffic on gaizao.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SERVER_FLAGS } from '../../bin/node-flags.js';
import { assertDocumented, ensureNginx, freePort, startChild, startNginx } from './stack.ts';
import { LOAD_PASSWORD, recreateDatabase, seed, type Seeded } from './seed.ts';
import { loginAll, Recorder, submitters, throughput, viewers } from './traffic.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Logins in flight stay under the per-address limit (50, domain/throttle.ts): all come from 127.0.0.1. */
export const SUBMIT_CONNECTIONS = 40;
const VIEW_CONNECTIONS = 30;
/** The floor's and the light routes' measurement. */
const FLOOR_CONNECTIONS = 50;

export interface LoadOptions {
  dbUrl: string;
  units: number;
  viewers: number;
  /** the month reported, YYYY-MM (last month: its report may be sent) */
  period: string;
  dir: string;
  /** seconds of each throughput measurement (10 in the full run) */
  floorSeconds?: number;
}

export interface LoadResult {
  options: LoadOptions;
  rec: Recorder;
  /** seconds from the first login to the last submission */
  seconds: number;
  /** requests a second: the bare route, gaizao's health and /api/me, behind the same nginx */
  floor: { bare: number; health: number; me: number };
  stored: { units: number; rows: number; once: number; missing: number; duplicated: number };
  verdict: { fivexx: number; problems: string[] };
}

export async function measure(o: LoadOptions): Promise<LoadResult> {
  const seeded = await prepare(o);
  const secs = o.floorSeconds ?? 10;
  const bare = await withTwo(
    o.dir,
    'bare',
    (p) => [process.execPath, join(ROOT, 'bench/load/bare-server.ts'), String(p)],
    {},
    (url) => throughput(`${url}/bare`, {}, FLOOR_CONNECTIONS, secs),
  );
  const gaizao = (p: number) => [
    process.execPath,
    ...SERVER_FLAGS,
    join(ROOT, 'bin/gaizao.js'),
    'serve',
    '--db',
    o.dbUrl,
    '--port',
    String(p),
    '--host',
    '127.0.0.1',
  ];
  const env = {
    TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
    UPLOAD_DIR: join(o.dir, 'uploads'),
    TZ: 'Asia/Shanghai',
  };
  return withTwo(o.dir, 'gaizao', gaizao, env, async (url) => {
    const viewing = await loginAll(url, seeded.viewers, LOAD_PASSWORD);
    const health = await throughput(`${url}/api/health`, {}, FLOOR_CONNECTIONS, secs);
    const me = await throughput(
      `${url}/api/me`,
      { cookie: viewing[0]!.cookie },
      FLOOR_CONNECTIONS,
      secs,
    );
    const run = await monthEnd(url, o, seeded, viewing);
    const floor = { bare: bare.rps, health: health.rps, me: me.rps };
    const floorErrors = Object.entries({ bare, health, me })
      .filter(([, m]) => m.failed)
      .map(([name, m]) => `吞吐基准 ${name}：${m.failed}`);
    const result = verdict(run.rec, run.stored, floorErrors, serverErrors(o.dir));
    return { options: o, ...run, floor, verdict: result };
  });
}

/** The nginx file checked against its documentation, nginx installed, the database made afresh. */
export async function prepare(o: LoadOptions): Promise<Seeded> {
  assertDocumented();
  ensureNginx();
  const dbName = new URL(o.dbUrl).pathname.slice(1);
  await recreateDatabase(o.dbUrl.replace(/\/[^/]*$/, '/postgres'), dbName);
  return seed(o.dbUrl, {
    units: o.units,
    viewers: o.viewers,
    planYear: Number(o.period.slice(0, 4)),
    dir: o.dir,
  });
}

/**
 * The month-end traffic through nginx at `url`: viewers refresh until every unit has logged in
 * and submitted; then what was stored.
 */
export async function monthEnd(
  url: string,
  o: LoadOptions,
  seeded: Seeded,
  viewing: Awaited<ReturnType<typeof loginAll<Seeded['viewers'][number]>>>,
): Promise<Pick<LoadResult, 'rec' | 'seconds' | 'stored'>> {
  const year = Number(o.period.slice(0, 4));
  const rec = new Recorder();
  const started = performance.now();
  const view = viewers(
    {
      url,
      viewers: viewing,
      year,
      month: Number(o.period.slice(5)),
      connections: VIEW_CONNECTIONS,
    },
    rec,
  );
  const submit = submitters(
    {
      url,
      units: seeded.units,
      password: LOAD_PASSWORD,
      year,
      period: o.period,
      connections: SUBMIT_CONNECTIONS,
    },
    rec,
  );
  await new Promise((resolve) => submit.on('done', resolve));
  const seconds = (performance.now() - started) / 1000;
  const viewed = new Promise((resolve) => view.on('done', resolve));
  view.stop();
  await viewed;
  await drained(o.dbUrl);
  const codes = seeded.units.map((u) => u.code);
  return { rec, seconds, stored: await storedReports(o.dbUrl, codes, o.period) };
}

/** Two servers and nginx in front of them, for as long as `run` takes. */
async function withTwo<T>(
  dir: string,
  label: string,
  command: (port: number) => string[],
  env: NodeJS.ProcessEnv,
  run: (url: string) => Promise<T>,
): Promise<T> {
  const stops: (() => Promise<void>)[] = [];
  try {
    const ports = [await freePort(), await freePort()];
    for (const [i, p] of ports.entries())
      stops.push(
        await startChild(
          command(p),
          env,
          `http://127.0.0.1:${p}/api/health`,
          `服务 ${i + 1}`,
          join(dir, `${label}-${i + 1}.log`),
        ),
      );
    const nginx = await startNginx(dir, ports);
    stops.push(nginx.stop);
    return await run(nginx.url);
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}

/**
 * Waits until no other connection runs a query on the database: the requests the stopped viewers
 * left in flight have finished on the servers (within a minute, else the count goes on anyway).
 */
async function drained(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`,
      );
      if (Number(rows[0]!.n) === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

/** Each unit's reports of the period as stored: exactly one row, version 1, is right. */
async function storedReports(
  url: string,
  units: string[],
  period: string,
): Promise<LoadResult['stored']> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ unit_code: string; n: string }>(
      'select unit_code, count(*) as n from monthly_reports where period = $1 group by unit_code',
      [period],
    );
    const byUnit = new Map(rows.map((r) => [r.unit_code, Number(r.n)]));
    const counts = units.map((u) => byUnit.get(u) ?? 0);
    return {
      units: units.length,
      rows: rows.reduce((s, r) => s + Number(r.n), 0),
      once: counts.filter((n) => n === 1).length,
      missing: counts.filter((n) => n === 0).length,
      duplicated: counts.filter((n) => n > 1).length,
    };
  } finally {
    await client.end();
  }
}

/** The errors the gaizao servers logged (pino's level 50 and above), by message. */
function serverErrors(dir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const name of readdirSync(dir).filter((f) => f.startsWith('gaizao-')))
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as {
        level?: number;
        msg?: string;
        err?: { message?: string };
      };
      if ((entry.level ?? 0) < 50) continue;
      const msg = `${entry.msg ?? ''} ${entry.err?.message ?? ''}`.trim().slice(0, 300);
      found.set(msg, (found.get(msg) ?? 0) + 1);
    }
  return found;
}

export function verdict(
  rec: Recorder,
  stored: LoadResult['stored'],
  floorErrors: string[],
  logged: Map<string, number>,
): LoadResult['verdict'] {
  const problems = [...logged].map(([msg, n]) => `服务端记录错误 ${n} 次：${msg}`);
  let fivexx = 0;
  for (const [route, r] of rec.routes)
    for (const [status, n] of r.statuses) {
      if (status >= 500) fivexx += n;
      if (status >= 400) problems.push(`${route}：${n} 个响应为 ${status}`);
    }
  if (rec.noResponse) problems.push(`${rec.noResponse} 个请求没有响应（超时或连接中断）`);
  if (stored.once !== stored.units)
    problems.push(
      `月报应每个单位恰好保存一份：${stored.missing} 个单位缺失，${stored.duplicated} 个单位重复`,
    );
  problems.push(...floorErrors);
  return { fivexx, problems };
}
