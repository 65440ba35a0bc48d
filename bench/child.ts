/**
 * One measured operation in a process of its own (spawned by run.ts), so that its peak memory
 * (maxRSS) is its own and no other measurement's heap is inherited. Prints one line,
 * `RESULT {json}`, on stdout; anything else goes to stderr.
 *
 *   node --import tsx --expose-gc bench/child.ts '{"op":"parse","path":"…"}'
 */
import { readdirSync, readFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../server/src/bootstrap.ts';
import { isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { suffixStrippedKey } from '../server/src/domain/ledger/names.ts';
import { scanAll } from '../server/src/modules/ledger/duplicates.service.ts';
import { importProjectList } from '../server/src/modules/ledger/import/import.service.ts';
import { readTable } from '../server/src/modules/ledger/import/read-table.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { postgresParts } from './databases.ts';
import { measureLedgerExport, measureStatisticsExport } from './exports.ts';
import { measureLedgerPage } from './ledger-page.ts';
import { measureProgressImport } from './progress-import.ts';
import { measureDashboard } from './dashboard.ts';
import { measureFiveYear } from './five-year.ts';
import { measureProgressTable, seedProgress } from './progress-table.ts';
import { measurePlanTable, type PlanTableScope } from './plan-table.ts';
import { measureStoreFloor } from './store-floor.ts';

export type Task =
  | { op: 'parse'; path: string }
  | { op: 'import'; path: string; url: string; rows: number }
  | { op: 'store-floor'; from: string; to: string }
  | { op: 'ledger-page'; url: string; runs: number }
  | { op: 'plan-table'; url: string; scope: PlanTableScope; runs: number }
  | { op: 'read-names'; url: string }
  | { op: 'scan'; url: string }
  | { op: 'seed-progress'; url: string }
  | { op: 'progress-table'; url: string; runs: number }
  | { op: 'dashboard'; url: string; runs: number }
  | { op: 'five-year'; url: string; runs: number }
  | { op: 'progress-import'; url: string; list: string; progress: string; rows: number }
  | { op: 'export-ledger'; url: string; region: string | null; format: 'csv' | 'xlsx' }
  | { op: 'export-statistics'; url: string; scope: string };

export interface ChildResult {
  ms: number;
  /** the raw side's time, for a task that measures both sides itself (ledger-page, plan-table, progress-table, dashboard, five-year, progress-import) */
  rawMs?: number;
  /** the process's peak resident set, MB */
  peakMb: number;
  detail: Record<string, unknown>;
}

/** Times `fn` alone: what was set up before it is collected first. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  globalThis.gc?.();
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/**
 * The CPU time, ms, of every process named postgres on this machine (its backends, and those that
 * ended, through the postmaster's children's times), from /proc; undefined where there is none to
 * read (another machine's server, or no /proc).
 */
function postgresCpuMs(): number | undefined {
  let ticks = 0;
  let found = false;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      if (!stat.includes('(postgres)')) continue;
      // utime, stime, cutime, cstime: fields 14–17, counted after the command's closing bracket.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      found = true;
    }
  } catch {
    return undefined;
  }
  return found ? (ticks * 1000) / CLOCK_TICKS : undefined;
}
/** USER_HZ: the unit of /proc's times, 100 on Linux. */
const CLOCK_TICKS = 100;

/**
 * timed, with the CPU it took: this process's (every thread: the parse's worker too) and, for an
 * operation on a PostgreSQL server on this machine, the server's. Beside the time, not judged:
 * on a machine whose speed drifts, the CPU a side used tells work from waiting.
 */
async function timedWithCpu<T>(
  fn: () => Promise<T>,
  server: boolean,
): Promise<{ ms: number; value: T; cpu: { nodeMs: number; postgresMs?: number } }> {
  globalThis.gc?.();
  const node = process.cpuUsage();
  const pg = server ? postgresCpuMs() : undefined;
  const { ms, value } = await timed(fn);
  const used = process.cpuUsage(node);
  const pgAfter = server ? postgresCpuMs() : undefined;
  return {
    ms,
    value,
    cpu: {
      nodeMs: Math.round((used.user + used.system) / 1000),
      ...(pg !== undefined && pgAfter !== undefined
        ? { postgresMs: Math.round(pgAfter - pg) }
        : {}),
    },
  };
}

/** The bare parse: every row of the file read and dropped. */
async function parse(path: string) {
  return timedWithCpu(async () => {
    let rows = 0;
    for await (const _row of readTable(path)) rows++;
    return { rows };
  }, false);
}

/** The real import, committed; a report with any error fails the benchmark. */
async function importFile(path: string, url: string, rows: number) {
  const db = await openDatabase(url);
  try {
    const {
      ms,
      value: report,
      cpu,
    } = await timedWithCpu(
      () => importProjectList(db.db, SYSTEM_ACTOR, path, { dryRun: false }),
      isPostgresUrl(url),
    );
    if (report.errorCount || report.imported !== rows)
      throw new Error(
        `import failed: ${report.imported}/${rows} imported, ${report.errorCount} errors, e.g. ${JSON.stringify(report.errors.slice(0, 3))}`,
      );
    return { ms, value: { imported: report.imported, warnings: report.warningCount, cpu } };
  } finally {
    await db.destroy();
  }
}

/** The raw side of the duplicate scan: every community name read from the engine and normalised. */
async function readNames(url: string) {
  if (!isPostgresUrl(url)) {
    const db = new SQLite(sqlitePath(url), { readonly: true });
    try {
      const names = db.prepare('select name from communities').pluck();
      return await timed(async () => {
        let n = 0;
        let chars = 0;
        for (const name of names.iterate() as Iterable<string>) {
          chars += suffixStrippedKey(name).length;
          n++;
        }
        return { names: n, chars };
      });
    } finally {
      db.close();
    }
  }
  const { connectionString, schema } = postgresParts(url);
  const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    // One query: faster than keyset pages of 10,000 here (0.7 s against 0.9–1.5 s at 220,000).
    return await timed(async () => {
      const { rows } = await client.query<{ name: string }>('select name from communities');
      let chars = 0;
      for (const r of rows) chars += suffixStrippedKey(r.name).length;
      return { names: rows.length, chars };
    });
  } finally {
    await client.end();
  }
}

async function scan(url: string) {
  const db = await openDatabase(url);
  try {
    const { ms, value } = await timed(() => scanAll(db.db));
    return { ms, value: { prefectures: value.prefectures, suspectedPairs: value.suspected } };
  } finally {
    await db.destroy();
  }
}

async function run(task: Task): Promise<Omit<ChildResult, 'peakMb'>> {
  switch (task.op) {
    case 'parse': {
      const { ms, value, cpu } = await parse(task.path);
      return { ms, detail: { ...value, cpu } };
    }
    case 'import': {
      const { ms, value } = await importFile(task.path, task.url, task.rows);
      return { ms, detail: value };
    }
    case 'store-floor':
      return measureStoreFloor(task.from, task.to);
    case 'ledger-page':
      return measureLedgerPage(task.url, task.runs);
    case 'plan-table':
      return measurePlanTable(task.url, task.scope, task.runs);
    case 'read-names': {
      const { ms, value } = await readNames(task.url);
      return { ms, detail: value };
    }
    case 'scan': {
      const { ms, value } = await scan(task.url);
      return { ms, detail: value };
    }
    case 'seed-progress': {
      const { ms, value } = await seedProgress(task.url);
      return { ms, detail: value };
    }
    case 'progress-table':
      return measureProgressTable(task.url, task.runs);
    case 'dashboard':
      return measureDashboard(task.url, task.runs);
    case 'five-year':
      return measureFiveYear(task.url, task.runs);
    case 'progress-import':
      return measureProgressImport(task.url, task, task.rows);
    case 'export-ledger':
      return measureLedgerExport(task.url, task.region, task.format);
    case 'export-statistics':
      return measureStatisticsExport(task.url, task.scope);
  }
}

const result = await run(JSON.parse(process.argv[2]!) as Task);
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`RESULT ${JSON.stringify({ ...result, peakMb } satisfies ChildResult)}\n`);
