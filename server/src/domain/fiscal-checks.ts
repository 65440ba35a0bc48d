/**
 * The province's backstop duty on fiscal capacity (建办城〔2021〕28号 三(二)): "市、县提出年度改造计划任务
 * 前，应充分评估本地财政承受能力…省级人民政府汇总市、县改造计划任务时，应对市、县财政承受能力评估结果严格
 * 把关，并承担兜底责任". Two checks over the units (city and county) that have communities in the
 * plan: each has an assessment, and the province has reviewed each as 通过. Blocking for the
 * province's plan (it may not submit), a warning below (a city or county submits before the
 * province has reviewed). Pure; each result carries a typed outcome, so no caller reads its text.
 */
import type { CheckResult, PlanLevel } from './plan-checks.ts';

export type FiscalCheckId = 'fiscal_assessed' | 'fiscal_reviewed';
export type FiscalOutcome =
  'no_units' | 'all_assessed' | 'missing' | 'all_passed' | 'pending' | 'returned' | 'no_data';

export type FiscalCheckResult = Omit<CheckResult, 'id' | 'outcome'> & {
  id: FiscalCheckId;
  outcome: FiscalOutcome;
  /** the units the outcome is about (missing, pending or returned), in code order */
  units: { code: string; name: string }[];
};

export type ReviewStatus = 'pending' | 'passed' | 'returned';

export interface FiscalUnit {
  code: string;
  name: string;
  /** communities of the unit in the plan */
  communities: number;
}

export interface FiscalCheckInput {
  level: PlanLevel;
  /** the units (prefecture- and county-level) with communities in the plan, within the scope */
  units: FiscalUnit[];
  /** the assessments of the year within the scope */
  assessments: { regionCode: string; name: string; reviewStatus: ReviewStatus }[];
}

const names = (list: { name: string }[]) =>
  list.length > 8
    ? `${list
        .slice(0, 8)
        .map((u) => u.name)
        .join('、')} 等 ${list.length} 个单位`
    : list.map((u) => u.name).join('、');

export function fiscalChecks(i: FiscalCheckInput): FiscalCheckResult[] {
  const severity = i.level === 'province' ? 'blocking' : 'warning';
  const byUnit = new Map(i.assessments.map((a) => [a.regionCode, a]));
  const missing = i.units.filter((u) => !byUnit.has(u.code));
  // Every assessment within the scope counts, not only those of units in the plan: the province
  // reviews what a unit entered.
  const returned = i.assessments.filter((a) => a.reviewStatus === 'returned');
  const pending = i.assessments.filter((a) => a.reviewStatus === 'pending');
  const assessed: FiscalCheckResult = {
    id: 'fiscal_assessed',
    title: '列入计划的市、县均已评估财政承受能力',
    severity,
    passed: missing.length === 0,
    outcome: i.units.length === 0 ? 'no_units' : missing.length ? 'missing' : 'all_assessed',
    message:
      i.units.length === 0
        ? '计划中没有小区'
        : missing.length
          ? `${missing.length} 个有小区列入计划的单位尚未录入财政承受能力评估：${names(missing)}`
          : `${i.units.length} 个有小区列入计划的单位均已录入评估`,
    rows: [],
    units: missing.map((u) => ({ code: u.code, name: u.name })),
  };
  const open = [...returned, ...pending].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  const reviewed: FiscalCheckResult = {
    id: 'fiscal_reviewed',
    title: '财政承受能力评估均已经省级审核通过',
    severity,
    passed: open.length === 0,
    outcome: returned.length ? 'returned' : pending.length ? 'pending' : 'all_passed',
    message:
      [
        returned.length ? `${returned.length} 个单位的评估被省级退回：${names(returned)}` : '',
        pending.length ? `${pending.length} 个单位的评估待省级审核：${names(pending)}` : '',
      ]
        .filter(Boolean)
        .join('；') ||
      (i.assessments.length ? `${i.assessments.length} 个单位的评估均已审核通过` : '尚无评估'),
    rows: [],
    units: open.map((a) => ({ code: a.regionCode, name: a.name })),
  };
  return [assessed, reviewed];
}
