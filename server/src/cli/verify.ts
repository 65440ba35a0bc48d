/**
 * `gaizao verify [--json] [--rebuild-figures]` (cli.md): 0 when every frozen record, the audit
 * chain and the maintained figures hold, else 1. `--rebuild-figures` first recomputes the figures
 * from the records, and the frozen plans' counts by region from those still intact (a repair; the
 * check that follows must then find them equal).
 */
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { rebuildFigures } from '../modules/figures/figures.repository.ts';
import { checkFigures, FIGURE_LABELS } from '../modules/figures/figures.service.ts';
import { FROZEN_LABELS } from '../modules/integrity/integrity.ts';
import { recountSnapshots, verifyAll } from '../modules/integrity/integrity.service.ts';
import { databaseUrl, parse } from './options.ts';

export async function verifyCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    json: { type: 'boolean' },
    'rebuild-figures': { type: 'boolean' },
  });
  const db = await openDatabase(databaseUrl(values.db));
  try {
    const url = databaseUrl(values.db);
    if (values['rebuild-figures'])
      await db.db.transaction().execute(async (trx) => {
        await rebuildFigures(trx);
        await recountSnapshots(trx);
      });
    const result = await verifyAll(db.db, {
      uploadDir: loadConfig({ databaseUrl: url }).uploadDir,
    });
    const figures = await checkFigures(db.db);
    const ok = result.mismatches.length === 0 && figures.mismatches.length === 0;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ ok, ...result, figures }, null, 2)}\n`);
    } else {
      const counts = [
        ...Object.entries(result.checked).map(
          ([k, n]) => `${FROZEN_LABELS[k as keyof typeof FROZEN_LABELS]} ${n}`,
        ),
        ...Object.entries(figures.checked).map(
          ([k, n]) => `${FIGURE_LABELS[k as keyof typeof FIGURE_LABELS]} ${n}`,
        ),
      ].join('，');
      for (const m of figures.mismatches)
        process.stdout.write(
          `不符\t${m.table}\t${m.key}\t-\t存储 ${m.stored ?? '(无)'}\t重算 ${m.recomputed ?? '(无)'}\t维护的汇总数与记录重算不符（gaizao verify --rebuild-figures 可重建）\n`,
        );
      for (const m of result.mismatches)
        process.stdout.write(
          `不符\t${m.kind}\t${m.id}\t${m.region ?? '-'}\t存储 ${m.stored ?? '(空)'}\t重算 ${m.recomputed}\t${m.problem}\n`,
        );
      console.error(
        ok
          ? `校验通过：${counts}`
          : `校验失败：${result.mismatches.length + figures.mismatches.length} 处不符（已检查 ${counts}）`,
      );
    }
    return ok ? 0 : 1;
  } finally {
    await db.destroy();
  }
}
