/**
 * The subsidised-history template (docs/templates/subsidised-history.md): the communities of an
 * earlier centrally subsidised plan (2019–2021, before gaizao), kept as history so that later
 * declarations are checked against them (建办城〔2021〕28号 三(四) “不得重复申报”). Never in a
 * plan. Headers are matched as in the project list (template.ts's headerKey); a few columns also
 * answer to the name the project list gives them. Pure.
 */
import { parseScaled } from './decimal.ts';
import type { LedgerUnit, RowError } from './rows.ts';
import { headerKey } from './template.ts';

export const HISTORY_COLUMNS = [
  { key: 'seq', header: '序号', aliases: [], required: false, help: '可不填' },
  {
    key: 'regionCode',
    header: '区划代码',
    aliases: [],
    required: false,
    help: '县级区划6位代码（与“区县”至少填一项）',
  },
  { key: 'regionName', header: '区县', aliases: [], required: false, help: '县级单位名称' },
  { key: 'street', header: '街道', aliases: [], required: false, help: '' },
  { key: 'name', header: '小区名称', aliases: [], required: true, help: '1–100个字' },
  { key: 'address', header: '详细地址', aliases: [], required: false, help: '' },
  {
    key: 'subsidyYear',
    header: '中央补助年度',
    aliases: ['已纳入中央补助年度'],
    required: true,
    help: '纳入中央补助支持的改造计划的年度，4位年份',
  },
  { key: 'buildYear', header: '建成年份', aliases: [], required: false, help: '4位年份' },
  { key: 'buildings', header: '楼栋数', aliases: [], required: false, help: '整数，≥1' },
  { key: 'households', header: '居民户数', aliases: [], required: false, help: '整数，≥1' },
  {
    key: 'floorArea',
    header: '住宅建筑面积（平方米）',
    aliases: [],
    required: false,
    help: '大于0，最多2位小数',
  },
  {
    key: 'investment',
    header: '改造投资额（万元）',
    aliases: ['预计投资额（万元）'],
    required: false,
    help: '≥0，最多4位小数',
  },
  { key: 'notes', header: '备注', aliases: [], required: false, help: '' },
] as const;

export type HistoryKey = (typeof HISTORY_COLUMNS)[number]['key'];
const HEADER_OF = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.key, c.header])) as Record<
  HistoryKey,
  string
>;
const BY_HEADER = new Map<string, HistoryKey>(
  HISTORY_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c.key])),
);

export interface HistoryHeader {
  index: Partial<Record<HistoryKey, number>>;
  unknown: string[];
  missing: string[];
  duplicated: string[];
}

export function matchHistoryHeader(cells: string[]): HistoryHeader {
  const index: Partial<Record<HistoryKey, number>> = {};
  const unknown: string[] = [];
  const duplicated: string[] = [];
  cells.forEach((cell, i) => {
    if (!cell.trim()) return;
    const key = BY_HEADER.get(headerKey(cell));
    if (!key) unknown.push(cell.trim());
    else if (index[key] !== undefined) duplicated.push(cell.trim());
    else index[key] = i;
  });
  const missing: string[] = HISTORY_COLUMNS.filter(
    (c) => c.required && index[c.key] === undefined,
  ).map((c) => c.header);
  if (index.regionCode === undefined && index.regionName === undefined)
    missing.push('区划代码 或 区县');
  return { index, unknown, missing, duplicated };
}

export interface HistoryDraft {
  regionCode: string;
  prefectureCode: string;
  street: string;
  name: string;
  address: string;
  subsidyYear: number;
  buildYear: number | null;
  buildings: number | null;
  households: number | null;
  floorAreaCenti: number | null;
  investmentYuan: number | null;
  notes: string;
}

export interface HistoryContext {
  currentYear: number;
  unitByCode: (code: string) => LedgerUnit | undefined;
  unitsByName: (name: string) => LedgerUnit[];
}

const yearOf = (t: string) => {
  const m = /^(\d{4})(?:\.0+)?年?$/.exec(t);
  return m ? Number(m[1]) : undefined;
};
const countOf = (t: string) => {
  const m = /^(\d{1,9})(?:\.0+)?$/.exec(t.replace(/,/g, ''));
  return m && Number(m[1]) >= 1 ? Number(m[1]) : undefined;
};

/** One row checked: every problem named by line, column, value and what is wrong. */
export function checkHistoryRow(
  line: number,
  cells: string[],
  h: HistoryHeader,
  ctx: HistoryContext,
): { draft?: HistoryDraft; errors: RowError[] } {
  const r = {} as Record<HistoryKey, string>;
  for (const c of HISTORY_COLUMNS) {
    const i = h.index[c.key];
    const text = i === undefined ? '' : (cells[i] ?? '').trim();
    r[c.key] = text.startsWith("'") ? text.replace(/^'(?=[=+\-@])/, '') : text;
  }
  const errors: RowError[] = [];
  const fail = (key: HistoryKey, message: string) =>
    errors.push({ line, column: HEADER_OF[key], value: r[key], message });

  let unit: LedgerUnit | undefined;
  if (r.regionCode) {
    unit = ctx.unitByCode(r.regionCode.replace(/\.0+$/, ''));
    if (!unit) fail('regionCode', '不是本人辖区内的县级区划代码');
    else if (r.regionName && r.regionName !== unit.name)
      fail('regionName', `与区划代码不符（${r.regionCode} 是${unit.name}）`);
  } else if (r.regionName) {
    const units = ctx.unitsByName(r.regionName);
    if (units.length === 1) unit = units[0];
    else
      fail(
        'regionName',
        units.length
          ? `名称不唯一（${units.map((u) => u.code).join('、')}），请填写区划代码`
          : '本人辖区内没有这个县级单位',
      );
  } else fail('regionCode', '区划代码和区县至少填写一项');

  const name = r.name.replace(/\s+/g, ' ');
  if (!name) fail('name', '必填');
  else if ([...name].length > 100) fail('name', '不能超过100个字');

  const subsidyYear = yearOf(r.subsidyYear);
  if (!r.subsidyYear) fail('subsidyYear', '必填');
  else if (subsidyYear === undefined || subsidyYear < 2000 || subsidyYear > ctx.currentYear)
    fail('subsidyYear', `应为2000–${ctx.currentYear}之间的4位年份`);

  const optional = <T>(key: HistoryKey, parse: (t: string) => T | undefined, rule: string) => {
    if (!r[key]) return null;
    const v = parse(r[key]);
    if (v === undefined) fail(key, rule);
    return v ?? null;
  };
  const buildYear = optional(
    'buildYear',
    (t) => {
      const y = yearOf(t);
      return y !== undefined && y >= 1900 && y <= ctx.currentYear ? y : undefined;
    },
    `应为1900–${ctx.currentYear}之间的4位年份，或不填`,
  );
  const buildings = optional('buildings', countOf, '应为不小于1的整数，或不填');
  const households = optional('households', countOf, '应为不小于1的整数，或不填');
  const floorAreaCenti = optional(
    'floorArea',
    (t) => {
      const v = parseScaled(t.replace(/,/g, ''), 2);
      return v ? v : undefined;
    },
    '应为大于0的数，最多2位小数，或不填',
  );
  const investmentYuan = optional(
    'investment',
    (t) => parseScaled(t.replace(/,/g, ''), 4),
    '应为不小于0的数，最多4位小数，或不填',
  );

  if (errors.length || !unit) return { errors };
  return {
    errors,
    draft: {
      regionCode: unit.code,
      prefectureCode: unit.prefectureCode,
      street: r.street,
      name,
      address: r.address,
      subsidyYear: subsidyYear!,
      buildYear,
      buildings,
      households,
      floorAreaCenti,
      investmentYuan,
      notes: r.notes,
    },
  };
}
