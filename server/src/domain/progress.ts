/**
 * Monthly progress (docs/progress-table.md): the rules a month's record obeys, and the progress
 * table's arithmetic from exact values. Pure.
 */
import { formatScaled, roundHalfUp } from './ledger/decimal.ts';

/** 'YYYY-MM' or 'YYYY年M月' → 'YYYY-MM'. */
export function parsePeriod(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})|年(\d{1,2})月)$/.exec(text.trim());
  if (!m) return undefined;
  const month = Number(m[2] ?? m[3]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : undefined;
}

/** The last day of a 'YYYY-MM' period, 'YYYY-MM-DD'. */
export function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD', 'YYYY/M/D', 'YYYY年M月D日' → 'YYYY-MM-DD' if a real date. */
export function parseDate(text: string): string | undefined {
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export interface ProgressRecord {
  period: string;
  startDate: string | null;
  completionDate: string | null;
  investmentDoneYuan: number;
  corrected: boolean;
}

export interface ConsentState {
  households: number;
  /** the most households agreeing in any consultation on record */
  bestAgreeing: number;
  threshold: number;
  /** whose figure the threshold is, for the message: '本省规定', '全国默认' */
  rule?: string;
}

export const consentReached = (c: ConsentState): boolean =>
  c.households > 0 && c.bestAgreeing / c.households >= c.threshold;

/** Problems of one record against the rules of the spec, in Chinese; [] if none. `previous` is the latest earlier month's record. */
/** How to say a record corrects an earlier month, in the form and in a file alike. */
export const CORRECTION_HINT =
  '；如为更正，请标明更正（表单中勾选“更正以前月份”，导入文件的“更正”列填“是”）';

export function progressProblems(
  r: ProgressRecord,
  ctx: { planYear: number; today: string; previous?: ProgressRecord; consent: ConsentState },
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const thisMonth = ctx.today.slice(0, 7);
  if (r.period > thisMonth) out.push({ field: '报告期', message: '报告期不能在未来' });
  if (r.period < `${ctx.planYear}-01`)
    out.push({ field: '报告期', message: `报告期不能早于计划年度（${ctx.planYear}年1月）` });
  if (r.startDate && r.startDate > periodEnd(r.period))
    out.push({ field: '开工日期', message: '开工日期晚于报告期末' });
  if (r.startDate && !consentReached(ctx.consent))
    out.push({
      field: '开工日期',
      message: `未经居民充分协商取得共识的，不得开工改造：同意户数须达到 ${Math.round(ctx.consent.threshold * 10000) / 100}%${ctx.consent.rule ? `（${ctx.consent.rule}）` : ''}（现有协商记录最多 ${ctx.consent.bestAgreeing}/${ctx.consent.households} 户同意）`,
    });
  if (r.completionDate && !r.startDate)
    out.push({ field: '完工日期', message: '尚未开工，不能填写完工日期' });
  if (r.completionDate && r.completionDate > periodEnd(r.period))
    out.push({ field: '完工日期', message: '完工日期晚于报告期末' });
  if (r.completionDate && r.startDate && r.completionDate < r.startDate)
    out.push({ field: '完工日期', message: '完工日期早于开工日期' });
  if (ctx.previous && r.investmentDoneYuan < ctx.previous.investmentDoneYuan && !r.corrected)
    out.push({
      field: '累计完成投资（万元）',
      message: `累计完成投资少于上月（${formatScaled(ctx.previous.investmentDoneYuan, 4, 0)} 万元）${CORRECTION_HINT}`,
    });
  return out;
}

/** A rate from exact counts as a percentage with one decimal, half up: 197/200 → '98.5%'. */
export function rate(part: number, whole: number): string {
  if (!whole) return '—';
  // tenths of a percent, half up, from integers: part * 1000 / whole
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return `${formatScaled(tenths, 1)}%`;
}

export interface ProgressMeasures {
  planCommunities: number;
  planHouseholds: number;
  startedCommunities: number;
  startedHouseholds: number;
  completedCommunities: number;
  investmentDoneYuan: number;
  elevators: number;
  pipelinesM: number;
  elderlyChildcare: number;
}

export const PROGRESS_HEADER = [
  '地区',
  '计划改造小区数',
  '计划改造户数',
  '新开工小区数',
  '新开工户数',
  '按小区数开工率',
  '按户数开工率',
  '完工小区数',
  '累计完成投资（万元）',
  '加装电梯（部）',
  '改造管线（公里）',
  '增设养老托育设施（个）',
];

export function progressRow(name: string, m: ProgressMeasures): (string | number)[] {
  return [
    name,
    m.planCommunities,
    m.planHouseholds,
    m.startedCommunities,
    m.startedHouseholds,
    rate(m.startedCommunities, m.planCommunities),
    rate(m.startedHouseholds, m.planHouseholds),
    m.completedCommunities,
    formatScaled(roundHalfUp(m.investmentDoneYuan, 100), 2),
    m.elevators,
    formatScaled(roundHalfUp(m.pipelinesM, 10), 2),
    m.elderlyChildcare,
  ];
}

export const sumMeasures = (rows: ProgressMeasures[]): ProgressMeasures =>
  rows.reduce(
    (t, m) => ({
      planCommunities: t.planCommunities + m.planCommunities,
      planHouseholds: t.planHouseholds + m.planHouseholds,
      startedCommunities: t.startedCommunities + m.startedCommunities,
      startedHouseholds: t.startedHouseholds + m.startedHouseholds,
      completedCommunities: t.completedCommunities + m.completedCommunities,
      investmentDoneYuan: t.investmentDoneYuan + m.investmentDoneYuan,
      elevators: t.elevators + m.elevators,
      pipelinesM: t.pipelinesM + m.pipelinesM,
      elderlyChildcare: t.elderlyChildcare + m.elderlyChildcare,
    }),
    {
      planCommunities: 0,
      planHouseholds: 0,
      startedCommunities: 0,
      startedHouseholds: 0,
      completedCommunities: 0,
      investmentDoneYuan: 0,
      elevators: 0,
      pipelinesM: 0,
      elderlyChildcare: 0,
    },
  );
