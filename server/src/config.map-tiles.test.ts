import { describe, expect, it } from 'vitest';
import { loadMapTiles } from './config.ts';

describe('MAP_TILE_* settings', () => {
  const url = 'https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k';

  it('are off unless MAP_TILE_URL is set', () => {
    expect(loadMapTiles({})).toBeNull();
    expect(loadMapTiles({ MAP_TILE_URL: ' ' })).toBeNull();
  });

  it('take a template with its 审图号, the attribution defaulting to the host', () => {
    expect(loadMapTiles({ MAP_TILE_URL: url, MAP_TILE_REVIEW_NO: 'GS(2024)0568号' })).toEqual({
      url,
      reviewNo: 'GS(2024)0568号',
      attribution: 't0.tianditu.gov.cn',
    });
    expect(
      loadMapTiles({ MAP_TILE_URL: url, MAP_TILE_REVIEW_NO: 'x', MAP_TILE_ATTRIBUTION: '天地图' })
        ?.attribution,
    ).toBe('天地图');
  });

  it('refuse a template without placeholders, or tiles without a 审图号, in Chinese', () => {
    expect(() =>
      loadMapTiles({ MAP_TILE_URL: 'https://tiles.example/a.png', MAP_TILE_REVIEW_NO: 'x' }),
    ).toThrow(/MAP_TILE_URL 应为含 \{z\}、\{x\}、\{y\} 的 http\(s\) 瓦片地址模板/);
    expect(() =>
      loadMapTiles({ MAP_TILE_URL: 'file:///{z}/{x}/{y}', MAP_TILE_REVIEW_NO: 'x' }),
    ).toThrow(/MAP_TILE_URL/);
    expect(() => loadMapTiles({ MAP_TILE_URL: url })).toThrow(/须设置 MAP_TILE_REVIEW_NO/);
  });
});
