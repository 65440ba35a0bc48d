/** `gaizao serve`: the web application in one process (DESIGN.md, "One machine, then many"). */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp, WEB_DIST } from '../app.ts';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo, seedDemoLedger } from '../demo/seed.ts';
import { OTHER_UNIT_ACCOUNTS } from '../demo/unit-accounts.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';

async function buildWebIfMissing(): Promise<void> {
  if (existsSync(join(WEB_DIST, 'index.html'))) return;
  console.log('首次启动：正在构建网页（约半分钟）…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_DIST, '../vite.config.ts'), logLevel: 'warn' });
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    port: { type: 'string' },
    demo: { type: 'boolean' },
    host: { type: 'string' },
  });
  const config = loadConfig({ databaseUrl: databaseUrl(values.db), demo: values.demo ?? false });
  const port = values.port ? Number(values.port) : config.port;
  // Port 0: any free port, the one taken is printed (tests start many servers at once).
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`端口不正确：${values.port}`);
  await buildWebIfMissing();
  const db = await openDatabase(config.databaseUrl);
  const seeded = config.demo ? await seedDemo(db.db) : false;
  const demoCommunities = seeded ? await seedDemoLedger(db.db) : 0;
  const app = await buildApp({
    db,
    demo: config.demo,
    logLevel: config.logLevel,
    uploadDir: config.uploadDir,
    lateNotices: true,
    trustProxy: config.trustProxyHops,
    loginThrottle: config.loginThrottle,
    sweepImports: true,
    importQuota: config.importQuota,
    importKeepHours: config.importKeepHours,
    security: config.security,
    mapTiles: config.mapTiles,
    clock: config.clock,
  });
  await app.listen({ port, host: values.host ?? config.host });
  const listening = (app.server.address() as AddressInfo).port;

  const where = config.databaseUrl.startsWith('postgres')
    ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')
    : config.databaseUrl;
  console.log(`\ngaizao 已启动：http://localhost:${listening}    数据库：${where}`);
  if (config.demo) {
    if (seeded) console.log(`已写入演示数据：海南省，${demoCommunities} 个小区。`);
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}${seeded ? '' : '，若未修改'}）：`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(14)} ${a.displayName}`);
    console.log(
      `  以及各市县账号 ${OTHER_UNIT_ACCOUNTS.length} 个：city-代码、county-代码（见 README）`,
    );
  }
  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return -1; // keep running
}
