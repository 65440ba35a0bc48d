/**
 * Writing a streamed export (csv, or xlsx through ExcelJS's streaming writer) at the pace of its
 * reader, and stopping when the reader goes away (a download cancelled, a pipe closed).
 *
 * ExcelJS's writer (WorkbookWriter) has no backpressure of its own: `row.commit()` never waits,
 * and the sheet's XML piles up in front of the compressor whenever rows are made faster than they
 * are deflated. The national ledger export held about 170 MB of uncompressed XML that way
 * (docs/benchmarks.md). A streaming export calls `sheetDrained` after each batch of rows: it lets
 * the event loop turn (other requests are served between batches, and a producer whose reads
 * resolve without I/O, as better-sqlite3's do, gives the compressor its turns), then waits while
 * more than MAX_PENDING_BYTES of the sheet are not yet compressed. A slow reader at the far end
 * (`out`) holds the compressor back, so it holds the rows back too.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

/** Uncompressed bytes of a sheet allowed to wait for the compressor. */
export const MAX_PENDING_BYTES = 4 * 2 ** 20;

/** Thrown when the reader of an export went away: the export stops. */
export class ExportAbandoned extends Error {
  constructor() {
    super('导出已中止：接收方已关闭');
    this.name = 'ExportAbandoned';
  }
}

/**
 * What a WorksheetWriter has at run time beyond its typings (exceljs 4): `stream`, the sheet's
 * buffer, piped into the PassThrough the zip archiver reads the sheet from.
 */
interface SheetInternals {
  stream?: { pipes?: Pipe[] };
}
interface Pipe {
  _writableState?: { length?: number };
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/** The sheet's bytes written and not yet taken by the compressor; undefined if not to be had. */
export function pendingBytes(sheet: ExcelJS.Worksheet): number | undefined {
  return sheetPipe(sheet)?._writableState?.length;
}

function sheetPipe(sheet: ExcelJS.Worksheet): Pipe | undefined {
  const pipe = (sheet as unknown as SheetInternals).stream?.pipes?.[0];
  return typeof pipe?._writableState?.length === 'number' ? pipe : undefined;
}

/** Until `drained` emits 'drain' or the reader `out` closes. */
function drainOrClose(drained: Pipe | Writable, out: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      drained.removeListener('drain', done);
      out.removeListener('close', done);
      resolve();
    };
    drained.once('drain', done);
    out.once('close', done);
  });
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** After a batch of rows committed to `sheet`: see above. */
export async function sheetDrained(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  await turn();
  const pipe = sheetPipe(sheet);
  while (pipe && pipe._writableState!.length! > MAX_PENDING_BYTES) {
    if (out.destroyed) throw new ExportAbandoned();
    await drainOrClose(pipe, out);
  }
  if (out.destroyed) throw new ExportAbandoned();
}

/** Writes `chunk` (csv text) to `out`, waiting while out's buffer is full. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new ExportAbandoned();
  if (!out.write(chunk)) await drainOrClose(out, out);
  if (out.destroyed) throw new ExportAbandoned();
}

/**
 * The workbook's end written (`commit`, ExcelJS's `workbook.commit()`), unless the reader goes
 * away first: ExcelJS would then wait for it forever.
 */
export async function committed(commit: Promise<unknown>, out: Writable): Promise<void> {
  commit.catch(() => {}); // given up on when the reader has gone
  await new Promise<void>((resolve, reject) => {
    const closed = () => {
      if (!out.writableFinished) reject(new ExportAbandoned());
    };
    if (out.destroyed) return closed();
    out.once('close', closed);
    commit.then(
      () => {
        out.removeListener('close', closed);
        resolve();
      },
      (e: unknown) => {
        out.removeListener('close', closed);
        reject(e as Error);
      },
    );
  });
}
