/**
 * `npm run bench`: the national-scale benchmarks of the issue "Benchmarks" (docs/benchmarks.md).
 * A seeded synthetic national ledger is written as csv and xlsx; each operation runs in a child
 * process of its own (bench/child.ts) beside the raw engine doing the least the same job needs,
 * on SQLite and, when BENCH_DATABASE_URL is set, on PostgreSQL. Prints a table and writes
 * bench/results/latest.json. A missed target is reported, never asserted: the run exits 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { openDatabase } from '../server/src/bootstrap.ts';
import { loadBenchConfig, type BenchConfig } from './config.ts';
import { benchCliStartup } from './cli-startup.ts';
import { analyzeLedger, newDatabase, type Engine } from './databases.ts';
import { unitsByProvince, writeFixtures, type Fixture } from './fixtures.ts';
import { PAGE_QUERY } from './ledger-page.ts';
import { benchProgressViews } from './progress-views.ts';
import { PROGRESS_QUERY } from './progress-table.ts';
import { writeProgressFixtures } from './progress-import.ts';
import { EXPORT_PROVINCE } from './exports.ts';
import { PLAN_TABLE_SCOPES, PLAN_YEAR } from './plan-table.ts';
import { hasTarget, judge, table, type Result } from './report.ts';
import { inChild } from './spawn.ts';
import { seconds, xlsxRounds, type Measured } from './xlsx-rounds.ts';

const LEDGER_PAGE_RUNS = 101;
const PLAN_TABLE_RUNS = 51;
const started = Date.now();
const log = (s: string) =>
  process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}\n`);

/** The code measured: the commit, and the server files changed since (the tree is shared). */
function codeVersion() {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    }).trim();
  try {
    return {
      commit: git('rev-parse', 'HEAD'),
      uncommitted: git('status', '--porcelain', '--', 'server').split('\n').filter(Boolean),
    };
  } catch {
    return { commit: 'unknown', uncommitted: [] };
  }
}

async function benchEngine(
  engine: Engine,
  fixture: Fixture,
  dir: string,
  config: BenchConfig,
): Promise<Result[]> {
  const results: Result[] = [];
  const ledger = newDatabase(engine, dir, config.postgresUrl); // the csv import fills it
  try {
    const parsed: Partial<Record<'csv' | 'xlsx', Measured>> = {};
    const imported: Partial<Record<'csv' | 'xlsx', Measured>> = {};
    log(`${engine}: bare parse of the csv`);
    parsed.csv = await inChild({ op: 'parse', path: fixture.csv });
    log(`${engine}: import of the csv`);
    imported.csv = await inChild({
      op: 'import',
      path: fixture.csv,
      url: ledger.url,
      rows: fixture.rows,
    });
    log(`  import ${seconds(imported.csv.ms)}, parse ${seconds(parsed.csv.ms)}`);
    const xlsx = await xlsxRounds(engine, fixture, dir, config, log);
    parsed.xlsx = xlsx.parse;
    imported.xlsx = xlsx.import;
    const importResult = (
      format: 'csv' | 'xlsx',
      raw: string,
      rawMs: number,
      targetRatio: number,
      extra: Record<string, unknown> = {},
    ) => {
      const i = imported[format]!;
      const p = parsed[format]!;
      return judge({
        engine,
        operation: `import ${format} (${fixture.rows} rows)`,
        raw,
        ms: i.ms,
        rawMs,
        targetRatio,
        peakMb: i.peakMb,
        rawPeakMb: p.peakMb,
        memoryLimitMb: 400,
        detail: { ...i.detail, parse: p.detail, ...extra, load1: [i.load1, p.load1] },
      });
    };
    results.push(
      importResult('xlsx', 'bare parse of the same file (readTable)', parsed.xlsx.ms, 1.5, {
        rounds: xlsx.rounds,
      }),
    );

    // What the csv import stored, copied by the engine alone: the least any import
    // of the file could take beyond its parse (bench/store-floor.ts).
    log(`${engine}: the import's rows copied by the engine alone`);
    const floorDb = newDatabase(engine, dir, config.postgresUrl);
    try {
      const floor = await inChild({ op: 'store-floor', from: ledger.url, to: floorDb.url });
      log(`  copied ${seconds(floor.ms)}`);
      results.push(
        judge({
          engine,
          operation: `store floor: the csv import's rows copied by the engine`,
          raw: 'bare parse of the csv (as import csv)',
          ms: floor.ms,
          rawMs: parsed.csv!.ms,
          peakMb: floor.peakMb,
          detail: { ...floor.detail, load1: floor.load1 },
        }),
      );
      // The csv import against what any import of the file must do: parse it and store its
      // rows (issue 14 §4: ≤ 2.5 × (parse + floor), measured in the same run).
      results.push(
        importResult(
          'csv',
          'bare parse + store floor of the same rows',
          parsed.csv!.ms + floor.ms,
          2.5,
          {
            floorMs: floor.ms,
          },
        ),
      );
      // The xlsx import against the same two, shown beside its target: the store floor alone
      // took longer than the xlsx's parse on PostgreSQL (9.8 s against 7.9 s in the run of
      // docs/benchmarks.md, 2026-12-08), so within 1.5 × the parse the engine's share and the
      // parse would have to overlap almost wholly on two cores.
      results.push(
        judge({
          engine,
          operation: `import xlsx against its parse + store floor`,
          raw: 'bare parse of the xlsx (the median round) + store floor of the same rows',
          ms: imported.xlsx.ms,
          rawMs: parsed.xlsx.ms + floor.ms,
          peakMb: imported.xlsx.peakMb,
          label: 'shown',
          detail: { parseMs: parsed.xlsx.ms, floorMs: floor.ms },
        }),
      );
    } finally {
      await floorDb.drop();
    }
    await analyzeLedger(ledger);

    log(`${engine}: ledger page, ${LEDGER_PAGE_RUNS} runs of each side`);
    const page = await inChild({ op: 'ledger-page', url: ledger.url, runs: LEDGER_PAGE_RUNS });
    results.push(
      judge({
        engine,
        operation: 'ledger page + totals (listLedger)',
        raw: 'the same SQL by hand, straight to the engine',
        ms: page.ms,
        rawMs: page.rawMs!,
        targetRatio: 1.5,
        detail: { ...page.detail, query: PAGE_QUERY, statistic: 'median', load1: page.load1 },
      }),
    );

    for (const scope of PLAN_TABLE_SCOPES) {
      const what = scope === 'all' ? 'national plan table' : `province plan table (${scope})`;
      log(`${engine}: ${what}, ${PLAN_TABLE_RUNS} runs of each side`);
      const t = await inChild({ op: 'plan-table', url: ledger.url, scope, runs: PLAN_TABLE_RUNS });
      log(`  planTable ${t.ms.toFixed(1)} ms, raw SQL ${t.rawMs!.toFixed(1)} ms`);
      results.push(
        judge({
          engine,
          operation: `${what} ${PLAN_YEAR} (planTable)`,
          raw: 'the aggregation over the ledger it replaces, by hand, straight to the engine (the full table by hand is the check)',
          ms: t.ms,
          rawMs: t.rawMs!,
          // Issue 14 §1: read from the maintained figures, a quarter of the ledger's scan at most.
          targetRatio: 0.25,
          detail: { ...t.detail, statistic: 'median', load1: t.load1 },
        }),
      );
    }

    log(`${engine}: names read and normalised`);
    const names = await inChild({ op: 'read-names', url: ledger.url });
    log(`${engine}: duplicate scan (scanAll)`);
    const scan = await inChild({ op: 'scan', url: ledger.url });
    log(`  scan ${seconds(scan.ms)}, names ${seconds(names.ms)}`);
    results.push(
      judge({
        engine,
        operation: 'duplicate scan (scanAll)',
        raw: 'one pass reading every name and normalising it',
        ms: scan.ms,
        rawMs: names.ms,
        targetRatio: 3,
        peakMb: scan.peakMb,
        rawPeakMb: names.peakMb,
        memoryLimitMb: 300,
        detail: { ...scan.detail, names: names.detail, load1: [scan.load1, names.load1] },
      }),
    );

    results.push(...(await benchProgressViews(engine, ledger.url, log)));
    results.push(...(await benchExports(engine, ledger.url)));
  } finally {
    await ledger.drop();
  }
  return results;
}

/**
 * Exports with a year of progress in the ledger (bench/exports.ts): the national ledger as xlsx
 * in bounded memory, and a province's statistics export against the ledger export of its rows.
 */
async function benchExports(engine: Engine, url: string): Promise<Result[]> {
  log(`${engine}: the national ledger exported as csv and as xlsx`);
  const csv = await inChild({ op: 'export-ledger', url, region: null, format: 'csv' });
  const xlsx = await inChild({ op: 'export-ledger', url, region: null, format: 'xlsx' });
  log(`  xlsx ${seconds(xlsx.ms)} (${Math.round(xlsx.peakMb)} MB), csv ${seconds(csv.ms)}`);
  log(`${engine}: ${EXPORT_PROVINCE}'s statistics export and its ledger export`);
  const ledger = await inChild({
    op: 'export-ledger',
    url,
    region: EXPORT_PROVINCE,
    format: 'xlsx',
  });
  const stats = await inChild({ op: 'export-statistics', url, scope: EXPORT_PROVINCE });
  log(`  statistics ${seconds(stats.ms)}, ledger ${seconds(ledger.ms)}`);
  return [
    judge({
      engine,
      operation: 'national ledger export xlsx (exportLedger)',
      raw: 'the same rows exported as csv',
      ms: xlsx.ms,
      rawMs: csv.ms,
      peakMb: xlsx.peakMb,
      rawPeakMb: csv.peakMb,
      memoryLimitMb: 400,
      detail: { xlsx: xlsx.detail, csv: csv.detail, load1: [xlsx.load1, csv.load1] },
    }),
    judge({
      engine,
      operation: `statistics export xlsx (${EXPORT_PROVINCE}, ${PROGRESS_QUERY.year}, December)`,
      raw: `ledger export xlsx of the same communities`,
      ms: stats.ms,
      rawMs: ledger.ms,
      targetRatio: 2,
      peakMb: stats.peakMb,
      rawPeakMb: ledger.peakMb,
      memoryLimitMb: 400,
      detail: {
        statistics: stats.detail,
        ledger: ledger.detail,
        load1: [stats.load1, ledger.load1],
      },
    }),
  ];
}

/** "import progress": a month's progress with consultations, against the project list of the same communities. */
async function benchProgressImport(
  engine: Engine,
  files: { list: string; progress: string; rows: number },
  dir: string,
  config: BenchConfig,
): Promise<Result> {
  const db = newDatabase(engine, dir, config.postgresUrl);
  try {
    log(
      `${engine}: import progress (${files.rows} rows) and the project list of the same communities`,
    );
    const r = await inChild({ op: 'progress-import', url: db.url, ...files });
    log(`  progress ${seconds(r.ms)}, project list ${seconds(r.rawMs!)}`);
    return judge({
      engine,
      operation: `import progress (${files.rows} rows, 居民同意户数 and starts)`,
      raw: 'project-list import of the same communities (csv)',
      ms: r.ms,
      rawMs: r.rawMs!,
      targetRatio: 3,
      peakMb: r.peakMb,
      detail: { ...r.detail, load1: r.load1 },
    });
  } finally {
    await db.drop();
  }
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const startLoad = loadavg()[0];
  const code = codeVersion();
  const engines: Engine[] = config.postgresUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const dir = await mkdtemp(join(tmpdir(), 'gaizao-bench-'));
  try {
    if (config.only !== 'progress-import')
      log(`CLI start-up: --help and verify against a bare node, alternating`);
    const startup = config.only === 'progress-import' ? [] : await benchCliStartup(dir);
    if (config.only === 'cli-startup') {
      process.stdout.write(`\n${table(startup)}\n\n`);
      return;
    }
    const regions = await openDatabase(join(dir, 'regions.db'));
    const units = await unitsByProvince(regions.db);
    await regions.destroy();
    log(`writing a progress file of ${config.progressRows} communities and their project list`);
    const progressFiles = {
      list: join(dir, 'progress-list.csv'),
      progress: join(dir, 'progress.csv'),
      ...(await writeProgressFixtures(units, config.progressRows, config.seed, {
        list: join(dir, 'progress-list.csv'),
        progress: join(dir, 'progress.csv'),
      })),
    };
    if (config.only === 'progress-import') {
      const results: Result[] = [];
      for (const engine of engines)
        results.push(await benchProgressImport(engine, progressFiles, dir, config));
      process.stdout.write(`\n${table(results)}\n\n`);
      return;
    }
    log(`writing ${config.communities} communities (seed ${config.seed}) as csv and xlsx`);
    const fixture = await writeFixtures(units, config.communities, config.seed, {
      csv: join(dir, 'national.csv'),
      xlsx: join(dir, 'national.xlsx'),
    });
    log(
      `  csv ${(fixture.csvBytes / 2 ** 20).toFixed(1)} MiB, xlsx ${(fixture.xlsxBytes / 2 ** 20).toFixed(1)} MiB`,
    );

    const results: Result[] = [...startup];
    for (const engine of engines) {
      results.push(...(await benchEngine(engine, fixture, dir, config)));
      results.push(await benchProgressImport(engine, progressFiles, dir, config));
    }

    const out = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverage1m: { start: startLoad, end: loadavg()[0] },
      },
      code,
      communities: config.communities,
      seed: config.seed,
      files: { csvBytes: fixture.csvBytes, xlsxBytes: fixture.xlsxBytes },
      engines,
      results,
    };
    const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
    await mkdir(resultsDir, { recursive: true });
    // Formatted as the repository formats JSON, so `npm run lint` passes over the results.
    const file = join(resultsDir, 'latest.json');
    const options = { ...(await prettier.resolveConfig(file)), parser: 'json' };
    await writeFile(file, await prettier.format(JSON.stringify(out), options));
    process.stdout.write(`\n${table(results)}\n\n`);
    // Rows with nothing to meet (floors, comparisons shown) are not targets, met or missed.
    const targets = results.filter((r) => hasTarget(r));
    const missed = targets.filter((r) => !r.pass).length;
    log(
      `${targets.length - missed} of ${targets.length} targets met (${results.length - targets.length} rows shown without one); results in bench/results/latest.json`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
