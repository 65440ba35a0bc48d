import type { RegionRef } from '../api/types.ts';

export const COUNTRY_CODE = '000000';

/**
 * A region's full name from its path, for example 湖北省 / 武汉市. 全国 is left out unless it is
 * the region itself, since every other region lies within it.
 */
export function regionPathName(path: readonly RegionRef[], separator = ' / '): string {
  const names = path.filter((r) => r.code !== COUNTRY_CODE).map((r) => r.name);
  return names.length > 0 ? names.join(separator) : (path[0]?.name ?? '');
}

/**
 * The path with 全国 at its head. The server's paths start at the province (全国 appears only as
 * the path of 全国 itself); trees rooted at 全国 need it to place a region below their root.
 */
export function withCountry(path: readonly RegionRef[]): RegionRef[] {
  return path[0]?.code === COUNTRY_CODE
    ? [...path]
    : [{ code: COUNTRY_CODE, name: '全国' }, ...path];
}
