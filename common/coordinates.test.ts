import { describe, expect, it } from 'vitest';
import { coordinateProblems, storedCoordinate } from './coordinates.ts';

describe('coordinateProblems: both or neither, decimal degrees inside China', () => {
  it('accepts none, and a position in China (edges included)', () => {
    expect(coordinateProblems(null, undefined)).toEqual([]);
    expect(coordinateProblems(' ', '')).toEqual([]);
    expect(coordinateProblems('110.3312', '20.0311')).toEqual([]);
    expect(coordinateProblems('73', '3')).toEqual([]);
    expect(coordinateProblems('136', '54')).toEqual([]);
    expect(storedCoordinate(' 110.3 ')).toBe('110.3');
    expect(storedCoordinate('')).toBeNull();
  });

  it('says which field is wrong and why, in Chinese', () => {
    expect(coordinateProblems('110.3', null)).toEqual([
      { path: 'lat', message: '填写了经度而未填纬度：经度和纬度须同时填写' },
    ]);
    expect(coordinateProblems('', '20')[0]!.path).toBe('lng');
    const swapped = coordinateProblems('20.0311', '110.3312');
    expect(swapped.map((p) => p.path)).toEqual(['lng', 'lat']);
    expect(swapped[0]!.message).toBe('经度 20.0311 不在我国范围内（应为东经 73 到 136 度之间）');
    expect(swapped[1]!.message).toMatch(/纬度 110.3312 不在我国范围内.*填反/);
    expect(coordinateProblems('-110.3', '20')[0]!.message).toMatch(/经度“-110.3”不是十进制度数/);
    expect(coordinateProblems('110°20′', '20')[0]!.message).toMatch(/不是十进制度数/);
    expect(coordinateProblems('110.123456789', '20')[0]!.message).toMatch(/至多 8 位小数/);
  });
});
