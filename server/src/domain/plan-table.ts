/**
 * The plan table 《城镇老旧小区改造计划表》 (docs/plan-table.md), computed from the
 * communities in a year's plan. Pure arithmetic on exact integers (元, 0.01 m²): totals are sums
 * of exact values, rounded half up once at the end, never sums of rounded parts.
 */
import { formatScaled, roundHalfUp } from './ledger/decimal.ts';
import { addMeasures as add, measuresOf, zeroMeasures as zero, type Measures } from './measures.ts';
import type { AreaClass } from './regions.ts';
import {
  bucketLabels,
  MEASURES,
  NATIONAL_TOTAL_LABEL,
  ROW_LABELS,
  TOTAL_LABEL,
  TOTAL_UNIT_NAME,
  type DisplayRowKind,
} from '../../../common/plan-table.ts';

export { bucketLabels, MEASURES, NATIONAL_TOTAL_LABEL, ROW_LABELS, TOTAL_LABEL, TOTAL_UNIT_NAME };

export interface PlanCommunity {
  prefectureCode: string;
  areaClass: AreaClass;
  buildYear: number;
  households: number;
  buildings: number;
  floorAreaCenti: number;
  investmentYuan: number;
}

export interface PlanUnit {
  code: string;
  name: string;
}

export type { Measures };

export type Bucket = 'before' | 'after';

/** Communities of one unit, class and bucket, summed (the SQL aggregate gives exactly these). */
export interface PlanGroup {
  prefectureCode: string;
  areaClass: AreaClass;
  bucket: Bucket;
  measures: Measures;
}

/** `cutoffYear`: 2000年底前 means build year ≤ cutoffYear (plan-year policy). */
export function groupCommunities(
  communities: Iterable<PlanCommunity>,
  cutoffYear: number,
): PlanGroup[] {
  const groups = new Map<string, PlanGroup>();
  for (const c of communities) {
    const bucket: Bucket = c.buildYear <= cutoffYear ? 'before' : 'after';
    const key = `${c.prefectureCode}|${c.areaClass}|${bucket}`;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          prefectureCode: c.prefectureCode,
          areaClass: c.areaClass,
          bucket,
          measures: zero(),
        }),
      );
    add(g.measures, measuresOf(c));
  }
  return [...groups.values()];
}
export type Cell = Record<Bucket, Measures>;

export type RowKind = 'subtotal' | AreaClass;
export interface PlanRow {
  unitCode: string | null; // null: the province (or country) total
  unitName: string;
  kind: RowKind;
  cell: Cell;
}

/** The live table's label: computed from the ledger now, not a declared plan. */
export const LIVE_LABEL = '工作底稿（未冻结）';
/** Under the form: each cell is rounded from exact sums, so parts may not add up to a total. */
export const ROUNDING_NOTE = '因四舍五入，合计数与分项数之和可能略有出入';

const zeroCell = (): Cell => ({ before: zero(), after: zero() });

const sumCells = (...cells: Cell[]): Cell => {
  const out = zeroCell();
  for (const c of cells) {
    add(out.before, c.before);
    add(out.after, c.after);
  }
  return out;
};

/**
 * Rows in the form's order: for every unit (in the order given, i.e. region-code order) 全市小计,
 * 1. 城市(建成区), 2. 县城(城关镇); then the same three for the whole. Units with nothing show zeros.
 */
export function planTableRows(
  units: PlanUnit[],
  groups: Iterable<PlanGroup>,
  totalName = TOTAL_UNIT_NAME,
): PlanRow[] {
  const byUnit = new Map<string, Record<AreaClass, Cell>>(
    units.map((u) => [u.code, { city: zeroCell(), county_seat: zeroCell() }]),
  );
  for (const g of groups) {
    const unit = byUnit.get(g.prefectureCode);
    if (!unit) throw new Error(`小区所属地级单位 ${g.prefectureCode} 不在本省`);
    add(unit[g.areaClass][g.bucket], g.measures);
  }
  const rows: PlanRow[] = [];
  const total = { city: zeroCell(), county_seat: zeroCell() };
  for (const u of units) {
    const cells = byUnit.get(u.code)!;
    rows.push({
      unitCode: u.code,
      unitName: u.name,
      kind: 'subtotal',
      cell: sumCells(cells.city, cells.county_seat),
    });
    rows.push({ unitCode: u.code, unitName: u.name, kind: 'city', cell: cells.city });
    rows.push({ unitCode: u.code, unitName: u.name, kind: 'county_seat', cell: cells.county_seat });
    total.city = sumCells(total.city, cells.city);
    total.county_seat = sumCells(total.county_seat, cells.county_seat);
  }
  rows.push({
    unitCode: null,
    unitName: totalName,
    kind: 'subtotal',
    cell: sumCells(total.city, total.county_seat),
  });
  rows.push({ unitCode: null, unitName: totalName, kind: 'city', cell: total.city });
  rows.push({ unitCode: null, unitName: totalName, kind: 'county_seat', cell: total.county_seat });
  return rows;
}

/** A row of the form as a version freezes it: 15 figures, per measure 2000年底前, 2000年底后, 合计. */
export interface FrozenRow {
  unit: string;
  label: string;
  values: (number | string)[];
}

/** A row as displayed: what it is (subtotal, category, total) beside what the form prints. */
export interface DisplayRow extends FrozenRow {
  kind: DisplayRowKind;
}

/**
 * What a version freezes of its rows: the form's text and figures only. Versions frozen before
 * rows had a kind hold exactly these fields, so their hashes and today's content compare alike.
 */
export const frozenRows = (rows: readonly DisplayRow[]): FrozenRow[] =>
  rows.map(({ unit, label, values }) => ({ unit, label, values }));

/**
 * The kinds of a frozen table's rows, from the form's own layout (planTableRows): each unit's
 * 全市小计 then its two categories, and last the total and its two categories. A table of
 * another shape is refused rather than guessed.
 */
export function withKinds(rows: readonly FrozenRow[]): DisplayRow[] {
  if (rows.length % 3 !== 0 || rows.length === 0)
    throw new Error(`冻结的计划表有 ${rows.length} 行，不是每个单位三行`);
  return rows.map((r, i) => ({
    ...r,
    kind: i % 3 !== 0 ? 'category' : i === rows.length - 3 ? 'total' : 'subtotal',
  }));
}

/** 万平方米 with 2 decimals from 0.01 m²: one unit of the result is 100 m² = 10,000 of ours. */
export const wanM2 = (centi: number): string => formatScaled(roundHalfUp(centi, 10_000), 2);
/** 万元 with 2 decimals from 元: one unit of the result is 100 元. */
export const wanYuan = (yuan: number): string => formatScaled(roundHalfUp(yuan, 100), 2);

/**
 * The row as displayed; the whole's rows (unitCode null) are the total and its categories,
 * labelled `totalLabel` (全省(区、市)合计: or, for the country, 全国合计:).
 */
export function displayRow(r: PlanRow, totalLabel = TOTAL_LABEL): DisplayRow {
  const { before, after } = r.cell;
  const both = zero();
  add(both, before);
  add(both, after);
  const triple = <T>(f: (m: Measures) => T): T[] => [f(before), f(after), f(both)];
  const isTotal = r.unitCode === null;
  return {
    unit: r.unitName,
    label:
      r.kind === 'subtotal' ? (isTotal ? totalLabel : ROW_LABELS.subtotal) : ROW_LABELS[r.kind],
    kind: r.kind !== 'subtotal' ? 'category' : isTotal ? 'total' : 'subtotal',
    values: [
      ...triple((m) => m.communities),
      ...triple((m) => m.households),
      ...triple((m) => m.buildings),
      ...triple((m) => wanM2(m.floorAreaCenti)),
      ...triple((m) => wanYuan(m.investmentYuan)),
    ],
  };
}

/**
 * The country's three total rows (全国合计:, then its two categories): every group of every
 * province under one unit, with the same exact arithmetic, rounded once.
 */
export function nationalTotalRows(groups: Iterable<PlanGroup>): DisplayRow[] {
  const all = [...groups].map((g) => ({ ...g, prefectureCode: '*' }));
  return planTableRows([{ code: '*', name: '全国' }], all, '全国')
    .slice(-3)
    .map((r) => displayRow(r, NATIONAL_TOTAL_LABEL));
}

export const csvHeader = (cutoffYear: number): string[] => [
  '地级以上城市',
  '分类',
  ...MEASURES.flatMap((m) => bucketLabels(cutoffYear).map((b) => `${m.name}_${b}`)),
];
