/**
 * The files a run imports: the synthetic national ledger (server/src/demo/national.ts) as a csv
 * (UTF-8 with BOM, as the export writes it) and as an xlsx written by ExcelJS's streaming
 * WorkbookWriter with shared strings and numeric cells, as Excel and WPS save a filled template.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../server/src/db/schema.ts';
import { nationalRows } from '../server/src/demo/national.ts';
import type { SyntheticUnit } from '../server/src/demo/synthetic.ts';
import { COLUMNS, HEADERS, type ColumnKey } from '../server/src/domain/ledger/template.ts';
import { csvLine } from '../server/src/domain/spreadsheet-cells.ts';

/** The ledger units of each province: is_ledger_unit = 1 under the province's path. */
export async function unitsByProvince(db: Kysely<Database>): Promise<Map<string, SyntheticUnit[]>> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'path'])
    .where('is_ledger_unit', '=', 1)
    .orderBy('code')
    .execute();
  const out = new Map<string, SyntheticUnit[]>();
  for (const r of rows) {
    const province = r.path.split('/')[2]!; // '/000000/510000/510100/510104/'
    const units = out.get(province) ?? [];
    units.push({ code: r.code, name: r.name });
    out.set(province, units);
  }
  return out;
}

async function write(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

export interface Fixture {
  csv: string;
  xlsx: string;
  rows: number;
  csvBytes: number;
  xlsxBytes: number;
}

/** The columns a filled template holds as numbers (as the export writes them). */
const NUMERIC = new Set<ColumnKey>([
  'seq',
  'buildYear',
  'buildings',
  'households',
  'floorArea',
  'investment',
  'planYear',
]);

export async function writeFixtures(
  units: Map<string, SyntheticUnit[]>,
  count: number,
  seed: number,
  paths: { csv: string; xlsx: string },
): Promise<Fixture> {
  const csv = createWriteStream(paths.csv);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: paths.xlsx,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('改造项目清单');
  await write(csv, '\uFEFF' + csvLine([...HEADERS]));
  sheet.addRow([...HEADERS]).commit();
  let rows = 0;
  for (const row of nationalRows((p) => units.get(p) ?? [], count, seed)) {
    const values = COLUMNS.map((c) => row[c.key]);
    await write(csv, csvLine(values));
    sheet
      .addRow(
        COLUMNS.map((c) => (NUMERIC.has(c.key) && row[c.key] ? Number(row[c.key]) : row[c.key])),
      )
      .commit();
    rows++;
  }
  await close(csv);
  sheet.commit();
  await workbook.commit();
  return {
    ...paths,
    rows,
    csvBytes: (await stat(paths.csv)).size,
    xlsxBytes: (await stat(paths.xlsx)).size,
  };
}
