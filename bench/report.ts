/** The results: one row per operation and engine, as a table for people and as JSON. */

export interface Result {
  engine: 'sqlite' | 'postgres';
  operation: string;
  /** what the operation is compared with */
  raw: string;
  ms: number;
  rawMs: number;
  ratio: number;
  /** none for a floor (a figure that explains others, with nothing to meet) or a memory-only target */
  targetRatio?: number;
  /** peak RSS of the operation's process, MB (undefined where not measured) */
  peakMb?: number;
  rawPeakMb?: number;
  memoryLimitMb?: number;
  /** the result column of a row with nothing to meet: 'floor' unless given ('shown': a comparison) */
  label?: string;
  pass: boolean;
  /** what missed, in words: 'ratio 5.2× > 4×', 'peak 420 MB ≥ 400 MB' */
  missed: string[];
  detail: Record<string, unknown>;
}

export function judge(r: Omit<Result, 'ratio' | 'pass' | 'missed'>): Result {
  const ratio = r.ms / r.rawMs;
  const missed: string[] = [];
  if (r.targetRatio !== undefined && ratio > r.targetRatio)
    missed.push(`ratio ${ratio.toFixed(2)}× > ${r.targetRatio}×`);
  if (r.memoryLimitMb !== undefined && (r.peakMb ?? Infinity) >= r.memoryLimitMb)
    missed.push(`peak ${Math.round(r.peakMb ?? NaN)} MB ≥ ${r.memoryLimitMb} MB`);
  return { ...r, ratio, pass: !missed.length, missed };
}

/** Whether a row has something to meet: a ratio, a memory limit, or both. */
export const hasTarget = (r: Result) =>
  r.targetRatio !== undefined || r.memoryLimitMb !== undefined;

const time = (ms: number) =>
  ms >= 10_000
    ? `${(ms / 1000).toFixed(1)} s`
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : `${ms.toFixed(1)} ms`;

export function table(results: Result[]): string {
  const head = ['operation', 'engine', 'time', 'raw time', 'ratio', 'target', 'peak MB', 'result'];
  const rows = results.map((r) => [
    r.operation,
    r.engine,
    time(r.ms),
    time(r.rawMs),
    `${r.ratio.toFixed(2)}×`,
    [
      r.targetRatio === undefined ? '' : `≤ ${r.targetRatio}×`,
      r.memoryLimitMb ? `< ${r.memoryLimitMb} MB` : '',
    ]
      .filter(Boolean)
      .join(', ') || '—',
    r.peakMb === undefined ? '—' : String(Math.round(r.peakMb)),
    !hasTarget(r) ? (r.label ?? 'floor') : r.pass ? 'pass' : `FAIL (${r.missed.join('; ')})`,
  ]);
  // East Asian characters take two columns in a terminal.
  const width = (s: string) =>
    [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const cols = head.map((_, i) => Math.max(...[head, ...rows].map((r) => width(r[i]!))));
  const line = (r: string[]) =>
    r
      .map((c, i) => c + ' '.repeat(cols[i]! - width(c)))
      .join('  ')
      .trimEnd();
  return [line(head), line(cols.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
