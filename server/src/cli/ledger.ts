/** `gaizao import` and `gaizao export` (docs/cli.md), as the system administrator. */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { openDatabase } from '../bootstrap.ts';
import { findRegion } from '../modules/regions/regions.repository.ts';
import { ExportAbandoned } from '../export-stream.ts';
import { exportLedger } from '../modules/ledger/export/export.service.ts';
import { importSubsidyHistory } from '../modules/ledger/import/history-import.service.ts';
import { importProjectList } from '../modules/ledger/import/import.service.ts';
import { readTable, TableReadError } from '../modules/ledger/import/read-table.ts';
import {
  importConsultations,
  isConsultationsHeader,
} from '../modules/progress/consultations-import.service.ts';
import { importProgress, isProgressHeader } from '../modules/progress/progress-import.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';

const KINDS = ['projects', 'progress', 'consultations', 'subsidised-history'];
type Kind = 'projects' | 'progress' | 'consultations' | 'subsidised-history';
const UNITS: Record<Kind, string> = {
  projects: '个小区',
  progress: '行',
  consultations: '次协商',
  'subsidised-history': '条',
};

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    kind: { type: 'string' },
  });
  const [file] = positionals;
  if (!file) throw new UsageError('import 需要文件路径：gaizao import FILE [--dry-run] [--json]');
  if (values.kind && !KINDS.includes(values.kind))
    throw new UsageError(
      `--kind 应为 projects、progress、consultations 或 subsidised-history：${values.kind}`,
    );
  const db = await openDatabase(databaseUrl(values.db));
  try {
    // Recognised by its headers (cli.md): a progress file has 报告期, a consultations file 同意户数.
    let kind = values.kind;
    if (!kind)
      for await (const { cells } of readTable(file)) {
        kind = isProgressHeader(cells)
          ? 'progress'
          : isConsultationsHeader(cells)
            ? 'consultations'
            : 'projects';
        break;
      }
    const label =
      kind === 'progress'
        ? '月度进展'
        : kind === 'consultations'
          ? '居民协商'
          : kind === 'subsidised-history'
            ? '已获中央补助的历史清单'
            : '项目清单';
    const dryRun = values['dry-run'] ?? false;
    const report =
      kind === 'progress'
        ? {
            ...(await importProgress(db.db, SYSTEM_ACTOR, file, { dryRun })),
            warnings: [],
            warningCount: 0,
          }
        : kind === 'consultations'
          ? {
              ...(await importConsultations(db.db, SYSTEM_ACTOR, file, { dryRun })),
              warnings: [],
              warningCount: 0,
            }
          : kind === 'subsidised-history'
            ? await importSubsidyHistory(db.db, SYSTEM_ACTOR, file, { dryRun })
            : await importProjectList(db.db, SYSTEM_ACTOR, file, { dryRun });
    if (values.json) {
      console.log(
        JSON.stringify(
          report.errors.map(({ line, column, value, message }) => ({
            line,
            column,
            value,
            message,
          })),
        ),
      );
    } else if (report.errorCount) {
      for (const e of report.errors)
        console.log(`第 ${e.line} 行 [${e.column}] ${e.value ? `“${e.value}” ` : ''}${e.message}`);
      if (report.errorCount > report.errors.length) console.log(`……共 ${report.errorCount} 处错误`);
    } else {
      for (const w of report.warnings.slice(0, 20))
        console.error(`提示：第 ${w.line} 行 [${w.column}] ${w.message}`);
      if (report.warningCount > 20) console.error(`提示：……共 ${report.warningCount} 条提示`);
      if ('suspected' in report) {
        for (const a of report.codeAliases) console.error(`区划代码：${a.message}`);
        for (const p of report.suspected.slice(0, 20)) console.error(`疑似重复：${p.message}`);
        if (report.suspectedCount > 20) console.error(`疑似重复：……共 ${report.suspectedCount} 对`);
      }
    }
    if (report.errorCount) {
      console.error(`${label}（${file}）有 ${report.errorCount} 处错误，未导入任何数据`);
      return 1;
    }
    console.error(
      report.dryRun
        ? `${label}检查通过：${report.rows} 行可以导入（试运行，未写入）`
        : `${label}已导入：${report.imported} ${UNITS[kind as Kind]}${'consultationsRecorded' in report && report.consultationsRecorded ? `，记录居民协商 ${report.consultationsRecorded} 次` : ''}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof TableReadError) throw new UsageError(`无法读取 ${file}：${e.message}`);
    throw e;
  } finally {
    await db.destroy();
  }
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    scope: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const format =
    values.format ?? (values.out?.endsWith('.csv') ? 'csv' : values.out ? 'xlsx' : 'csv');
  if (format !== 'csv' && format !== 'xlsx')
    throw new UsageError(`--format 应为 csv 或 xlsx：${format}`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !/^\d{4}$/.test(values.year!))
    throw new UsageError(`--year 应为4位年份：${values.year}`);
  const db = await openDatabase(databaseUrl(values.db));
  try {
    let scopePath = '/000000/';
    if (values.scope && values.scope !== 'all') {
      const region = await findRegion(db.db, values.scope.padEnd(6, '0'));
      if (!region) throw new UsageError(`未知区划：${values.scope}`);
      scopePath = region.path;
    }
    const file = values.out ? createWriteStream(values.out) : undefined;
    const out = file ?? process.stdout;
    let failed: NodeJS.ErrnoException | undefined;
    out.on('error', (e) => (failed ??= e));
    let n = 0;
    try {
      n = await exportLedger(db.db, { scopePath, planYear: year }, format, out);
      if (file) await finished(file);
    } catch (e) {
      if (!(e instanceof ExportAbandoned) && e !== failed) throw e;
    }
    await setImmediate(); // a failed last write reports after it
    if (failed) {
      // `gaizao export | head`: the reader has had what it wanted.
      if (!file && failed.code === 'EPIPE') return 0;
      throw new Error(`无法写入${values.out ?? '标准输出'}：${failed.message}`);
    }
    console.error(`已导出 ${n} 个小区${values.out ? `到 ${values.out}` : ''}`);
    return 0;
  } finally {
    await db.destroy();
  }
}
