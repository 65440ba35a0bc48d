/**
 * A ledger export whose reader goes away (a download cancelled) stops, in csv and in xlsx, instead
 * of waiting for that reader for ever with its rows in memory (export-stream.ts).
 */
import { Writable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { ExportAbandoned } from '../../../export-stream.ts';
import { HAINAN_PROJECT_LIST } from '../../../test-support/samples.ts';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { importProjectList } from '../import/import.service.ts';
import { exportLedger } from './export.service.ts';

describeEachEngine('a ledger export whose reader goes away', (ctx) => {
  beforeAll(async () => {
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, HAINAN_PROJECT_LIST, {
      dryRun: false,
    });
    expect(report.errorCount).toBe(0);
  });

  it.each(['csv', 'xlsx'] as const)('stops (%s)', async (format) => {
    let received = 0;
    // Takes the first bytes, then nothing more: a browser whose download was cancelled.
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received < 2048) done();
      },
    });
    const exporting = exportLedger(ctx.db.db, { scopePath: '/' }, format, out).then(
      (rows) => rows,
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(await Promise.race([exporting, 'waiting'])).toBe('waiting');
    out.destroy();
    expect(await exporting).toBeInstanceOf(ExportAbandoned);
  });
});
