/**
 * The plan checks of the notice (../shared/spec/plan-table.md, "Checks shown with the table"),
 * each pass or fail with the rows that cause it. Pure: the figures and offending rows are passed in.
 */
import type { PlanPolicy } from './plan-policy.ts';

export type Severity = 'blocking' | 'warning' | 'info';
export type PlanLevel = 'province' | 'prefecture' | 'county';

export interface CheckRow {
  id: number;
  name: string;
  regionCode: string;
  detail: string;
}

export interface CheckResult {
  id: 'post_cutoff_share' | 'latest_build_year' | 'excluded' | 'subsidised' | 'fiscal_capacity';
  title: string;
  severity: Severity;
  passed: boolean;
  message: string;
  rows: CheckRow[];
}

export interface CheckInput {
  policy: PlanPolicy;
  level: PlanLevel;
  households: { total: number; postCutoff: number };
  postCutoffRows: CheckRow[];
  tooLateRows: CheckRow[];
  excludedRows: CheckRow[];
  subsidisedRows: CheckRow[];
  likelySubsidisedRows: CheckRow[];
  /** per unit (city or county) with an assessment: local funding of the plan vs available funds (元) */
  fiscal: { regionCode: string; name: string; localYuan: number; availableYuan: number }[];
}

const pct = (x: number) => `${(Math.round(x * 10_000) / 100).toFixed(2)}%`;
const wan = (yuan: number) => `${(yuan / 10_000).toFixed(2)}万元`;

export function planChecks(i: CheckInput): CheckResult[] {
  const { policy } = i;
  const share = i.households.total ? i.households.postCutoff / i.households.total : 0;
  const overShare = share > policy.maxPostCutoffShare;
  const over = i.fiscal.filter((f) => f.localYuan > f.availableYuan);
  return [
    {
      id: 'post_cutoff_share',
      title: `${policy.cutoffYear}年底后建成小区户数占比不超过${pct(policy.maxPostCutoffShare)}`,
      // 建办城〔2021〕28号 三(四). Blocking for the province's plan; below it a city may exceed
      // the share if others compensate, so there it is a warning.
      severity: i.level === 'province' ? 'blocking' : 'warning',
      passed: !overShare,
      message: `${policy.cutoffYear}年底后建成小区 ${i.households.postCutoff} 户，占计划总户数 ${i.households.total} 户的 ${pct(share)}（上限 ${pct(policy.maxPostCutoffShare)}）`,
      rows: overShare ? i.postCutoffRows : [],
    },
    {
      id: 'latest_build_year',
      title: `不得纳入${policy.latestBuildYear}年以后建成的小区`,
      severity: 'blocking',
      passed: i.tooLateRows.length === 0,
      message: i.tooLateRows.length
        ? `${i.tooLateRows.length} 个小区建成于${policy.latestBuildYear}年以后`
        : '无',
      rows: i.tooLateRows,
    },
    {
      id: 'excluded',
      title: '不得纳入拟征收补偿安置或拆除新建（含改建、扩建、翻建）的小区',
      severity: 'blocking',
      passed: i.excludedRows.length === 0,
      message: i.excludedRows.length
        ? `${i.excludedRows.length} 个小区已标记拟征收或拆除新建`
        : '无',
      rows: i.excludedRows,
    },
    {
      id: 'subsidised',
      title: '已纳入中央补助支持改造计划的项目不得重复申报',
      severity: i.subsidisedRows.length ? 'blocking' : 'warning',
      passed: i.subsidisedRows.length === 0 && i.likelySubsidisedRows.length === 0,
      message:
        [
          i.subsidisedRows.length ? `${i.subsidisedRows.length} 个小区已纳入过中央补助计划` : '',
          i.likelySubsidisedRows.length
            ? `${i.likelySubsidisedRows.length} 个小区与已获中央补助的小区疑似重复，请核实`
            : '',
        ]
          .filter(Boolean)
          .join('；') || '无',
      rows: [...i.subsidisedRows, ...i.likelySubsidisedRows],
    },
    {
      id: 'fiscal_capacity',
      title: '地方财政出资不超过财政承受能力评估',
      severity: 'blocking',
      passed: over.length === 0,
      message: i.fiscal.length
        ? over.length
          ? over
              .map(
                (f) =>
                  `${f.name}：计划地方出资 ${wan(f.localYuan)}，超过评估可用资金 ${wan(f.availableYuan)}`,
              )
              .join('；')
          : `${i.fiscal.length} 个市、县已录入评估，均未超出`
        : '尚未录入财政承受能力评估',
      rows: [],
    },
  ];
}

export const allPass = (results: CheckResult[]): boolean => results.every((r) => r.passed);
