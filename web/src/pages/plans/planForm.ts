// The plan table's form (建办城〔2021〕28号 附件), shared by the page and the print view: the
// address's year and province, the grouped header, and the body as rows with the unit's span.
import type { PlanTable, PlanTableRow } from '../../api/plans.ts';
import type { Me } from '../../api/types.ts';
import { formatDecimal, formatInteger } from '../../components/format.ts';

// The form's measures, buckets and seal lines are the server's (common/plan-table.ts).
export { bucketLabels, MEASURES, measureTitle, SEALS } from '../../../../common/plan-table.ts';

export const FIRST_PLAN_YEAR = 2022;

/** The plan years to choose from: 2022 to next year's plan (at least to 2027). */
export function planYears(now = new Date()): number[] {
  const last = Math.max(2027, now.getFullYear() + 1);
  return Array.from({ length: last - FIRST_PLAN_YEAR + 1 }, (_, i) => FIRST_PLAN_YEAR + i);
}

export const ALL_PROVINCES = 'all';

/** What a user may see: the whole country (choose a province), one province, or only checks. */
export type PlanAccess =
  | { kind: 'country' }
  | { kind: 'province'; code: string; name: string }
  | { kind: 'local'; code: string; name: string };

export function planAccessOf(me: Me): PlanAccess {
  const { code, name, level } = me.region;
  if (level === 'country') return { kind: 'country' };
  if (level === 'province') return { kind: 'province', code, name };
  return { kind: 'local', code, name };
}

export interface PlanSearch {
  year: number;
  /** 'all', a 6-digit province code, or undefined: the user's own (or, country-wide, 全国). */
  province: string | undefined;
  /** a province's frozen version: 'signed' or its number; undefined: the live table */
  version: string | undefined;
  /** the national table's basis: accepted (default), submitted or live */
  basis: 'accepted' | 'submitted' | 'live' | undefined;
}

const BASES = ['accepted', 'submitted', 'live'] as const;

/**
 * ?year=2022&province=460000&version=signed; anything malformed falls back to the default; a
 * missing or malformed year to `defaultYear`, the year being declared (GET /api/plan-year).
 */
export function parsePlanSearch(params: URLSearchParams, defaultYear: number): PlanSearch {
  const year = Number(params.get('year'));
  const province = params.get('province') ?? '';
  const version = params.get('version') ?? '';
  const basis = params.get('basis') ?? '';
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : defaultYear,
    province: province === ALL_PROVINCES || /^\d{6}$/.test(province) ? province : undefined,
    version: /^(signed|[1-9]\d{0,8})$/.test(version) ? version : undefined,
    basis: BASES.find((b) => b === basis),
  };
}

/** The query for the address and the downloads: the version for a province, else the basis. */
export function versionChoice(scope: string | undefined, search: PlanSearch) {
  return scope === ALL_PROVINCES
    ? { basis: search.basis }
    : { version: search.version, basis: undefined };
}

/** The province to ask the server for: a province user's own, whatever the address says. */
export function scopeOf(access: PlanAccess, search: PlanSearch): string | undefined {
  if (access.kind === 'province') return access.code;
  if (access.kind === 'local') return undefined;
  return search.province ?? ALL_PROVINCES;
}

export interface FormRow {
  key: string;
  /** 'province': the line naming a province in the national table; 'row': a body row. */
  kind: 'province' | 'row';
  unit: string;
  label: string;
  values: (number | string)[];
  /** The unit cell's rowSpan: 3 on a unit's first row, 0 on the two under it, 1 for a province line. */
  unitSpan: number;
  /** 全市小计 and the province (or national) totals, shown in bold. */
  subtotal: boolean;
  total: boolean;
}

/** A unit's (or the total's) rows: its first row spans the unit cell over it and its categories. */
function unitRows(prefix: string, rows: PlanTableRow[]): FormRow[] {
  return rows.map((r, i) => {
    const next = rows.findIndex((n, j) => j > i && n.kind !== 'category');
    return {
      key: `${prefix}-${i}`,
      kind: 'row',
      unit: r.unit,
      label: r.label,
      values: r.values,
      unitSpan: r.kind === 'category' ? 0 : (next === -1 ? rows.length : next) - i,
      subtotal: r.kind !== 'category',
      total: r.kind === 'total',
    };
  });
}

/** The body in the form's order; for the country a line before each province, then 全国. */
export function formRows(table: PlanTable): FormRow[] {
  const national = table.national !== null;
  const out: FormRow[] = [];
  for (const b of table.blocks) {
    if (national)
      out.push({
        key: `p-${b.province.code}`,
        kind: 'province',
        // What the block is: 第 2 版（已接收）and its 校验码, or 未上报 (then no rows follow).
        unit:
          b.source.kind === 'live'
            ? b.province.name
            : `${b.province.name}\u3000${b.source.label}${
                b.source.version ? `\u3000校验码：${b.source.version.hash}` : ''
              }`,
        label: '',
        values: [],
        unitSpan: 1,
        subtotal: false,
        total: false,
      });
    out.push(...unitRows(b.province.code, b.rows));
  }
  if (table.national) out.push(...unitRows('national', table.national));
  return out;
}

/** Counts with thousands separators; 万平方米 and 万元 as the exact text, with separators. */
export function formatFigure(v: number | string | undefined): string {
  if (v === undefined) return '';
  return typeof v === 'number' ? formatInteger(v) : formatDecimal(v);
}
