/**
 * Exports at national scale (issue 14 §4): the national ledger as xlsx, streamed, must stay under
 * 400 MB of peak memory; a province's statistics-bureau export of a plan year (its projects, their
 * communities and the year's indicators at December) must take at most twice the ledger export of
 * the same communities. Each side runs in a child process of its own (bench/child.ts), writing the
 * file into a sink that only counts its bytes, so the disk is not measured.
 */
import { Writable } from 'node:stream';
import { openDatabase } from '../server/src/bootstrap.ts';
import { exportLedger } from '../server/src/modules/ledger/export/export.service.ts';
import { filterFor } from '../server/src/modules/ledger/communities.service.ts';
import { exportStatistics } from '../server/src/modules/progress/stats-export.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { PROGRESS_QUERY } from './progress-table.ts';

/** The province of the statistics export: 四川, the one with the most communities. */
export const EXPORT_PROVINCE = '510000';

/** A stream that keeps nothing: the bytes written, counted. */
function sink() {
  let bytes = 0;
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const finished = new Promise<number>((resolve, reject) => {
    out.on('finish', () => resolve(bytes));
    out.on('error', reject);
  });
  return { out, finished };
}

async function timed(fn: (out: Writable) => Promise<number>) {
  const { out, finished } = sink();
  globalThis.gc?.();
  const t = performance.now();
  const rows = await fn(out);
  const bytes = await finished;
  return { ms: performance.now() - t, detail: { rows, bytes } };
}

/**
 * The ledger export as `GET /api/communities/export` writes it: the whole ledger (region null), or
 * a province's communities of the statistics export's plan year.
 */
export async function measureLedgerExport(
  url: string,
  region: string | null,
  format: 'csv' | 'xlsx',
) {
  const app = await openDatabase(url);
  try {
    const query = region ? { region, planYear: PROGRESS_QUERY.year } : {};
    const filter = await filterFor(app.db, SYSTEM_ACTOR, query);
    return await timed((out) => exportLedger(app.db, filter, format, out));
  } finally {
    await app.destroy();
  }
}

/** The statistics export as `GET /api/statistics-export?format=xlsx` writes it. */
export async function measureStatisticsExport(url: string, scope: string) {
  const app = await openDatabase(url);
  try {
    const { year, month } = PROGRESS_QUERY;
    return await timed((out) =>
      exportStatistics(app.db, SYSTEM_ACTOR, { scope, year, month, format: 'xlsx' }, out),
    );
  } finally {
    await app.destroy();
  }
}
