/**
 * The views read "as at a month" (issue 14 §1), after a year of monthly records and the provinces'
 * submitted plans are seeded into the imported ledger: the national progress table, the
 * ministry's dashboard and the country's five-year view, each against the aggregation over the
 * ledger it replaces. Called by run.ts for each engine.
 */
import type { Engine } from './databases.ts';
import { PROGRESS_QUERY } from './progress-table.ts';
import { judge, type Result } from './report.ts';
import { inChild } from './spawn.ts';

const PROGRESS_TABLE_RUNS = 21;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function benchProgressViews(
  engine: Engine,
  url: string,
  log: (s: string) => void,
): Promise<Result[]> {
  const results: Result[] = [];
  log(`${engine}: a year of monthly progress and the provinces' submitted plans`);
  const seeded = await inChild({ op: 'seed-progress', url });
  log(`  seeded ${seconds(seeded.ms)}; progress table, ${PROGRESS_TABLE_RUNS} runs of each side`);
  const progress = await inChild({
    op: 'progress-table',
    url,
    runs: PROGRESS_TABLE_RUNS,
  });
  results.push(
    judge({
      engine,
      operation: 'national progress table (progressTable)',
      raw: 'the aggregation over the ledger and its records it replaces, by hand, straight to the engine (the full table by hand is the check)',
      ms: progress.ms,
      rawMs: progress.rawMs!,
      targetRatio: 0.25,
      detail: {
        ...progress.detail,
        query: PROGRESS_QUERY,
        seeded: seeded.detail,
        statistic: 'median',
        load1: progress.load1,
      },
    }),
  );
  log(`${engine}: the ministry's dashboard, ${PROGRESS_TABLE_RUNS} runs of each side`);
  const board = await inChild({ op: 'dashboard', url, runs: PROGRESS_TABLE_RUNS });
  log(`  dashboard ${board.ms.toFixed(1)} ms, raw SQL ${board.rawMs!.toFixed(1)} ms`);
  results.push(
    judge({
      engine,
      operation: `the ministry's dashboard (dashboard, ${PROGRESS_QUERY.year}, December)`,
      raw: 'the progress aggregate over the ledger and the month-by-month investment changes it replaces, by hand',
      ms: board.ms,
      rawMs: board.rawMs!,
      targetRatio: 0.25,
      detail: { ...board.detail, statistic: 'median', load1: board.load1 },
    }),
  );
  log(`${engine}: the country's five-year view, ${PROGRESS_TABLE_RUNS} runs of each side`);
  const fiveYear = await inChild({ op: 'five-year', url, runs: PROGRESS_TABLE_RUNS });
  log(`  five-year ${fiveYear.ms.toFixed(1)} ms, raw SQL ${fiveYear.rawMs!.toFixed(1)} ms`);
  results.push(
    judge({
      engine,
      operation: "the country's five-year view (fiveYearView, 2021–2025)",
      raw: 'the plan years and the pools not yet started, aggregated over the ledger by hand',
      ms: fiveYear.ms,
      rawMs: fiveYear.rawMs!,
      targetRatio: 0.25,
      detail: { ...fiveYear.detail, statistic: 'median', load1: fiveYear.load1 },
    }),
  );
  return results;
}
