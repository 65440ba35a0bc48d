import { describe, expect, it } from 'vitest';
import { PROVINCE_TILES, rateColor, RATE_BANDS, TILE_COLUMNS, TILE_ROWS } from './provinceTiles.ts';

describe('province tile grid', () => {
  it('has one tile per province-level reporting unit (31 and 兵团), no two on one square', () => {
    expect(PROVINCE_TILES).toHaveLength(32);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(32);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(32);
    for (const t of PROVINCE_TILES) {
      expect(t.col).toBeLessThan(TILE_COLUMNS);
      expect(t.row).toBeLessThan(TILE_ROWS);
      expect(t.code).toMatch(/^\d{2}0000$/);
    }
  });
  it('keeps the neighbours a reader expects', () => {
    const at = (short: string) => PROVINCE_TILES.find((t) => t.short === short)!;
    expect(at('海南').row).toBeGreaterThan(at('广东').row);
    expect(at('新疆').col).toBeLessThan(at('甘肃').col);
    expect(at('上海').col).toBeGreaterThan(at('江苏').col);
    expect(at('黑龙江').row).toBeLessThan(at('吉林').row);
  });
  it.each([
    [null, '#f0f0f0'],
    [0, RATE_BANDS[0]!.color],
    [49.9, RATE_BANDS[0]!.color],
    [50, RATE_BANDS[1]!.color],
    [99.9, RATE_BANDS[3]!.color],
    [104.4, RATE_BANDS[4]!.color],
  ])('colours a rate of %s as %s', (rate, color) => expect(rateColor(rate)).toBe(color));
});
