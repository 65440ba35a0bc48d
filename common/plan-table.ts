// The plan table's form 《城镇老旧小区改造计划表》 (建办城〔2021〕28号 附件) as both sides print it:
// its five measures, year buckets, row labels and seal lines, defined once for the server's
// rows, CSV and xlsx and the web's table, print view and sign-off preview.

/** The five measures of the form and their units, in the form's column order. */
export const MEASURES = [
  { name: '小区数', unit: '个' },
  { name: '居民户数', unit: '户' },
  { name: '楼栋数', unit: '栋' },
  { name: '住宅建筑面积', unit: '万平方米' },
  { name: '预计投资额', unit: '万元' },
] as const;

export type PlanMeasure = (typeof MEASURES)[number];

/** A measure's column title: 小区数 (个). */
export const measureTitle = (m: PlanMeasure): string => `${m.name} (${m.unit})`;

/** The year buckets as the form names them, from the policy's cut-off (2000 → 2000年底前/后). */
export const bucketLabels = (cutoffYear: number): [string, string, string] => [
  `${cutoffYear}年底前`,
  `${cutoffYear}年底后`,
  '合计',
];

/** The label of a unit's three rows: its subtotal, then its city and county-seat parts. */
export const ROW_LABELS = {
  subtotal: '全市小计:',
  city: '1. 城市(建成区)',
  county_seat: '2. 县城(城关镇)',
} as const;
export const TOTAL_UNIT_NAME = '全省(区、市)';
export const TOTAL_LABEL = '全省(区、市)合计:';
export const NATIONAL_TOTAL_LABEL = '全国合计:';

/**
 * What a displayed row is: a unit's 全市小计, one of the two categories under a unit or under the
 * total (1. 城市, 2. 县城), or the province's or the country's 合计. Consumers decide bold lines,
 * merged unit cells and totals from this, never from a label or a position.
 */
export const ROW_KINDS = ['subtotal', 'category', 'total'] as const;
export type DisplayRowKind = (typeof ROW_KINDS)[number];

/** The three seal lines under the form, one per department that signs it. */
export const SEALS = [
  '省级住房和城乡建设部门盖章',
  '省级发展改革部门盖章',
  '省级财政部门盖章',
] as const;
