/** The benchmarks' settings: the only reader of process.env under bench/ (STYLE.md). */
export interface BenchConfig {
  /** communities in the synthetic national ledger (BENCH_COMMUNITIES, default 220,000) */
  communities: number;
  /** a PostgreSQL server to run against as well (BENCH_DATABASE_URL), if any */
  postgresUrl?: string;
  /** the generator's seed (BENCH_SEED): the same seed and size give the same files */
  seed: number;
}

export const NATIONAL_COMMUNITIES = 220_000;

export function loadBenchConfig(env = process.env): BenchConfig {
  const communities = Number(env.BENCH_COMMUNITIES ?? NATIONAL_COMMUNITIES);
  if (!Number.isInteger(communities) || communities < 1000)
    throw new Error(`BENCH_COMMUNITIES must be an integer ≥ 1000, not ${env.BENCH_COMMUNITIES}`);
  const seed = Number(env.BENCH_SEED ?? 2022);
  if (!Number.isInteger(seed)) throw new Error(`BENCH_SEED must be an integer`);
  return { communities, postgresUrl: env.BENCH_DATABASE_URL || undefined, seed };
}
