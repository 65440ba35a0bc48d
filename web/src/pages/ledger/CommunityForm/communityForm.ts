// The community form's values, their checks, and the way to and from the API. The checks mirror
// the server's (server/src/domain/ledger/rows.ts, the import template's rules) so most mistakes
// show at once; the server stays the authority and its answers are put on the same fields.
import type {
  AreaClass,
  CommunityDetail,
  CommunityInput,
  CommunityUpdate,
} from '../../../api/ledgerTypes.ts';
import { coordinateProblems } from '../../../../../common/coordinates.ts';
import { COLUMN_HEADERS, halfWidth } from '../../../../../common/ledger.ts';
import { t } from '../../../i18n/index.ts';

export interface CommunityValues {
  regionCode?: string;
  name: string;
  street: string;
  address: string;
  buildYear: string;
  /** '' = 不填，按区县类型确定. */
  areaClass: AreaClass | '';
  buildings: string;
  households: string;
  floorArea: string;
  investment: string;
  planYear: string;
  content: string;
  ownership: string;
  notes: string;
  /** 经度 and 纬度, WGS-84 decimal degrees; both empty: no position. */
  lng: string;
  lat: string;
}

export const FIELDS = [
  'regionCode',
  'name',
  'street',
  'address',
  'buildYear',
  'areaClass',
  'buildings',
  'households',
  'floorArea',
  'investment',
  'planYear',
  'content',
  'ownership',
  'notes',
  'lng',
  'lat',
] as const satisfies readonly (keyof CommunityValues)[];

/** The form's fields that are columns of the project-list template, under the same key. */
type TemplateField = Exclude<(typeof FIELDS)[number] & keyof typeof COLUMN_HEADERS, 'regionCode'>;
const TEMPLATE_FIELDS = FIELDS.filter(
  (f): f is TemplateField => f !== 'regionCode' && f in COLUMN_HEADERS,
);

/** The server names fields by the template's column headers. */
export const FIELD_OF_HEADER: Readonly<Record<string, keyof CommunityValues>> = {
  [COLUMN_HEADERS.regionCode]: 'regionCode',
  [COLUMN_HEADERS.regionName]: 'regionCode',
  ...Object.fromEntries(TEMPLATE_FIELDS.map((f) => [COLUMN_HEADERS[f], f])),
  备注: 'notes',
  lng: 'lng',
  lat: 'lat',
};

export const LABELS = {
  regionCode: COLUMN_HEADERS.regionName,
  ...(Object.fromEntries(TEMPLATE_FIELDS.map((f) => [f, COLUMN_HEADERS[f]])) as Record<
    TemplateField,
    string
  >),
  notes: '备注',
  lng: '经度',
  lat: '纬度',
} satisfies Record<keyof CommunityValues, string>;

type Check = (text: string, now: Date) => string | null;

/** As the server reads a number: full-width digits as half-width, thousands commas dropped. */
const clean = (text: string) => halfWidth(text).trim().replace(/,/g, '');

/** '1988', '1988年', '1988.0' → 1988, as the server reads a year. */
function yearOf(text: string): number | undefined {
  const m = /^(\d{4})(?:\.0+)?年?$/.exec(clean(text));
  return m ? Number(m[1]) : undefined;
}

export const checks: Partial<Record<keyof CommunityValues, Check>> = {
  name: (s) =>
    !s.trim() ? t('请填写小区名称') : [...s.trim()].length > 100 ? t('不能超过100个字') : null,
  buildYear: (s, now) => {
    const y = yearOf(s);
    const max = now.getFullYear();
    if (!clean(s)) return t('请填写建成年份');
    // No plan-year rule here: the year's plan check decides what may be declared (issue 9 §2).
    if (y === undefined || y < 1900 || y > max) return t('应为1900–{max}之间的4位年份', { max });
    return null;
  },
  buildings: (s) => countCheck(s, '楼栋数'),
  households: (s) => countCheck(s, '居民户数'),
  floorArea: (s) => {
    const v = clean(s);
    if (!v) return t('请填写住宅建筑面积');
    if (!/^\d+(\.\d{1,2})?$/.test(v) || /^0+(\.0+)?$/.test(v))
      return t('应为大于0的数，最多2位小数');
    return null;
  },
  investment: (s) => {
    const v = clean(s);
    if (!v) return t('请填写预计投资额');
    return /^\d+(\.\d{1,4})?$/.test(v) ? null : t('应为不小于0的数，最多4位小数');
  },
  planYear: (s, now) => {
    const y = yearOf(s);
    if (!clean(s)) return t('请填写计划年度');
    return y !== undefined && y >= 2000 && y <= now.getFullYear() + 10 ? null : t('应为4位年份');
  },
};

/** A coordinate field's problem, judged with the other one (both or neither, inside China). */
export function positionCheck(field: 'lng' | 'lat', v: Pick<CommunityValues, 'lng' | 'lat'>) {
  const problem = coordinateProblems(v.lng, v.lat).find((p) => p.path === field)?.message;
  return problem ? t(problem) : null;
}

function countCheck(text: string, label: string): string | null {
  const v = clean(text);
  if (!v) return t('请填写{label}', { label: t(label) });
  return /^\d{1,9}$/.test(v) && Number(v) >= 1 ? null : t('应为不小于1的整数');
}

export function emptyValues(now: Date, regionCode?: string): CommunityValues {
  return {
    regionCode,
    name: '',
    street: '',
    address: '',
    buildYear: '',
    areaClass: '',
    buildings: '',
    households: '',
    floorArea: '',
    investment: '',
    planYear: String(now.getFullYear()),
    content: '',
    ownership: '',
    notes: '',
    lng: '',
    lat: '',
  };
}

export function valuesOf(c: CommunityDetail): CommunityValues {
  return {
    regionCode: c.regionCode,
    name: c.name,
    street: c.street,
    address: c.address,
    buildYear: String(c.buildYear),
    // A 类别 that was derived stays derived, so a move to another unit derives it again.
    areaClass: c.areaClassEntered ? c.areaClass : '',
    buildings: String(c.buildings),
    households: String(c.households),
    floorArea: c.floorArea,
    investment: c.investment,
    planYear: String(c.planYear),
    content: c.content,
    ownership: c.ownership,
    notes: c.notes,
    lng: c.lng ?? '',
    lat: c.lat ?? '',
  };
}

export function inputOf(v: CommunityValues): CommunityInput {
  return {
    regionCode: v.regionCode ?? '',
    name: v.name.trim(),
    street: v.street.trim(),
    address: v.address.trim(),
    buildYear: clean(v.buildYear),
    areaClass: v.areaClass || null,
    buildings: clean(v.buildings),
    households: clean(v.households),
    floorArea: clean(v.floorArea),
    investment: clean(v.investment),
    planYear: clean(v.planYear),
    content: v.content.trim(),
    ownership: v.ownership.trim(),
    notes: v.notes.trim(),
    lng: v.lng.trim() || null,
    lat: v.lat.trim() || null,
  };
}

/**
 * An update sends the form's fields and, unchanged, those the form does not show: the server
 * takes a missing `subsidyYears` as "none" and would clear it.
 */
export function updateOf(v: CommunityValues, base: CommunityDetail): CommunityUpdate {
  return {
    ...inputOf(v),
    version: base.version,
    housingType: base.housingType,
    exclusion: base.exclusion,
    subsidyYears: base.subsidyYears,
  };
}

/** The fields the user changed from `base`, for "your unsaved changes" after a reload. */
export function editsOf(
  v: CommunityValues,
  base: CommunityValues,
): { field: keyof CommunityValues; value: string }[] {
  return FIELDS.filter((f) => (v[f] ?? '').trim() !== (base[f] ?? '').trim()).map((f) => ({
    field: f,
    value: v[f] ?? '',
  }));
}
