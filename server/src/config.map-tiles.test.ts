import { describe, expect, it } from 'vitest';
import { loadMapTiles } from './config.ts';

describe('MAP_TILE_* settings', () => {
  const url = 'https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k';
  const labels =
    'https://t1.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k';

  it('are off unless MAP_TILE_URL is set', () => {
    expect(loadMapTiles({})).toBeNull();
    expect(loadMapTiles({ MAP_TILE_URL: ' ' })).toBeNull();
  });

  it('take templates (layers) with the 审图号, the attribution defaulting to the host', () => {
    expect(
      loadMapTiles({ MAP_TILE_URL: ` ${url}  ${labels} `, MAP_TILE_REVIEW_NO: 'GS(2000)0000号' }),
    ).toEqual({
      urls: [url, labels],
      reviewNo: 'GS(2000)0000号',
      attribution: 't0.tianditu.gov.cn',
    });
    const named = { MAP_TILE_URL: url, MAP_TILE_REVIEW_NO: 'x', MAP_TILE_ATTRIBUTION: '天地图' };
    expect(loadMapTiles(named)?.attribution).toBe('天地图');
  });

  it('refuse a template without placeholders, or tiles without a 审图号, in Chinese', () => {
    const bad = (MAP_TILE_URL: string) => () =>
      loadMapTiles({ MAP_TILE_URL, MAP_TILE_REVIEW_NO: 'x' });
    expect(bad('https://tiles.example/a.png')).toThrow(
      '环境变量 MAP_TILE_URL 应为含 {z}、{x}、{y} 的 http(s) 瓦片地址模板（多个以空格分隔），其中“https://tiles.example/a.png”不是',
    );
    expect(bad(`${url} file:///{z}/{x}/{y}`)).toThrow(/其中“file:\/\/\/\{z\}\/\{x\}\/\{y\}”不是/);
    expect(() => loadMapTiles({ MAP_TILE_URL: url })).toThrow(/须设置 MAP_TILE_REVIEW_NO/);
  });
});
