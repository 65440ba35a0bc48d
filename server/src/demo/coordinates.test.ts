import { describe, expect, it } from 'vitest';
import regions from '../db/regions-data.json' with { type: 'json' };
import { coordinateProblems } from '../../../common/coordinates.ts';
import { DEMO_SEATS, demoPosition } from './coordinates.ts';

describe('demo positions', () => {
  const units = (regions.rows as unknown as [string, string, string, string, string, number][])
    .filter((r) => r[0].startsWith('46') && r[5] === 1 && !r[0].startsWith('4603'))
    .map((r) => r[0]);

  it('has a seat for every ledger unit the demo fills (三沙 aside)', () => {
    expect(units.length).toBe(24);
    expect(Object.keys(DEMO_SEATS).sort()).toEqual([...units].sort());
  });

  it('places a community near its seat, the same every time, inside China; one in ten has none', () => {
    for (let id = 1; id <= 300; id++) {
      const code = units[id % units.length]!;
      const at = demoPosition(id, code);
      if (id % 10 === 0) {
        expect(at).toBeNull();
        continue;
      }
      expect(at).toEqual(demoPosition(id, code));
      expect(coordinateProblems(at!.lng, at!.lat)).toEqual([]);
      const [lng, lat] = DEMO_SEATS[code]!;
      expect(Math.abs(Number(at!.lng) - lng)).toBeLessThanOrEqual(0.02);
      expect(Math.abs(Number(at!.lat) - lat)).toBeLessThanOrEqual(0.02);
    }
    expect(demoPosition(1, '460106')).not.toEqual(demoPosition(2, '460106'));
    expect(demoPosition(1, '110101')).toBeNull();
  });
});
