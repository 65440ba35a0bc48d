/**
 * The benchmark's verdicts (bench/report.ts): a row is a target only if it has a ratio or a memory
 * limit to meet; floors and comparisons shown beside a target are neither met nor missed.
 */
import { describe, expect, it } from 'vitest';
import { hasTarget, judge, table } from '../bench/report.ts';

const row = (over: Partial<Parameters<typeof judge>[0]>) =>
  judge({
    engine: 'postgres',
    operation: 'op',
    raw: 'raw',
    ms: 300,
    rawMs: 100,
    detail: {},
    ...over,
  });

describe('bench verdicts', () => {
  it('judges a ratio and a memory limit, and only those rows count as targets', () => {
    const rows = [
      row({ operation: 'ratio met', targetRatio: 4 }),
      row({ operation: 'ratio missed', targetRatio: 2 }),
      row({ operation: 'memory missed', memoryLimitMb: 400, peakMb: 420 }),
      row({ operation: 'a floor' }),
      row({ operation: 'a comparison', label: 'shown' }),
    ];
    expect(rows.map((r) => [r.operation, r.pass, r.missed])).toEqual([
      ['ratio met', true, []],
      ['ratio missed', false, ['ratio 3.00× > 2×']],
      ['memory missed', false, ['peak 420 MB ≥ 400 MB']],
      ['a floor', true, []],
      ['a comparison', true, []],
    ]);
    expect(rows.filter(hasTarget).map((r) => r.operation)).toEqual([
      'ratio met',
      'ratio missed',
      'memory missed',
    ]);
    const lines = table(rows).split('\n');
    const verdict = (op: string) =>
      lines
        .find((l) => l.startsWith(op))!
        .trim()
        .split(/\s{2,}/)
        .at(-1);
    expect(verdict('ratio met')).toBe('pass');
    expect(verdict('ratio missed')).toBe('FAIL (ratio 3.00× > 2×)');
    expect(verdict('a floor')).toBe('floor');
    expect(verdict('a comparison')).toBe('shown');
  });
});
