/**
 * A community's position (经纬度): WGS-84 / CGCS2000 degrees, as a phone's GPS, a photo's EXIF
 * and 天地图 give them (docs/adr/0005-community-map.md says why not GCJ-02). Kept as the decimal
 * text that was entered, checked against China's extent so that a swapped pair or a 0 is caught
 * where it is typed. Shared: the server's community routes (the authority) and the web's
 * community form (the same messages at once).
 */

/**
 * China's extent with a small margin: 东经 73°–136° (帕米尔 73°40′ to 黑瞎子岛 135°05′), 北纬
 * 3°–54° (曾母暗沙 3°58′ to 漠河 53°33′). Migration 0027 holds the database to the same bounds.
 */
export const CHINA_EXTENT = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 } as const;

const DECIMAL = /^\d{1,3}(\.\d{1,8})?$/;

export interface CoordinateProblem {
  path: 'lng' | 'lat';
  message: string;
}

/** Empty or missing: no position. */
const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

function axisProblem(
  path: 'lng' | 'lat',
  value: string,
  min: number,
  max: number,
): CoordinateProblem | undefined {
  const [label, hemisphere] = path === 'lng' ? ['经度', '东经'] : ['纬度', '北纬'];
  const v = value.trim();
  if (!DECIMAL.test(v))
    return { path, message: `${label}“${value}”不是十进制度数（如 110.3312，至多 8 位小数）` };
  const n = Number(v);
  if (n < min || n > max)
    return {
      path,
      message: `${label} ${v} 不在我国范围内（应为${hemisphere} ${min} 到 ${max} 度之间${path === 'lng' ? '' : '；经纬度是否填反了？'}）`,
    };
  return undefined;
}

/** What is wrong with a position (both or neither; decimal degrees; inside China). */
export function coordinateProblems(
  lng: string | null | undefined,
  lat: string | null | undefined,
): CoordinateProblem[] {
  if (blank(lng) && blank(lat)) return [];
  if (blank(lng)) return [{ path: 'lng', message: '填写了纬度而未填经度：经度和纬度须同时填写' }];
  if (blank(lat)) return [{ path: 'lat', message: '填写了经度而未填纬度：经度和纬度须同时填写' }];
  const e = CHINA_EXTENT;
  return [
    axisProblem('lng', lng!, e.minLng, e.maxLng),
    axisProblem('lat', lat!, e.minLat, e.maxLat),
  ].filter((p): p is CoordinateProblem => p !== undefined);
}

/** The stored form: trimmed text, or null for no position. */
export const storedCoordinate = (v: string | null | undefined): string | null =>
  blank(v) ? null : v!.trim();
