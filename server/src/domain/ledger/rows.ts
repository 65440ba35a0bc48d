/**
 * One row of the project-list template, checked and turned into a community draft
 * (docs/templates/project-list.md, "Rules an import enforces"). Pure: the regions the row may
 * name and the current year are passed in.
 */
import {
  COLUMN_HEADERS,
  EXCLUSION_TEXT,
  EXCLUSIONS,
  FULL_WIDTH,
  halfWidth,
  type Exclusion,
} from '../../../../common/ledger.ts';
import { areaClassOf, AREA_CLASS_LABELS, type AreaClass, type RegionKind } from '../regions.ts';
import { parseScaled } from './decimal.ts';
import type { ColumnKey } from './template.ts';
import { withoutInvisible } from './names.ts';

export interface RowError {
  line: number;
  column: string;
  value: string;
  message: string;
}

/** A county-level unit the importing user may use. */
export interface LedgerUnit {
  code: string;
  name: string;
  kind: RegionKind;
  prefectureCode: string;
}

/**
 * No plan-year rule applies at intake: the notice's scope rules (build year, share, earlier central
 * subsidy) bite where the notice applies them, when the community is declared in a year's plan
 * (plan-checks.ts), so a community of any build year may be kept in the ledger and its pools.
 */
export interface RowContext {
  currentYear: number;
  /** The unit a 区划代码 stands for (its own code, or an alias of a city without districts). */
  unitByCode: (code: string) => LedgerUnit | undefined;
  /** A better message than "not yours" for a code no unit has (a retired code: its successor). */
  unknownCodeMessage?: (code: string) => string | undefined;
  /** All units in scope with this name (0, 1 or more). */
  unitsByName: (name: string) => LedgerUnit[];
}

export { EXCLUSION_TEXT, EXCLUSIONS, type Exclusion };
const EXCLUSION_INPUT: Record<string, Exclusion> = {
  '': 'none',
  否: 'none',
  是: 'unspecified',
  拟征收: 'expropriation',
  征收: 'expropriation',
  拆除新建: 'demolition',
  改建: 'demolition',
  扩建: 'demolition',
  翻建: 'demolition',
};

export interface CommunityDraft {
  regionCode: string;
  prefectureCode: string;
  street: string;
  name: string;
  address: string;
  buildYear: number;
  areaClass: AreaClass;
  areaClassEntered: boolean;
  buildings: number;
  households: number;
  floorAreaCenti: number;
  investmentYuan: number;
  planYear: number;
  content: string;
  ownership: string;
  exclusion: Exclusion;
  subsidyYears: number[];
}

const HEADER: Record<ColumnKey, string> = COLUMN_HEADERS;

/** '1988', '1988年', '1988.0' → 1988. */
function parseYear(text: string): number | undefined {
  const m = /^(\d{4})(?:\.0+)?年?$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function parseCount(text: string): number | undefined {
  const m = /^(\d{1,9})(?:\.0+)?$/.exec(text.replace(/,/g, ''));
  return m ? Number(m[1]) : undefined;
}

/** The columns read as numbers (and the code): typed full-width, they mean the same digits. */
const NUMERIC: ColumnKey[] = [
  'regionCode',
  'buildYear',
  'buildings',
  'households',
  'floorArea',
  'investment',
  'planYear',
  'subsidyYear',
];

/** The row with its numeric cells in half-width (halfWidth); the row itself when none needs it. */
function halfWidthNumbers(r: Record<ColumnKey, string>): Record<ColumnKey, string> {
  if (!NUMERIC.some((k) => FULL_WIDTH.test(r[k]))) return r;
  const out = { ...r };
  for (const k of NUMERIC) out[k] = halfWidth(r[k]).trim();
  return out;
}

export function checkRow(
  line: number,
  typed: Record<ColumnKey, string>,
  ctx: RowContext,
): { draft?: CommunityDraft; errors: RowError[] } {
  const errors: RowError[] = [];
  const r = halfWidthNumbers(typed);
  const fail = (key: ColumnKey, message: string) =>
    errors.push({ line, column: HEADER[key], value: typed[key], message });

  // 区划代码 / 区县
  let unit: LedgerUnit | undefined;
  if (r.regionCode) {
    const code = r.regionCode.replace(/\.0+$/, '');
    unit = ctx.unitByCode(code);
    if (!unit) fail('regionCode', ctx.unknownCodeMessage?.(code) ?? '不是本人辖区内的县级区划代码');
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

  // Invisible characters first: a name of zero-width spaces alone is no name.
  const name = withoutInvisible(r.name).replace(/\s+/g, ' ').trim();
  if (!name) fail('name', '必填');
  else if ([...name].length > 100) fail('name', '不能超过100个字');

  const buildYear = parseYear(r.buildYear);
  if (!r.buildYear) fail('buildYear', '必填');
  else if (buildYear === undefined || buildYear < 1900 || buildYear > ctx.currentYear)
    fail('buildYear', `应为1900–${ctx.currentYear}之间的4位年份`);

  let areaClass: AreaClass | undefined;
  const entered = r.areaClass
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/^\d\.\s*/, '');
  if (entered) {
    areaClass = (Object.keys(AREA_CLASS_LABELS) as AreaClass[]).find(
      (k) => AREA_CLASS_LABELS[k] === entered,
    );
    if (!areaClass) fail('areaClass', '应为“城市(建成区)”或“县城(城关镇)”，或不填');
  } else if (unit) areaClass = areaClassOf(unit.kind) ?? 'city';

  const buildings = parseCount(r.buildings);
  if (!r.buildings) fail('buildings', '必填');
  else if (!buildings) fail('buildings', '应为不小于1的整数');
  const households = parseCount(r.households);
  if (!r.households) fail('households', '必填');
  else if (!households) fail('households', '应为不小于1的整数');

  const floorAreaCenti = parseScaled(r.floorArea.replace(/,/g, ''), 2);
  if (!r.floorArea) fail('floorArea', '必填');
  else if (!floorAreaCenti) fail('floorArea', '应为大于0的数，最多2位小数');
  const investmentYuan = parseScaled(r.investment.replace(/,/g, ''), 4);
  if (!r.investment) fail('investment', '必填');
  else if (investmentYuan === undefined) fail('investment', '应为不小于0的数，最多4位小数');

  const planYear = parseYear(r.planYear);
  if (!r.planYear) fail('planYear', '必填');
  else if (planYear === undefined || planYear < 2000 || planYear > ctx.currentYear + 10)
    fail('planYear', '应为4位年份');

  const exclusion = EXCLUSION_INPUT[r.exclusion];
  if (exclusion === undefined) fail('exclusion', '应为“是”或“否”');
  else if (exclusion !== 'none')
    fail(
      'exclusion',
      '拟征收补偿安置或拟拆除新建（含改建、扩建、翻建）的小区不得纳入改造计划（建办城〔2021〕28号 三(一)）',
    );

  // Kept, not refused: the plan check of a year keeps an already subsidised community out of its
  // plan (建办城〔2021〕28号 三(四) “不得重复申报”), and the import says so as a warning.
  const subsidyYears: number[] = [];
  if (r.subsidyYear) {
    const y = parseYear(r.subsidyYear);
    if (y === undefined || y < 2000 || y > ctx.currentYear)
      fail('subsidyYear', `应为2000–${ctx.currentYear}之间的4位年份或不填`);
    else subsidyYears.push(y);
  }

  if (errors.length || !unit) return { errors };
  return {
    errors,
    draft: {
      regionCode: unit.code,
      prefectureCode: unit.prefectureCode,
      street: r.street,
      name,
      address: r.address,
      buildYear: buildYear!,
      areaClass: areaClass!,
      areaClassEntered: Boolean(entered),
      buildings: buildings!,
      households: households!,
      floorAreaCenti: floorAreaCenti!,
      investmentYuan: investmentYuan!,
      planYear: planYear!,
      content: r.content,
      ownership: r.ownership,
      exclusion: exclusion!,
      subsidyYears,
    },
  };
}
