/** The benchmarks' settings: the only reader of process.env under bench/ (STYLE.md). */
export interface BenchConfig {
  /** communities in the synthetic national ledger (BENCH_COMMUNITIES, default 220,000) */
  communities: number;
  /** a PostgreSQL server to run against as well (BENCH_DATABASE_URL), if any */
  postgresUrl?: string;
  /** the generator's seed (BENCH_SEED): the same seed and size give the same files */
  seed: number;
  /** rows of the "import progress" file (BENCH_PROGRESS_ROWS, default 40,000) */
  progressRows: number;
  /**
   * BENCH_ONLY=progress-import or cli-startup: that benchmark alone (the national ledger is not
   * written)
   */
  only?: BenchOnly;
}

const ONLY = ['progress-import', 'cli-startup'] as const;
type BenchOnly = (typeof ONLY)[number];
const isOnly = (s: string): s is BenchOnly => (ONLY as readonly string[]).includes(s);

export const NATIONAL_COMMUNITIES = 220_000;

export function loadBenchConfig(env = process.env): BenchConfig {
  const communities = Number(env.BENCH_COMMUNITIES ?? NATIONAL_COMMUNITIES);
  if (!Number.isInteger(communities) || communities < 1000)
    throw new Error(`BENCH_COMMUNITIES must be an integer ≥ 1000, not ${env.BENCH_COMMUNITIES}`);
  const seed = Number(env.BENCH_SEED ?? 2022);
  if (!Number.isInteger(seed)) throw new Error(`BENCH_SEED must be an integer`);
  const progressRows = Number(env.BENCH_PROGRESS_ROWS ?? 40_000);
  if (!Number.isInteger(progressRows) || progressRows < 100)
    throw new Error(`BENCH_PROGRESS_ROWS must be an integer ≥ 100, not ${env.BENCH_PROGRESS_ROWS}`);
  const only = env.BENCH_ONLY || undefined;
  if (only !== undefined && !isOnly(only))
    throw new Error(`BENCH_ONLY may be ${ONLY.join(' or ')}, not ${only}`);
  return {
    communities,
    postgresUrl: env.BENCH_DATABASE_URL || undefined,
    seed,
    progressRows,
    ...(only ? { only } : {}),
  };
}
