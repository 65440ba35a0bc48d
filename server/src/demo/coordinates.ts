/**
 * Demo positions (经纬度) for the demo province's communities, so the community map has points:
 * each community a deterministic jitter (up to ±0.02°, about 2 km) around its county-level unit's
 * seat, and one in ten left without a position so the map's "未上图" count shows too.
 *
 * The seats: the town or street office where each unit's government sits (人民政府驻地, as the
 * comments name it), at the approximate WGS-84 coordinates that public gazetteer entries for that
 * town (Wikipedia, GeoNames) give, rounded to 0.01°. Written down for the demo without a survey
 * and not checked point by point against one source: good to a few kilometres, which is all a demo
 * needs. Never used outside the demo, never drawn as a boundary.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { underPath } from '../db/under-path.ts';
import { positionCell } from '../domain/ledger/place-keys.ts';

/** 区划代码 → [经度, 纬度] of the unit's seat (海南省, 三沙市 aside). */
export const DEMO_SEATS: Readonly<Record<string, readonly [number, number]>> = {
  '460105': [110.29, 20.01], // 秀英区 秀英街道
  '460106': [110.33, 20.03], // 龙华区 中山街道
  '460107': [110.35, 20.0], // 琼山区 府城街道
  '460108': [110.37, 20.03], // 美兰区 白龙街道
  '460202': [109.73, 18.36], // 海棠区 海棠湾
  '460203': [109.58, 18.28], // 吉阳区
  '460204': [109.5, 18.25], // 天涯区
  '460205': [109.17, 18.35], // 崖州区 崖城
  '460400': [109.58, 19.52], // 儋州市 那大镇
  '469001': [109.52, 18.78], // 五指山市 通什镇
  '469002': [110.47, 19.25], // 琼海市 嘉积镇
  '469005': [110.8, 19.54], // 文昌市 文城镇
  '469006': [110.39, 18.8], // 万宁市 万城镇
  '469007': [108.65, 19.1], // 东方市 八所镇
  '469021': [110.36, 19.68], // 定安县 定城镇
  '469022': [110.1, 19.35], // 屯昌县 屯城镇
  '469023': [110.01, 19.74], // 澄迈县 金江镇
  '469024': [109.69, 19.91], // 临高县 临城镇
  '469025': [109.45, 19.22], // 白沙黎族自治县 牙叉镇
  '469026': [109.06, 19.26], // 昌江黎族自治县 石碌镇
  '469027': [109.18, 18.75], // 乐东黎族自治县 抱由镇
  '469028': [110.04, 18.51], // 陵水黎族自治县 椰林镇
  '469029': [109.7, 18.64], // 保亭黎族苗族自治县 保城镇
  '469030': [109.84, 19.04], // 琼中黎族苗族自治县 营根镇
};

/** A fraction in [0, 1) from a community id and an axis: the same every time. */
function unit(id: number, axis: number): number {
  let h = (id * 2654435761 + axis * 40503) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** The demo position of a community, or null (one in ten, and units with no seat listed). */
export function demoPosition(id: number, regionCode: string): { lng: string; lat: string } | null {
  const seat = DEMO_SEATS[regionCode];
  if (!seat || id % 10 === 0) return null;
  const jitter = (axis: number) => (unit(id, axis) - 0.5) * 0.04;
  return { lng: (seat[0] + jitter(1)).toFixed(4), lat: (seat[1] + jitter(2)).toFixed(4) };
}

/** Gives the province's communities without a position their demo position. */
export async function seedDemoCoordinates(db: Kysely<Database>, province: string): Promise<void> {
  const rows = await db
    .selectFrom('communities as c')
    .select(['c.id', 'c.region_code'])
    .where((e) => underPath(e, 'c.region_path', `/000000/${province}/`))
    .where('c.lng', 'is', null)
    .execute();
  for (const r of rows) {
    const at = demoPosition(r.id, r.region_code);
    if (at)
      await db
        .updateTable('communities')
        .set({ ...at, cell_key: positionCell(at.lng, at.lat) })
        .where('id', '=', r.id)
        .execute();
  }
}
