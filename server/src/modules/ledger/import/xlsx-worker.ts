// The worker thread of xlsx-thread.ts: reads an xlsx with readXlsxRows and posts its rows in
// batches, each only once the reader has asked for more (so a slow import never has the whole
// file queued in its memory). A failure is posted as its name and message.
import { parentPort, workerData } from 'node:worker_threads';
import { readXlsxRows } from './xlsx.ts';
import type { ReadLimits, TableRow } from './table-row.ts';

export interface XlsxJob {
  path: string;
  fileSize: number;
  limits: ReadLimits;
  chunkSize: number;
  rowsPerMessage: number;
}

export type XlsxMessage =
  { rows: TableRow[]; done: boolean } | { error: { name: string; message: string } };

const port = parentPort!;
const job = workerData as XlsxJob;
let credit = 0;
let wake: (() => void) | undefined;
port.on('message', (n: number) => {
  credit += n;
  wake?.();
});
const post = async (message: XlsxMessage) => {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage(message);
};

try {
  let rows: TableRow[] = [];
  for await (const row of readXlsxRows(job.path, job.fileSize, job.limits, job.chunkSize)) {
    rows.push(row);
    if (rows.length < job.rowsPerMessage) continue;
    await post({ rows, done: false });
    rows = [];
  }
  await post({ rows, done: true });
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  port.postMessage({ error: { name: error.name, message: error.message } } satisfies XlsxMessage);
}
port.close();
