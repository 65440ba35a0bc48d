/** `gaizao plan-table` and `gaizao check` (docs/cli.md), as the system administrator. */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { openDatabase } from '../bootstrap.ts';
import { AppError } from '../errors.ts';
import { checkPlan, planTableCsv } from '../modules/plan/plan-table.service.ts';
import { planTableOf, type PlanTableOptions } from '../modules/plan/plan-table.versions.ts';
import { writePlanTableXlsx } from '../modules/plan/plan-table.xlsx.ts';
import { progressTable, progressTableCsv } from '../modules/progress/progress.service.ts';
import { writeProgressTableXlsx } from '../modules/progress/progress-table.xlsx.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { planYearOf } from '../modules/plan/plan-year.service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';

/** --year as given; without it, the year being declared (GET /api/plan-year's rule, whole country). */
function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year 应为4位年份：${text}`);
  return Number(text);
}

const yearOrDeclared = async (db: Kysely<Database>, year: number | undefined) =>
  year ?? (await planYearOf(db, SYSTEM_ACTOR)).year;

/** Unknown provinces and versions are bad arguments (exit 2), not "not found" errors. */
async function orUsage<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND')
      throw new UsageError(e.message.startsWith('省份') ? `未知省份：${e.message}` : e.message);
    if (e instanceof AppError && e.code === 'VALIDATION') throw new UsageError(e.message);
    throw e;
  }
}

/** --version N|signed and --basis accepted|submitted|live (docs/cli.md). */
function versionOptions(version?: string, basis?: string): PlanTableOptions {
  if (version !== undefined && !/^(signed|[1-9]\d{0,8})$/.test(version))
    throw new UsageError(`--version 应为正整数（第几版）或 signed：${version}`);
  if (basis !== undefined && !['accepted', 'submitted', 'live'].includes(basis))
    throw new UsageError(`--basis 应为 accepted、submitted 或 live：${basis}`);
  return {
    version: version === undefined ? undefined : version === 'signed' ? 'signed' : Number(version),
    basis: basis as PlanTableOptions['basis'],
  };
}

export async function planTableCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    province: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    basis: { type: 'string' },
  });
  if (!values.province)
    throw new UsageError('plan-table 需要 --province（2位或6位省级代码，或 all）');
  const given = yearOf(values.year);
  const options = versionOptions(values.version, values.basis);
  const format =
    values.format ??
    (values.out?.endsWith('.xlsx') ? 'xlsx' : values.out?.endsWith('.json') ? 'json' : 'csv');
  if (!['csv', 'xlsx', 'json'].includes(format))
    throw new UsageError(`--format 应为 csv、xlsx 或 json：${format}`);
  if (format === 'xlsx' && !values.out && process.stdout.isTTY)
    throw new UsageError('xlsx 是二进制文件，请用 --out FILE 指定输出文件');
  const db = await openDatabase(databaseUrl(values.db));
  try {
    const year = await yearOrDeclared(db.db, given);
    const table = await orUsage(planTableOf(db.db, SYSTEM_ACTOR, values.province, year, options));
    if (format === 'xlsx') {
      const out = values.out ? createWriteStream(values.out) : process.stdout;
      const done = values.out ? once(out, 'finish') : Promise.resolve();
      await writePlanTableXlsx(table, out);
      await done;
    } else {
      const text = format === 'csv' ? planTableCsv(table) : `${JSON.stringify(table, null, 2)}\n`;
      if (values.out) await writeFile(values.out, text);
      else process.stdout.write(text);
    }
    if (values.out)
      console.error(
        `已生成 ${table.title}（${table.scope.name}，${table.basisLabel}）：${values.out}`,
      );
    return 0;
  } finally {
    await db.destroy();
  }
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    province: { type: 'string' },
    year: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.province) throw new UsageError('check 需要 --province（2位或6位代码）');
  const given = yearOf(values.year);
  const db = await openDatabase(databaseUrl(values.db));
  try {
    const year = await yearOrDeclared(db.db, given);
    const { scope, checks } = await orUsage(checkPlan(db.db, SYSTEM_ACTOR, values.province, year));
    const passed = checks.every((c) => c.passed);
    if (values.json) console.log(JSON.stringify({ province: scope, year, passed, checks }));
    else {
      console.log(`${scope.name} ${year}年度计划检查：`);
      for (const c of checks) {
        console.log(
          `${c.passed ? '✓ 通过' : c.outcome === 'no_data' ? '— 无数据' : c.severity === 'blocking' ? '✗ 不通过' : '! 警告'}  ${c.title}：${c.message}`,
        );
        for (const r of c.rows.slice(0, 50))
          console.log(`      ${r.regionCode} ${r.name}（编号 ${r.id}）${r.detail}`);
        if (c.rows.length > 50) console.log(`      ……共 ${c.rows.length} 个小区`);
      }
    }
    return passed ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

export async function progressTableCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    scope: { type: 'string' },
    year: { type: 'string' },
    month: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (!values.scope) throw new UsageError('progress-table 需要 --scope（省级代码或 all）');
  const year = yearOf(values.year);
  if (year === undefined) throw new UsageError('--year 应为4位年份：(未填)');
  const month = Number(values.month);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new UsageError(`--month 应为 1–12：${values.month ?? '(未填)'}`);
  const format =
    values.format ??
    (values.out?.endsWith('.xlsx') ? 'xlsx' : values.out?.endsWith('.json') ? 'json' : 'csv');
  if (!['csv', 'xlsx', 'json'].includes(format))
    throw new UsageError(`--format 应为 csv、xlsx 或 json：${format}`);
  const db = await openDatabase(databaseUrl(values.db));
  try {
    const t = await orUsage(progressTable(db.db, SYSTEM_ACTOR, values.scope, year, month));
    const body =
      format === 'csv'
        ? progressTableCsv(t)
        : format === 'json'
          ? `${JSON.stringify(t, null, 2)}\n`
          : await writeProgressTableXlsx(t);
    if (values.out) await writeFile(values.out, body);
    else process.stdout.write(body);
    return 0;
  } finally {
    await db.destroy();
  }
}
