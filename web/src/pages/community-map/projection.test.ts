import { describe, expect, it } from 'vitest';
import { fitTo, PLANE, project, tilesFor, toWorld } from './projection.ts';

describe('the map plane', () => {
  it('is Web Mercator: the equator and the meridian at the centre, north up', () => {
    expect(toWorld(0, 0)).toEqual({ x: 0.5, y: 0.5 });
    expect(toWorld(110, 20).y).toBeLessThan(toWorld(110, 18).y);
  });

  it('fits the points inside the plane, keeping their relative places', () => {
    const pts = [
      { lng: 110.33, lat: 20.03 },
      { lng: 109.5, lat: 18.25 },
      { lng: 108.65, lat: 19.1 },
    ];
    const fit = fitTo(pts)!;
    const at = pts.map((p) => project(fit, p.lng, p.lat));
    for (const p of at) {
      expect(p.x).toBeGreaterThanOrEqual(39.99);
      expect(p.x).toBeLessThanOrEqual(PLANE.width - 39.99);
      expect(p.y).toBeGreaterThanOrEqual(39.99);
      expect(p.y).toBeLessThanOrEqual(PLANE.height - 39.99);
    }
    // 海口 north-east of 三亚, 东方 west of both.
    expect(at[0]!.x).toBeGreaterThan(at[1]!.x);
    expect(at[0]!.y).toBeLessThan(at[1]!.y);
    expect(at[2]!.x).toBeLessThan(at[1]!.x);
    // The extent fills one side of the plane between its margins.
    const width = Math.max(...at.map((p) => p.x)) - Math.min(...at.map((p) => p.x));
    const height = Math.max(...at.map((p) => p.y)) - Math.min(...at.map((p) => p.y));
    expect(Math.max(width / (PLANE.width - 80), height / (PLANE.height - 80))).toBeCloseTo(1, 6);
  });

  it('puts a single point in the middle, and has no fit without points', () => {
    const fit = fitTo([{ lng: 110.3, lat: 20 }])!;
    const p = project(fit, 110.3, 20);
    expect(p.x).toBeCloseTo(PLANE.width / 2, 6);
    expect(p.y).toBeCloseTo(PLANE.height / 2, 6);
    expect(fitTo([])).toBeNull();
  });

  it('covers the plane with tiles of the template, the point under its tile', () => {
    const fit = fitTo([
      { lng: 110.2, lat: 19.9 },
      { lng: 110.5, lat: 20.1 },
    ])!;
    const tiles = tilesFor(fit, 'https://t0.example.cn/w?l={z}&r={y}&c={x}&tk=k');
    expect(tiles.length).toBeGreaterThan(0);
    const z = Number(tiles[0]!.key.split('/')[0]);
    expect(tiles[0]!.size).toBeGreaterThan(256 / Math.SQRT2 - 1e-9);
    expect(tiles[0]!.size).toBeLessThan(256 * Math.SQRT2 + 1e-9);
    const covers = (x: number, y: number) =>
      tiles.some((t) => x >= t.left && x <= t.left + t.size && y >= t.top && y <= t.top + t.size);
    for (const [x, y] of [
      [0, 0],
      [PLANE.width, PLANE.height],
      [PLANE.width / 2, PLANE.height / 2],
    ])
      expect(covers(x!, y!)).toBe(true);
    // The tile under 110.3°E 20°N is the one the XYZ scheme names.
    const w = toWorld(110.3, 20);
    const name = `${z}/${Math.floor(w.x * 2 ** z)}/${Math.floor(w.y * 2 ** z)}`;
    const t = tiles.find((x) => x.key === name)!;
    const p = project(fit, 110.3, 20);
    expect(p.x >= t.left && p.x <= t.left + t.size && p.y >= t.top && p.y <= t.top + t.size).toBe(
      true,
    );
    expect(t.url).toBe(
      `https://t0.example.cn/w?l=${z}&r=${name.split('/')[2]}&c=${name.split('/')[1]}&tk=k`,
    );
  });
});
