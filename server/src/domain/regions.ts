/**
 * Region rules: the reporting tree (country → province → prefecture-level unit → county-level
 * unit) as a materialized path, what a county-level unit counts as on the plan form, and the
 * codes of functional zones. Decisions: docs/adr/0002-regions.md.
 */
import { AREA_CLASS_LABELS, type AreaClass } from '../../../common/ledger.ts';
import {
  isFunctionalZoneCode,
  isRegionCode,
  REGION_LEVELS,
  type RegionLevel,
} from '../../../common/regions.ts';

export { REGION_LEVELS, type RegionLevel };

export const REGION_KINDS = [
  '全国',
  '省',
  '自治区',
  '直辖市',
  '兵团',
  '地级市',
  '自治州',
  '地区',
  '盟',
  '师',
  '市辖区',
  '县级市',
  '县',
  '自治县',
  '旗',
  '自治旗',
  '林区',
  '特区',
  '功能区',
] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** 1. 城市(建成区) / 2. 县城(城关镇): the two rows of each unit on the plan form. */
export { AREA_CLASS_LABELS, type AreaClass };

/**
 * The plan form's class of a county-level unit, by its type (not by the last characters of its
 * name: 碑林区 is a 市辖区). Import template spec, column 类别.
 */
export function areaClassOf(kind: RegionKind): AreaClass | null {
  switch (kind) {
    case '市辖区':
    case '县级市':
    case '功能区':
    case '地级市': // a prefecture-level city without districts (东莞) is itself a city
    case '师':
      return 'city';
    case '县':
    case '自治县':
    case '旗':
    case '自治旗':
    case '林区':
    case '特区':
      return 'county_seat';
    case '全国':
    case '省':
    case '自治区':
    case '直辖市':
    case '兵团':
    case '自治州':
    case '地区':
    case '盟':
      return null;
  }
}

/** '/000000/420000/420100/' → the path of a child. */
export const childPath = (parentPath: string, code: string): string => `${parentPath}${code}/`;

/** Is `path` inside the subtree rooted at `scopePath` (itself included)? */
export const isWithin = (path: string, scopePath: string): boolean => path.startsWith(scopePath);

const ZONE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The code of the n-th functional zone an administrator adds under a city: the city's first four
 * digits, a letter, then a base-36 digit (`4201A0`, `4201A1`, …). GB/T 2260 codes are all digits,
 * so a zone code can never collide with one, now or after a future revision.
 */
export function functionalZoneCode(prefectureCode: string, n: number): string {
  if (!/^\d{4}00$/.test(prefectureCode)) throw new Error(`不是地级单位代码：${prefectureCode}`);
  if (!Number.isInteger(n) || n < 0 || n >= 26 * 36) throw new Error('功能区数量已达上限');
  const letter = String.fromCharCode(65 + Math.floor(n / 36));
  return `${prefectureCode.slice(0, 4)}${letter}${ZONE_ALPHABET[n % 36]}`;
}

export { isFunctionalZoneCode, isRegionCode };
