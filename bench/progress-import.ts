/**
 * "import progress" (issue 9 §3): a month's progress file of `rows` communities that carries
 * 居民同意户数 and start dates, imported into a ledger with no consultations, against the
 * project-list import of the same communities into an empty ledger (the raw side: what the
 * ledger's own import takes for the same rows). Both are csv; the progress import records one
 * consultation per row and checks every start against it and its project, so a cost that grew
 * with the ledger (as the whole-table consent aggregate did) shows as a ratio that grows with
 * `rows`. Target ≤ 3×.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { openDatabase } from '../server/src/bootstrap.ts';
import { nationalRows } from '../server/src/demo/national.ts';
import type { SyntheticUnit } from '../server/src/demo/synthetic.ts';
import { COLUMNS, HEADERS } from '../server/src/domain/ledger/template.ts';
import { csvLine } from '../server/src/domain/spreadsheet-cells.ts';
import { importProjectList } from '../server/src/modules/ledger/import/import.service.ts';
import { importProgress } from '../server/src/modules/progress/progress-import.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';

export const PROGRESS_IMPORT_ROWS = 40_000;

async function write(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

const close = (out: WriteStream) =>
  new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );

/**
 * The project list of `rows` synthetic communities and their progress file for December of their
 * plan year: 居民同意户数 at 80 % of households (a tenth at 60 %, without a start), a start in June.
 */
export async function writeProgressFixtures(
  units: Map<string, SyntheticUnit[]>,
  rows: number,
  seed: number,
  paths: { list: string; progress: string },
): Promise<{ rows: number; starts: number }> {
  const list = createWriteStream(paths.list);
  const progress = createWriteStream(paths.progress);
  await write(list, '\uFEFF' + csvLine([...HEADERS]));
  await write(
    progress,
    '\uFEFF' +
      csvLine([
        '区划代码',
        '小区名称',
        '计划年度',
        '报告期',
        '居民同意户数',
        '开工日期',
        '累计完成投资（万元）',
      ]),
  );
  let n = 0;
  let starts = 0;
  for (const row of nationalRows((p) => units.get(p) ?? [], rows, seed)) {
    await write(list, csvLine(COLUMNS.map((c) => row[c.key])));
    const households = Number(row.households);
    const starting = n % 10 !== 9;
    if (starting) starts++;
    await write(
      progress,
      csvLine([
        row.regionCode,
        row.name,
        row.planYear,
        `${row.planYear}-12`,
        String(Math.ceil(households * (starting ? 0.8 : 0.6))),
        starting ? `${row.planYear}-06-15` : '',
        starting ? '12.5' : '',
      ]),
    );
    n++;
  }
  await close(list);
  await close(progress);
  return { rows: n, starts };
}

/** Both imports, timed apart, into a fresh database at `url`; any error in either fails the run. */
export async function measureProgressImport(
  url: string,
  paths: { list: string; progress: string },
  rows: number,
) {
  const db = await openDatabase(url);
  try {
    globalThis.gc?.();
    let t = performance.now();
    const list = await importProjectList(db.db, SYSTEM_ACTOR, paths.list, { dryRun: false });
    const rawMs = performance.now() - t;
    if (list.errorCount || list.imported !== rows)
      throw new Error(`project list: ${list.imported}/${rows}, ${JSON.stringify(list.errors[0])}`);
    globalThis.gc?.();
    t = performance.now();
    const progress = await importProgress(db.db, SYSTEM_ACTOR, paths.progress, {
      dryRun: false,
      fileName: 'progress.csv',
    });
    const ms = performance.now() - t;
    if (progress.errorCount || progress.imported !== rows)
      throw new Error(
        `progress: ${progress.imported}/${rows}, ${progress.errorCount} errors, e.g. ${JSON.stringify(progress.errors.slice(0, 3))}`,
      );
    return {
      ms,
      rawMs,
      detail: {
        rows,
        consultationsRecorded: progress.consultationsRecorded,
        projectListMs: rawMs,
      },
    };
  } finally {
    await db.destroy();
  }
}
