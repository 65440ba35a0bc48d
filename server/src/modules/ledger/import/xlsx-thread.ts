// readXlsxRows in a worker thread. ExcelJS's parse of a large xlsx takes longer than checking and
// storing its rows; in a thread of its own it runs while the import writes (the server has more
// than one core), and its garbage stays in that thread's heap, which is capped (a parse leaves
// hundreds of MB uncollected when V8 is let grow at will: docs/benchmarks.md). The rows come in
// batches with at most a few in flight, so memory stays bounded whatever the file's length.
import { Worker } from 'node:worker_threads';
import { TableReadError, type ReadLimits, type TableRow } from './table-row.ts';
import type { XlsxJob, XlsxMessage } from './xlsx-worker.ts';

const ROWS_PER_MESSAGE = 500;
const MESSAGES_IN_FLIGHT = 4;
/**
 * The worker's old-generation heap, MB: well above what a parse keeps alive (the shared strings
 * and a batch or two, under 50 MB for the national 220,000-row file of 23 MB) and far below what
 * V8 would let garbage reach on a large machine. The shared strings grow with the file, so the cap
 * does too: 8 MB per MB of file, 512 MB for one at the 64 MB limit.
 */
const workerHeapMb = (fileSize: number) => Math.max(192, Math.ceil((fileSize / 2 ** 20) * 8));

/**
 * From the TypeScript source (tsx, the tests), the worker registers tsx itself before loading
 * xlsx-worker.ts, whatever started this process (the tsx CLI, node --import tsx, or the test
 * runner): it is not given this process's flags. From the compiled build (dist/server, where this
 * code sits in a .js chunk beside xlsx-worker.js: scripts/build.js) it loads xlsx-worker.js as is.
 */
const COMPILED = import.meta.url.endsWith('.js');
const BOOTSTRAP = COMPILED
  ? `import(require('node:worker_threads').workerData.entry);`
  : `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ register }) => { register(); return import(workerData.entry); });
`;
const TSX_API = COMPILED ? undefined : import.meta.resolve('tsx/esm/api');
const ENTRY = new URL(COMPILED ? './xlsx-worker.js' : './xlsx-worker.ts', import.meta.url).href;

export async function* readXlsxRowsInWorker(
  path: string,
  fileSize: number,
  limits: ReadLimits,
  chunkSize: number,
): AsyncGenerator<TableRow> {
  const heapMb = workerHeapMb(fileSize);
  const job: XlsxJob = { path, fileSize, limits, chunkSize, rowsPerMessage: ROWS_PER_MESSAGE };
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    execArgv: [],
    workerData: { ...job, tsx: TSX_API, entry: ENTRY },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  const inbox: XlsxMessage[] = [];
  let failure: { error: unknown } | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const arrived = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (m: XlsxMessage) => {
    inbox.push(m);
    arrived();
  });
  worker.on('error', (error) => {
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    failure ??= {
      error: outOfMemory
        ? new TableReadError(`xlsx 文件内容过多，读取时超出内存上限 ${heapMb} MB`)
        : error,
    };
    arrived();
  });
  worker.on('exit', (code) => {
    if (!finished) failure ??= { error: new Error(`xlsx worker exited with code ${code}`) };
    arrived();
  });
  try {
    worker.postMessage(MESSAGES_IN_FLIGHT);
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (failure) throw failure.error;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('error' in message) {
        finished = true;
        const { name, message: text } = message.error;
        throw name === 'TableReadError'
          ? new TableReadError(text)
          : Object.assign(new Error(text), { name });
      }
      worker.postMessage(1);
      if (message.done) finished = true;
      yield* message.rows;
      if (message.done) return;
    }
  } finally {
    finished = true;
    await worker.terminate();
  }
}
