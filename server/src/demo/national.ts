/**
 * A national-scale synthetic ledger (for the benchmarks, bench/): every province and 兵团, each
 * with its share of the 2022 plan's communities and its own households per community
 * (docs/sources.md §8.3), over the plan years 2019–2023 weighted by the national plan
 * (§8.1: 1.9 + 3.9 + 5.3 + 5.1 + 5.3 万 ≈ 21.5万, hence about 220,000 communities). Each province's
 * rows are spread over its ledger units by syntheticRows and laid out unit by unit, as a plan
 * table is. Seeded: the same seed and size give the same rows.
 */
import type { ColumnKey } from '../domain/ledger/template.ts';
import { syntheticRows, type SyntheticUnit } from './synthetic.ts';

export interface ProvincePlan {
  code: string;
  name: string;
  /** planned communities in 2022 (计划小区) */
  communities: number;
  /** planned households per community (户/小区) */
  householdsPerCommunity: number;
}

/**
 * The 2022 plan by province (brief §8.3). 新疆's households and all of 兵团 are cut off in the
 * source table: both take the national ratio (840万户 / 5.1万, §8.5 ≈ 165), and 兵团 a nominal
 * 100 communities (the brief: "small").
 */
export const PROVINCE_PLANS_2022: readonly ProvincePlan[] = [
  { code: '110000', name: '北京', communities: 400, householdsPerCommunity: 532 },
  { code: '120000', name: '天津', communities: 177, householdsPerCommunity: 572 },
  { code: '130000', name: '河北', communities: 3698, householdsPerCommunity: 143 },
  { code: '140000', name: '山西', communities: 1779, householdsPerCommunity: 123 },
  { code: '150000', name: '内蒙古', communities: 1540, householdsPerCommunity: 139 },
  { code: '210000', name: '辽宁', communities: 1203, householdsPerCommunity: 437 },
  { code: '220000', name: '吉林', communities: 1142, householdsPerCommunity: 172 },
  { code: '230000', name: '黑龙江', communities: 1705, householdsPerCommunity: 241 },
  { code: '310000', name: '上海', communities: 200, householdsPerCommunity: 815 },
  { code: '320000', name: '江苏', communities: 1405, householdsPerCommunity: 325 },
  { code: '330000', name: '浙江', communities: 607, householdsPerCommunity: 312 },
  { code: '340000', name: '安徽', communities: 1411, householdsPerCommunity: 180 },
  { code: '350000', name: '福建', communities: 1533, householdsPerCommunity: 123 },
  { code: '360000', name: '江西', communities: 1062, householdsPerCommunity: 323 },
  { code: '370000', name: '山东', communities: 3889, householdsPerCommunity: 173 },
  { code: '410000', name: '河南', communities: 3787, householdsPerCommunity: 100 },
  { code: '420000', name: '湖北', communities: 3053, householdsPerCommunity: 142 },
  { code: '430000', name: '湖南', communities: 3222, householdsPerCommunity: 149 },
  { code: '440000', name: '广东', communities: 1397, householdsPerCommunity: 234 },
  { code: '450000', name: '广西', communities: 1322, householdsPerCommunity: 92 },
  { code: '460000', name: '海南', communities: 608, householdsPerCommunity: 84 },
  { code: '500000', name: '重庆', communities: 1277, householdsPerCommunity: 234 },
  { code: '510000', name: '四川', communities: 5400, householdsPerCommunity: 106 },
  { code: '520000', name: '贵州', communities: 1501, householdsPerCommunity: 142 },
  { code: '530000', name: '云南', communities: 1923, householdsPerCommunity: 80 },
  { code: '540000', name: '西藏', communities: 31, householdsPerCommunity: 171 },
  { code: '610000', name: '陕西', communities: 2200, householdsPerCommunity: 94 },
  { code: '620000', name: '甘肃', communities: 1599, householdsPerCommunity: 98 },
  { code: '630000', name: '青海', communities: 400, householdsPerCommunity: 102 },
  { code: '640000', name: '宁夏', communities: 333, householdsPerCommunity: 131 },
  { code: '650000', name: '新疆', communities: 1273, householdsPerCommunity: 165 },
  { code: '660000', name: '新疆生产建设兵团', communities: 100, householdsPerCommunity: 165 },
];

/** National plan communities by year, in thousands (brief §8.1): the weights of the plan years. */
export const PLAN_YEAR_WEIGHTS: Readonly<Record<number, number>> = {
  2019: 19,
  2020: 39,
  2021: 53,
  2022: 51,
  2023: 53,
};

/** `total` split by the provinces' 2022 shares, largest remainders first, so the parts add up. */
export function apportion(total: number, plans = PROVINCE_PLANS_2022): Map<string, number> {
  const sum = plans.reduce((s, p) => s + p.communities, 0);
  const parts = plans.map((p, i) => {
    const exact = (total * p.communities) / sum;
    return { code: p.code, n: Math.floor(exact), rest: exact - Math.floor(exact), i };
  });
  let left = total - parts.reduce((s, p) => s + p.n, 0);
  for (const p of [...parts].sort((a, b) => b.rest - a.rest || a.i - b.i)) {
    if (left-- <= 0) break;
    p.n++;
  }
  return new Map(parts.map((p) => [p.code, p.n]));
}

/**
 * `total` rows of the import template over the whole country, province by province in code order
 * and, within a province, unit by unit; 序号 runs 1…total. `unitsOf(province)` gives the ledger
 * units under a province (regions with is_ledger_unit = 1 under its path).
 */
export function* nationalRows(
  unitsOf: (provinceCode: string) => SyntheticUnit[],
  total: number,
  seed: number,
): Generator<Record<ColumnKey, string>> {
  const counts = apportion(total);
  const planYears = Object.entries(PLAN_YEAR_WEIGHTS).flatMap(([year, w]) =>
    Array<number>(w).fill(Number(year)),
  );
  let seq = 0;
  for (const [i, plan] of PROVINCE_PLANS_2022.entries()) {
    const count = counts.get(plan.code)!;
    const units = [...unitsOf(plan.code)].sort((a, b) => a.code.localeCompare(b.code));
    if (!count) continue;
    if (!units.length) throw new Error(`${plan.name}（${plan.code}）没有台账单位`);
    const rows = [
      ...syntheticRows(units, count, {
        seed: seed * 100 + i,
        planYears,
        householdsPerCommunity: plan.householdsPerCommunity,
      }),
    ];
    // syntheticRows deals the rows out unit after unit; a plan table lists them county by county.
    const order = new Map(units.map((u, k) => [u.code, k]));
    rows.sort((a, b) => order.get(a.regionCode)! - order.get(b.regionCode)!);
    for (const row of rows) yield { ...row, seq: String(++seq) };
  }
}
