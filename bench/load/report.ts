/** The load test's report, as Markdown for docs/benchmarks-load.md. */
import { cpus } from 'node:os';
import type { LoadResult } from './measure.ts';

/** The p-th percentile of sorted latencies, in whole milliseconds (nearest rank). */
const pct = (sorted: number[], p: number): number =>
  sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!)
    : 0;

export function printReport(r: LoadResult, machine: { load1: number }): void {
  const { options: o, rec, seconds, floor, stored } = r;
  let total = 0;
  const rows: string[] = [];
  for (const [route, s] of [...rec.routes].sort()) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    total += sorted.length;
    const statuses = [...s.statuses].map(([c, n]) => `${c}×${n}`).join(' ');
    rows.push(
      `| ${route} | ${sorted.length} | ${(sorted.length / seconds).toFixed(1)} | ${pct(sorted, 50)} | ${pct(sorted, 95)} | ${pct(sorted, 99)} | ${statuses} |`,
    );
  }
  const rps = total / seconds;
  const ratio = (x: number) => `${((x / floor.bare) * 100).toFixed(1)} %`;
  const lines = [
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${machine.load1.toFixed(2)} at the end; ` +
      `${o.units} units, ${o.viewers} viewers, period ${o.period}.`,
    '',
    `Month-end run: ${total} requests in ${seconds.toFixed(1)} s = **${rps.toFixed(1)} requests/s**; ` +
      `${r.verdict.fivexx} responses 5xx, ${rec.noResponse} without response.`,
    '',
    '| route | requests | per s | p50 ms | p95 ms | p99 ms | statuses |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    `Reports stored: ${stored.rows} rows for ${stored.units} units — ${stored.once} exactly once, ` +
      `${stored.missing} missing, ${stored.duplicated} more than once.`,
    '',
    '| throughput behind the same nginx, two processes | requests/s | relative to bare |',
    '|---|---:|---:|',
    `| bare Fastify \`GET /bare\` | ${floor.bare.toFixed(0)} | 100 % |`,
    `| gaizao \`GET /api/health\` (no session) | ${floor.health.toFixed(0)} | ${ratio(floor.health)} |`,
    `| gaizao \`GET /api/me\` (session looked up in PostgreSQL) | ${floor.me.toFixed(0)} | ${ratio(floor.me)} |`,
    `| gaizao month-end mix (above) | ${rps.toFixed(1)} | ${ratio(rps)} |`,
  ];
  console.log(lines.join('\n'));
}
