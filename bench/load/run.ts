/**
 * npm run bench:load — a month-end afternoon on the deployment docs/deploy.md describes: nginx
 * (deploy/nginx-gaizao.conf) in front of two gaizao servers on one PostgreSQL. Every unit account
 * logs in and submits last month's report while viewers refresh the national and provincial
 * views; then every report is checked to be stored exactly once, and the throughput is compared
 * with a bare Fastify route behind the same nginx. Prints a Markdown report (docs/benchmarks-load.md).
 *
 *   LOAD_UNITS (3000)  LOAD_VIEWERS (300)  LOAD_DB_URL (postgres://postgres@127.0.0.1:5432/gaizao_load)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaMonth, previousPeriod } from '../../server/src/domain/monthly-report.ts';
import { measure, type LoadResult } from './measure.ts';
import { printReport } from './report.ts';

const env = process.env;
const units = Number(env.LOAD_UNITS ?? 3000);
const viewerCount = Number(env.LOAD_VIEWERS ?? 300);
const dbUrl = env.LOAD_DB_URL ?? 'postgres://postgres@127.0.0.1:5432/gaizao_load';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-load-'));
let result: LoadResult;
try {
  const period = previousPeriod(chinaMonth(new Date()));
  result = await measure({ dbUrl, units, viewers: viewerCount, period, dir });
} finally {
  if (env.LOAD_KEEP) console.error(`保留了临时目录 ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
printReport(result, { load1: loadavg()[0]! });
const failed = result.verdict.problems;
if (failed.length) {
  console.error(`\n未通过：\n${failed.map((p) => `- ${p}`).join('\n')}`);
  process.exitCode = 1;
}
