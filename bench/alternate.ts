/** The measurement loop the query benchmarks share: the service against the same SQL by hand. */

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Medians (ms) of `runs` alternating runs of each side, after `warmup` runs of each. */
export async function alternatingMedians(
  service: () => Promise<unknown>,
  raw: () => Promise<unknown>,
  runs: number,
  warmup: number,
) {
  for (let i = 0; i < warmup; i++) {
    await service();
    await raw();
  }
  const times = { service: [] as number[], raw: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await service();
    times.service.push(performance.now() - t);
    t = performance.now();
    await raw();
    times.raw.push(performance.now() - t);
  }
  return {
    ms: median(times.service),
    rawMs: median(times.raw),
    serviceMinMs: Math.min(...times.service),
    rawMinMs: Math.min(...times.raw),
  };
}
