// The declaration screens' words and small pure formats: states, progress, severities, events,
// the diff's field names and values, the countdown, and links.
import type { DeclarationState, SnapshotCommunity, UnitLevel } from '../../api/declarations.ts';
import type { ProvinceProgress } from '../../api/declarationsOverview.ts';
import type { CheckSeverity } from '../../api/plans.ts';
import { t } from '../../i18n/index.ts';

/** The plan year being declared: next year's plan is prepared this year (the demo's too). */
export function defaultDeclarationYear(now = new Date()): number {
  return now.getFullYear() + 1;
}

export const declarationPath = (unit: string, year: number) => `/declarations/${unit}/${year}`;

export const STATE_COLORS: Record<DeclarationState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  accepted: 'success',
};

export const PROGRESS_COLORS: Record<ProvinceProgress, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted_on_time: 'success',
  late: 'error',
  returned: 'warning',
  revising: 'purple',
};

export const SEVERITY: Record<CheckSeverity, { text: string; color: string }> = {
  blocking: { text: '阻断', color: 'red' },
  warning: { text: '警告', color: 'orange' },
  info: { text: '提示', color: 'blue' },
};

export const LEVEL_LABELS: Record<UnitLevel, string> = {
  county: '县级',
  city: '市级',
  province: '省级',
};

/** Who reviews a unit's declaration (建办城〔2021〕28号 三(四)：自下而上). */
export const REVIEWER_LABELS: Record<UnitLevel, string> = {
  county: '市级住建部门',
  city: '省级住建部门',
  province: '住房和城乡建设部、国家发展改革委、财政部',
};

const SIGNOFF_EVENT: Record<string, string> = {
  'signoff.province': '会签：省级住房和城乡建设部门',
  'signoff.province_ndrc': '会签：省级发展改革部门',
  'signoff.province_finance': '会签：省级财政部门',
  // The national departments' receipt of a submitted version (server: declarations.receipts.ts).
  'receipt.ministry': '签收：住房和城乡建设部',
  'receipt.ndrc_national': '签收：国家发展改革委',
  'receipt.mof': '签收：财政部',
};

const EVENT_LABELS: Record<string, string> = {
  submit: '上报',
  return: '退回',
  accept: '接收',
  justify: '填写警告说明',
  freeze: '生成会签版本',
  approval: '录入省级人民政府同意文件',
  deadline: '设置内部截止日期',
  revise: '开始计划调整',
};

export function eventLabel(action: string): string {
  const label = EVENT_LABELS[action] ?? SIGNOFF_EVENT[action];
  return label ? t(label) : action;
}

export function eventColor(action: string): string {
  if (action === 'return') return 'orange';
  if (action === 'accept') return 'green';
  if (action === 'submit') return 'blue';
  if (action === 'revise') return 'purple';
  return 'gray';
}

/** A justification's reason names the check by id: 'post_cutoff_share：…' → '<its title>：…'. */
export function eventReason(
  e: { action: string; reason: string | null },
  checkTitles: ReadonlyMap<string, string>,
): string | null {
  if (!e.reason || e.action !== 'justify') return e.reason;
  const m = /^([a-z_]+)：([\s\S]*)$/.exec(e.reason);
  const title = m && checkTitles.get(m[1]!);
  return title ? `${title}：${m[2]}` : e.reason;
}

/** The first 12 hex digits: enough to compare by eye; the copy button gives all 64. */
export const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

/** 剩余 n 天 (red below a week), 今天截止, or 逾期 n 天. */
export function countdownOf(daysLeft: number): { text: string; color: string } {
  if (daysLeft < 0) return { text: t('逾期 {n} 天', { n: -daysLeft }), color: 'red' };
  if (daysLeft === 0) return { text: t('今天截止'), color: 'red' };
  return { text: t('剩余 {n} 天', { n: daysLeft }), color: daysLeft < 7 ? 'red' : 'green' };
}

/** Exact division by a power of ten, as text: (4987723, 2) → '49877.23'. */
export function scaled(value: number, digits: number): string {
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(value))).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export const areaSquareMetres = (centi: number) => scaled(centi, 2);
export const investmentWan = (yuan: number) => scaled(yuan, 4);

export const FIELD_LABELS: Record<keyof SnapshotCommunity, string> = {
  id: '编号',
  name: '小区名称',
  regionCode: '区划代码',
  buildYear: '建成年份',
  households: '居民户数',
  buildings: '楼栋数',
  floorAreaCenti: '住宅建筑面积（平方米）',
  investmentYuan: '预计投资额（万元）',
  areaClass: '类别',
  exclusion: '是否拟征收或拆除新建',
};

const AREA_CLASS: Record<string, string> = { city: '城市(建成区)', county_seat: '县城(城关镇)' };
const EXCLUSION: Record<string, string> = {
  none: '否',
  unspecified: '是',
  expropriation: '拟征收',
  demolition: '拆除新建',
};

/** A snapshot field's value as the form shows it: 平方米 and 万元, coded values in words. */
export function fieldValue(field: keyof SnapshotCommunity, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    if (field === 'floorAreaCenti') return areaSquareMetres(value);
    if (field === 'investmentYuan') return investmentWan(value);
    return String(value);
  }
  const text = String(value);
  if (field === 'areaClass') return AREA_CLASS[text] ? t(AREA_CLASS[text]) : text;
  if (field === 'exclusion') return EXCLUSION[text] ? t(EXCLUSION[text]) : text;
  return text;
}

/**
 * An in-app link from a notification. The server now writes `/declarations/…`; notifications
 * stored by earlier versions say `/plans/declarations/…`, which this maps to the same page.
 */
export function appLink(link: string): string {
  return link.replace(/^\/plans\/declarations\//, '/declarations/');
}
