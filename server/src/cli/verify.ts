/** `gaizao verify [--json]` (cli.md): 0 when every frozen record and the audit chain hold, else 1. */
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { FROZEN_LABELS } from '../modules/integrity/integrity.ts';
import { verifyAll } from '../modules/integrity/integrity.service.ts';
import { databaseUrl, parse } from './options.ts';

export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const db = await openDatabase(databaseUrl(values.db));
  try {
    const url = databaseUrl(values.db);
    const result = await verifyAll(db.db, {
      uploadDir: loadConfig({ databaseUrl: url }).uploadDir,
    });
    const ok = result.mismatches.length === 0;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok, ...result }, null, 2)}\n`);
    } else {
      const counts = Object.entries(result.checked)
        .map(([k, n]) => `${FROZEN_LABELS[k as keyof typeof FROZEN_LABELS]} ${n}`)
        .join('，');
      for (const m of result.mismatches)
        process.stdout.write(
          `不符\t${m.kind}\t${m.id}\t${m.region ?? '-'}\t存储 ${m.stored ?? '(空)'}\t重算 ${m.recomputed}\t${m.problem}\n`,
        );
      console.error(
        ok
          ? `校验通过：${counts}`
          : `校验失败：${result.mismatches.length} 处不符（已检查 ${counts}）`,
      );
    }
    return ok ? 0 : 1;
  } finally {
    await db.destroy();
  }
}
