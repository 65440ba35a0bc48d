// The words of 居民协商与改造进展: consultation methods, photo kinds, the consent sentence, and how
// a month's record reads back into the form. Pure.
import type {
  CommunityProgress,
  ConsultationMethod,
  FundingSource,
  PhotoKind,
  ProgressInput,
  ProgressRecord,
} from '../../../../api/communityProgress.ts';
import {
  COUNT_MEASURE_LABELS,
  COUNT_MEASURES,
  type CountMeasure,
} from '../../../../../../common/progress.ts';
import { t } from '../../../../i18n/index.ts';
import { halfWidth } from '../../../../../../common/ledger.ts';

export const METHOD_LABELS: Record<ConsultationMethod, string> = {
  meeting: '居民会议',
  door_to_door: '入户走访',
  online: '线上征询',
  written: '书面征询',
  unrecorded: '未注明',
};

export const PHOTO_KIND_LABELS: Record<PhotoKind, string> = {
  before: '改造前',
  after: '改造后',
};

/** 同意 812/1000 户 = 81.2%，已达到 2/3 门槛 */
export function consentSentence(c: CommunityProgress['consent']): string {
  const vars = {
    agreeing: c.bestAgreeing,
    households: c.households,
    share: c.share,
    threshold: c.thresholdLabel,
  };
  return c.reached
    ? t('同意 {agreeing}/{households} 户 = {share}，已达到 {threshold} 门槛', vars)
    : t('同意 {agreeing}/{households} 户 = {share}，未达到 {threshold} 门槛，尚不能开工', vars);
}

/** What a record achieved, in a line: 加装电梯 2 部、改造管线 1.5 公里 … (zeros left out). */
export function outcomesText(r: ProgressRecord): string {
  const parts: [string | number, string][] = [
    [r.elevators, t('加装电梯 {n} 部', { n: r.elevators })],
    [r.pipelinesKm, t('改造管线 {n} 公里', { n: r.pipelinesKm })],
    [r.parking, t('增设停车位 {n} 个', { n: r.parking })],
    [r.chargers, t('增设充电桩 {n} 个', { n: r.chargers })],
    [r.elderlyCare, t('养老服务设施 {n} 个', { n: r.elderlyCare })],
    [r.childcare, t('托育设施 {n} 个', { n: r.childcare })],
    [r.housekeeping, t('家政服务设施 {n} 个', { n: r.housekeeping })],
    [r.health, t('卫生防疫设施 {n} 个', { n: r.health })],
    [r.energyArea, t('建筑节能改造 {n} 平方米', { n: r.energyArea })],
  ];
  const said = parts.filter(([v]) => v !== 0 && v !== '0').map(([, text]) => text);
  return said.length ? said.join(t('、')) : '—';
}

/** The counted outcomes' fields with their labels, in the template's order. */
export const COUNT_FIELDS = COUNT_MEASURES.map((k) => [k, COUNT_MEASURE_LABELS[k]] as const);
export type CountField = CountMeasure;

/** The month form's values: everything as text, as typed. */
export interface ProgressValues extends Record<CountField, string> {
  period: string;
  startDate: string;
  completionDate: string;
  investmentDone: string;
  pipelinesKm: string;
  energyArea: string;
  corrected: boolean;
  funds: Partial<Record<FundingSource, string>>;
}

const blankZero = (v: string | number) => (v === 0 || v === '0' ? '' : String(v));

/** The form for `period`, starting from the latest record (figures are cumulative). */
export function valuesFrom(latest: ProgressRecord | undefined, period: string): ProgressValues {
  const counts = Object.fromEntries(
    COUNT_FIELDS.map(([k]) => [k, latest ? blankZero(latest[k]) : '']),
  ) as Record<CountField, string>;
  return {
    period,
    startDate: latest?.startDate ?? '',
    completionDate: latest?.completionDate ?? '',
    investmentDone: latest ? blankZero(latest.investmentDone) : '',
    pipelinesKm: latest ? blankZero(latest.pipelinesKm) : '',
    energyArea: latest ? blankZero(latest.energyArea) : '',
    corrected: false,
    funds: Object.fromEntries((latest?.funds ?? []).map((f) => [f.source, f.amount])),
    ...counts,
  };
}

/** The request body of a month's record; empty texts are left out, funds always sent. */
export function inputOf(v: ProgressValues): ProgressInput {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const count = (s: string | undefined) => (s?.trim() ? Number(halfWidth(s).trim()) : undefined);
  return {
    startDate: text(v.startDate),
    completionDate: text(v.completionDate),
    investmentDone: text(v.investmentDone),
    pipelinesKm: text(v.pipelinesKm),
    energyArea: text(v.energyArea),
    corrected: v.corrected || undefined,
    ...Object.fromEntries(COUNT_FIELDS.map(([k]) => [k, count(v[k])])),
    funds: Object.entries(v.funds ?? {})
      .filter(([, a]) => a?.trim())
      .map(([source, amount]) => ({ source: source as FundingSource, amount: amount!.trim() })),
  };
}

/** This month as YYYY-MM, in local time. */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** Server field names (the template's headers) → form fields, to put errors beside the inputs. */
export const FIELD_OF_HEADER: Record<string, string> = {
  报告期: 'period',
  开工日期: 'startDate',
  完工日期: 'completionDate',
  '累计完成投资（万元）': 'investmentDone',
  '改造管线（公里）': 'pipelinesKm',
  '建筑节能改造面积（平方米）': 'energyArea',
};
