/**
 * Writing a streamed export (export-stream.ts): rows wait for the
 * compressor and for the reader at the far end, and an export whose reader went away stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './modules/ledger/import/read-table.ts';
import {
  committed,
  ExportAbandoned,
  MAX_PENDING_BYTES,
  pendingBytes,
  sheetDrained,
  writeChunk,
} from './export-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ROWS_PER_BATCH = 1000;
/** A row of about 200 bytes of XML, different each time (compressible, as real rows are). */
const row = (i: number) => [i, `第${i}号小区`, `某某路${i}号院`, i * 1.25, '2000'];

function book(out: Writable) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  return { workbook, sheet: workbook.addWorksheet('改造项目清单') };
}

describe('sheetDrained', () => {
  it('reads the bytes waiting in front of the compressor (ExcelJS 4 internals)', () => {
    const { sheet } = book(new PassThrough());
    // Undefined would mean an ExcelJS upgrade moved them: exports would lose their backpressure.
    expect(pendingBytes(sheet)).toBe(0);
  });

  it('keeps what waits for the compressor bounded, and the file whole', async () => {
    const path = join(dir, 'bounded.xlsx');
    const out = createWriteStream(path);
    const { workbook, sheet } = book(out);
    let most = 0;
    const batches = 60;
    for (let b = 0; b < batches; b++) {
      for (let i = 0; i < ROWS_PER_BATCH; i++) sheet.addRow(row(b * ROWS_PER_BATCH + i)).commit();
      most = Math.max(most, pendingBytes(sheet)!);
      await sheetDrained(sheet, out);
      expect(pendingBytes(sheet)).toBeLessThanOrEqual(MAX_PENDING_BYTES);
    }
    sheet.commit();
    await workbook.commit();
    if (!out.closed) await once(out, 'close');
    // A batch is far below the bound, so the bound, not the batch, is what was measured.
    expect(most).toBeLessThan(MAX_PENDING_BYTES + 1024 * 1024);
    let rows = 0;
    for await (const r of readTable(path)) {
      expect(r.cells[1]).toBe(`第${rows}号小区`);
      rows++;
    }
    expect(rows).toBe(batches * ROWS_PER_BATCH);
  });

  it('holds the rows back while the reader does not read, and stops when it goes away', async () => {
    // A reader that takes nothing (a download stalled): its callback is never called.
    const out = new Writable({ write() {} });
    const { sheet } = book(out);
    let written = 0;
    const producing = (async () => {
      for (;;) {
        for (let i = 0; i < ROWS_PER_BATCH; i++) sheet.addRow(row(written++)).commit();
        await sheetDrained(sheet, out);
      }
    })();
    const outcome = producing.then(
      () => 'finished',
      (e: unknown) => e,
    );
    // The compressor takes rows until its own buffers are full; then the rows stop coming.
    let before = -1;
    for (let waited = 0; written !== before; waited += 250) {
      expect(waited, 'rows still being made after 10 s').toBeLessThan(10_000);
      before = written;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(pendingBytes(sheet)).toBeGreaterThan(0); // rows wait, none is lost
    out.destroy();
    const e = await outcome;
    expect(e).toBeInstanceOf(ExportAbandoned);
    expect((e as Error).message).toContain('导出已中止');
  });
});

/** A reader that takes nothing (a download stalled): its callback is never called. */
const stalled = () => new Writable({ highWaterMark: 1024, write() {} });
const settled = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => e,
  );

describe('writeChunk', () => {
  it('waits while the reader does not read, and stops when it goes away', async () => {
    const out = stalled();
    const outcome = settled(writeChunk(out, 'x'.repeat(4096)));
    await new Promise((r) => setTimeout(r, 50));
    expect(await Promise.race([outcome, 'waiting'])).toBe('waiting');
    out.destroy();
    expect(await outcome).toBeInstanceOf(ExportAbandoned);
    await expect(writeChunk(out, 'more')).rejects.toThrow(ExportAbandoned);
  });

  it('goes on once the reader has read', async () => {
    const chunks: string[] = [];
    let release: (() => void) | undefined;
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        release = done;
      },
    });
    const writing = writeChunk(out, 'x'.repeat(4096));
    await new Promise((r) => setTimeout(r, 20));
    release!();
    await writing;
    expect(chunks.join('')).toHaveLength(4096);
  });
});

describe('committed', () => {
  it('ends the workbook when the reader reads it all', async () => {
    const path = join(dir, 'small.xlsx');
    const out = createWriteStream(path);
    const { workbook, sheet } = book(out);
    sheet.addRow(row(0)).commit();
    sheet.commit();
    await committed(workbook.commit(), out);
    const rows: string[][] = [];
    for await (const r of readTable(path)) rows.push(r.cells);
    expect(rows).toEqual([row(0).map(String)]);
  });

  it('stops waiting for a workbook whose reader went away', async () => {
    const out = stalled();
    const { workbook, sheet } = book(out);
    for (let i = 0; i < 2000; i++) sheet.addRow(row(i)).commit();
    sheet.commit();
    const outcome = settled(committed(workbook.commit(), out));
    await new Promise((r) => setTimeout(r, 100));
    expect(await Promise.race([outcome, 'waiting'])).toBe('waiting'); // ExcelJS waits on the reader
    out.destroy();
    expect(await outcome).toBeInstanceOf(ExportAbandoned);
  });
});
