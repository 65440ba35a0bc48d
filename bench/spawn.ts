/** Runs one measurement in a child process (bench/child.ts) and reads back its result line. */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SERVER_FLAGS } from '../bin/node-flags.js';
import type { ChildResult, Task } from './child.ts';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The result, with the machine's 1-minute load average as the child started (2 cores here). The
 * child runs with the server's heap settings (SERVER_FLAGS, bin/node-flags.js): it measures what the
 * server does.
 */
export function inChild(task: Task): Promise<ChildResult & { load1: number }> {
  const load1 = Math.round(loadavg()[0]! * 100) / 100;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...SERVER_FLAGS, '--import', 'tsx', '--expose-gc', CHILD, JSON.stringify(task)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`${task.op} failed (exit ${code})`));
      else resolve({ ...(JSON.parse(line.slice('RESULT '.length)) as ChildResult), load1 });
    });
  });
}
