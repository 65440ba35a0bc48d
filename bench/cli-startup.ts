/**
 * CLI start-up (issue 14, §3): the compiled command line, from `node` to exit, against a bare Node
 * that loads the one native module every database command needs. Each run is a process of its own;
 * the three commands alternate, so a change in the machine's load falls on every side alike.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_FLAGS } from '../bin/node-flags.js';
import { openDatabase } from '../server/src/bootstrap.ts';
import { median } from './alternate.ts';
import { judge, type Result } from './report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/gaizao.js');
export const CLI_STARTUP_RUNS = 10;
const WARMUP = 2;
const TARGET = 2;

/** Wall-clock ms of one process, from spawn to exit; a failed run stops the benchmark. */
function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

export async function benchCliStartup(dir: string): Promise<Result[]> {
  // The build `npm start` and `npx gaizao` run, brought up to date as `npm start` does.
  execFileSync(process.execPath, ['scripts/build.js', '--server', '--if-stale'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const db = join(dir, 'cli-startup.db');
  await (await openDatabase(db)).destroy(); // migrated, with the regions: what verify opens
  const sides = {
    bare: ['-e', "require('better-sqlite3')"],
    // as the command runs: with the heap settings of its first line
    help: [...NODE_FLAGS, BIN, '--help'],
    verify: [...NODE_FLAGS, BIN, 'verify', '--db', db],
  };
  const times = { bare: [] as number[], help: [] as number[], verify: [] as number[] };
  for (let i = 0; i < WARMUP + CLI_STARTUP_RUNS; i++)
    for (const side of ['bare', 'help', 'verify'] as const) {
      const ms = timed(sides[side]);
      if (i >= WARMUP) times[side].push(ms);
    }
  const bare = median(times.bare);
  const raw = `bare node -e "require('better-sqlite3')"`;
  const row = (operation: string, side: 'help' | 'verify') =>
    judge({
      engine: 'sqlite',
      operation,
      raw,
      ms: median(times[side]),
      rawMs: bare,
      targetRatio: TARGET,
      detail: {
        statistic: `median of ${CLI_STARTUP_RUNS}`,
        runs: times[side],
        rawRuns: times.bare,
      },
    });
  return [
    row('CLI start-up: gaizao --help (compiled)', 'help'),
    row('CLI start-up: gaizao verify, empty SQLite database (compiled)', 'verify'),
  ];
}
