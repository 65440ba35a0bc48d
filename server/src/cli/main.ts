#!/usr/bin/env node
/** The command line (docs/cli.md): a thin shell over the application services. */
import { AppError } from '../errors.ts';
import { UsageError } from './usage-error.ts';

type Command = (args: string[]) => Promise<number>;

/**
 * Each command's module is loaded only when it runs, so that `gaizao verify` does not start by
 * loading Fastify, ExcelJS and the web app's server (startup: docs/benchmarks-cli.md).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  users: async () => (await import('./users.ts')).usersCommand,
  import: async () => (await import('./ledger.ts')).importCommand,
  export: async () => (await import('./ledger.ts')).exportCommand,
  'plan-table': async () => (await import('./plan.ts')).planTableCommand,
  check: async () => (await import('./plan.ts')).checkCommand,
  'progress-table': async () => (await import('./plan.ts')).progressTableCommand,
  remind: async () => (await import('./remind.ts')).remindCommand,
  verify: async () => (await import('./verify.ts')).verifyCommand,
  duplicates: async () => (await import('./duplicates.ts')).duplicatesCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./backup.ts')).restoreCommand,
};

const USAGE = `用法：gaizao <命令> [选项]

命令：
  serve [--port N] [--demo] [--db PATH]     启动网页应用（npm start 即 serve --demo --port 3000）
  import FILE [--dry-run] [--json] [--kind projects|progress|consultations]   导入项目清单、月度进展或居民协商（按表头识别），全部正确才写入
  export [--scope 代码] [--year 年度] [--format csv|xlsx] [--out FILE]   按导入模板的列导出台账
  plan-table --province 代码|all [--year 年度] [--version N|signed] [--basis accepted|submitted|live] [--format csv|xlsx|json] [--out FILE]   计划表
  progress-table --scope 代码|all --year 年度 --month 月 [--format csv|xlsx|json] [--out FILE]   进展情况表
  check --province 代码 [--year 年度] [--json]   计划检查（全部通过返回 0，否则 1；不填年度为正在申报的年度）
  remind [--date YYYY-MM-DD] [--json]   提醒逾期未报月报的单位（每个单位每月一次，供定时任务调用）
  users add --username U --name 姓名 --region 代码 --role 角色[,角色] [--password P]
  users list [--region 代码] [--json]
  users disable --username U
  verify [--json] [--rebuild-figures]
                    重算所有冻结记录的校验码、审计日志链和维护的汇总数（全部相符返回 0，否则 1 并逐条列出；
                    --rebuild-figures 先由记录重建汇总数）
  duplicates [--scope 代码] [--json]
                    重新排查疑似重复（同一县级单位的相近名称，同一地级单位内相邻单位的相同地址或 50 米内的位置），
                    记录新发现的，报告待确认的对数；范围内小区所在的地级单位整体排查
  backup --out FILE   数据库和上传文件备份为一个归档（可在服务运行时进行）
  restore FILE [--db 目标]   把归档恢复到空数据库（非空则拒绝），文件恢复到 UPLOAD_DIR

通用选项：
  --db PATH   SQLite 文件或 postgres:// 地址（默认 DATABASE_URL，否则 ./data/gaizao.db）
  --debug     出错时显示调用栈`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  // `gaizao serve --help`: the usage, as for `gaizao --help`, not an unknown option.
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`未知命令：${command}`);
  return (await load())(rest);
}

const argv = process.argv.slice(2);
const debug = argv.includes('--debug');
main(argv.filter((a) => a !== '--debug')).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (e: unknown) => {
    if (debug) console.error(e);
    else if (e instanceof UsageError) console.error(`${e.message}\n\n${USAGE}`);
    else if (e instanceof AppError)
      console.error(
        `错误：${e.message}${e.details?.length ? `（${e.details.map((d) => `${d.path}：${d.message}`).join('；')}）` : ''}`,
      );
    else
      console.error(`错误：${e instanceof Error ? e.message : String(e)}（加 --debug 查看详情）`);
    process.exitCode = e instanceof UsageError || e instanceof AppError ? 2 : 1;
  },
);
