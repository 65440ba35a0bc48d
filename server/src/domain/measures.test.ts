import { describe, expect, it } from 'vitest';
import { addMeasures, measuresOf, sumCommunities, zeroMeasures } from './measures.ts';

const a = { households: 61, buildings: 3, floorAreaCenti: 400_050, investmentYuan: 2_000_000 };
const b = { households: 1, buildings: 1, floorAreaCenti: 1, investmentYuan: 1 };

describe('measures', () => {
  it('counts each community once and sums the exact integers', () => {
    expect(sumCommunities([a, b, a])).toEqual({
      communities: 3,
      households: 123,
      buildings: 7,
      floorAreaCenti: 800_101,
      investmentYuan: 4_000_001,
    });
    expect(sumCommunities([])).toEqual(zeroMeasures());
  });

  it('adds in place, the added left as it was', () => {
    const into = measuresOf(a);
    const one = measuresOf(b);
    addMeasures(into, one);
    expect(into.communities).toBe(2);
    expect(one).toEqual({ communities: 1, ...b });
  });
});
