/**
 * Plausibility flags: warnings, never errors, for values outside the national bands of
 * brief §8.5 ([DERIVED] from published project and plan figures).
 */
export interface PlausibilityInput {
  buildYear: number;
  buildings: number;
  households: number;
  /** 0.01 m² */
  floorAreaCenti: number;
  /** 元 */
  investmentYuan: number;
}

export interface Flag {
  code:
    | 'households_per_building'
    | 'area_per_household'
    | 'investment_per_household'
    | 'investment_per_m2'
    /** built after the plan year's cut-off (2000年底后 in 2022): counts in the share rule */
    | 'after_cutoff';
  message: string;
}

const BANDS = {
  householdsPerBuilding: [2, 300],
  m2PerHousehold: [40, 160],
  wanYuanPerHousehold: [0.3, 10],
  yuanPerM2: [50, 1500],
} as const;

const outside = (v: number, [lo, hi]: readonly [number, number]) => v < lo || v > hi;
const fmt = (v: number) => (Math.round(v * 100) / 100).toString();

/** `cutoffYear` is the cut-off of the community's plan-year policy (policyInForce). */
export function plausibilityFlags(c: PlausibilityInput, cutoffYear: number): Flag[] {
  const flags: Flag[] = [];
  const m2 = c.floorAreaCenti / 100;
  const hpb = c.households / c.buildings;
  if (outside(hpb, BANDS.householdsPerBuilding))
    flags.push({
      code: 'households_per_building',
      message: `户均楼栋异常：每栋 ${fmt(hpb)} 户（常见范围 2–300）`,
    });
  const aph = m2 / c.households;
  if (outside(aph, BANDS.m2PerHousehold))
    flags.push({
      code: 'area_per_household',
      message: `户均面积异常：${fmt(aph)} 平方米/户（常见范围 40–160）`,
    });
  if (c.investmentYuan > 0) {
    const iph = c.investmentYuan / 10_000 / c.households;
    if (outside(iph, BANDS.wanYuanPerHousehold))
      flags.push({
        code: 'investment_per_household',
        message: `户均投资异常：${fmt(iph)} 万元/户（常见范围 0.3–10）`,
      });
    const ipm = c.investmentYuan / m2;
    if (outside(ipm, BANDS.yuanPerM2))
      flags.push({
        code: 'investment_per_m2',
        message: `单位面积投资异常：${fmt(ipm)} 元/平方米（常见范围 50–1500）`,
      });
  }
  if (c.buildYear > cutoffYear)
    flags.push({
      code: 'after_cutoff',
      message: `${cutoffYear}年底后建成（${c.buildYear}年），计入“${cutoffYear}年底后”户数占比`,
    });
  return flags;
}
