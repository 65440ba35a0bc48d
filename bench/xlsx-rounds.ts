/**
 * The xlsx import against its bare parse (benchmark 2, docs/benchmarks.md), in rounds: the parse
 * and the import alternately, each import into a database of its own, and the round of the
 * median ratio reported. This machine's speed was seen to drift by half within minutes (the same
 * parse in 9.4 s and in 14.6 s): a parse and an import measured once each, a minute apart,
 * compared two different machines.
 */
import type { BenchConfig } from './config.ts';
import { newDatabase, type Engine } from './databases.ts';
import type { Fixture } from './fixtures.ts';
import { inChild } from './spawn.ts';

export type Measured = Awaited<ReturnType<typeof inChild>>;

/** Rounds of the xlsx's parse and import: the median is reported. */
const XLSX_ROUNDS = 3;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface Cpu {
  nodeMs: number;
  postgresMs?: number;
}

interface Round {
  parse: Measured;
  import: Measured;
}

/**
 * The CPU an import used (Node's, and PostgreSQL's where it runs on this machine) against its
 * parse's: the work beside the time, which a machine whose speed drifts does not move. Rounded
 * to 0.001; undefined where a side was not counted.
 */
function cpuRatio(r: Round, engine: Engine): number | undefined {
  const parse = r.parse.detail.cpu as Cpu | undefined;
  const done = r.import.detail.cpu as Cpu | undefined;
  if (!parse?.nodeMs || !done || (engine === 'postgres' && done.postgresMs === undefined))
    return undefined;
  return Math.round(((done.nodeMs + (done.postgresMs ?? 0)) / parse.nodeMs) * 1000) / 1000;
}

const ratioOf = (r: Round) => r.import.ms / r.parse.ms;

/**
 * The median round's parse and import (its peak the highest of every round: the memory limit
 * holds for each), and every round as the results record it.
 */
export async function xlsxRounds(
  engine: Engine,
  fixture: Fixture,
  dir: string,
  config: BenchConfig,
  log: (s: string) => void,
): Promise<{ parse: Measured; import: Measured; rounds: Record<string, unknown>[] }> {
  const rounds: Round[] = [];
  for (let round = 1; round <= XLSX_ROUNDS; round++) {
    log(`${engine}: bare parse of the xlsx, then its import (round ${round} of ${XLSX_ROUNDS})`);
    const parse = await inChild({ op: 'parse', path: fixture.xlsx });
    const spare = newDatabase(engine, dir, config.postgresUrl);
    try {
      const done = await inChild({
        op: 'import',
        path: fixture.xlsx,
        url: spare.url,
        rows: fixture.rows,
      });
      rounds.push({ parse, import: done });
      const work = cpuRatio({ parse, import: done }, engine);
      log(
        `  import ${seconds(done.ms)}, parse ${seconds(parse.ms)}${work === undefined ? '' : `; CPU ${work.toFixed(2)}× the parse's`}`,
      );
    } finally {
      await spare.drop();
    }
  }
  const median = [...rounds].sort((a, b) => ratioOf(a) - ratioOf(b))[(rounds.length - 1) >> 1]!;
  return {
    parse: median.parse,
    import: { ...median.import, peakMb: Math.max(...rounds.map((r) => r.import.peakMb)) },
    rounds: rounds.map((r) => ({
      importMs: Math.round(r.import.ms),
      parseMs: Math.round(r.parse.ms),
      ratio: Math.round(ratioOf(r) * 1000) / 1000,
      importPeakMb: Math.round(r.import.peakMb),
      importCpu: r.import.detail.cpu,
      parseCpu: r.parse.detail.cpu,
      cpuRatio: cpuRatio(r, engine),
    })),
  };
}
