/**
 * The plan checks of the notice (docs/plan-table.md, "Checks shown with the table"),
 * each pass or fail with the rows that cause it. Pure: the figures and offending rows are passed in.
 */
import { buildYearRuleText, shareRuleText, type PlanPolicy } from './plan-policy.ts';

export type Severity = 'blocking' | 'warning' | 'info';
export type PlanLevel = 'province' | 'prefecture' | 'county';

export interface CheckRow {
  id: number;
  name: string;
  regionCode: string;
  detail: string;
}

/**
 * Every check's code and its outcomes, one code each: logic reads these, never a message's text.
 * A new check adds its line here (and its outcomes), and the results' type follows.
 */
/** No community in the plan: nothing was checked, so nothing passed (see withoutPlanData). */
export type NoData = 'no_data';
export const NO_PLAN_DATA = '本年度尚无计划数据';

export interface CheckOutcomes {
  /** 建办城〔2021〕28号 三(四): the share of post-cut-off households (the plan year's policy) */
  post_cutoff_share: 'passed' | 'over_share' | NoData;
  /** 建办城〔2021〕28号 三(四): no community built after the plan year's latest build year */
  latest_build_year: 'passed' | 'built_too_late' | NoData;
  /** 建办城〔2021〕28号 三(一): no expropriation or demolition-and-rebuild */
  excluded: 'passed' | 'excluded_present' | NoData;
  /** 建办城〔2021〕28号 三(四): not in an earlier centrally subsidised plan (typed or history list) */
  subsidised: 'passed' | 'already_subsidised' | 'suspected_subsidised' | NoData;
  /** the same rule, against the accepted plans of earlier years in the ledger */
  already_declared: 'passed' | 'already_declared' | 'suspected_declared' | NoData;
  /** 建办城〔2021〕28号 三(二): local funding within the assessed fiscal capacity */
  fiscal_capacity: 'passed' | 'over_capacity' | 'not_assessed' | NoData;
}
export type CheckCode = keyof CheckOutcomes;

interface CheckResultOf<K extends CheckCode> {
  id: K;
  outcome: CheckOutcomes[K];
  title: string;
  severity: Severity;
  passed: boolean;
  message: string;
  rows: CheckRow[];
}
export type CheckResult = { [K in CheckCode]: CheckResultOf<K> }[CheckCode];

export interface CheckInput {
  policy: PlanPolicy;
  level: PlanLevel;
  households: { total: number; postCutoff: number };
  postCutoffRows: CheckRow[];
  tooLateRows: CheckRow[];
  excludedRows: CheckRow[];
  /** carrying an earlier subsidy year, or the same name as a subsidised-history entry of its unit */
  subsidisedRows: CheckRow[];
  /** a suspected duplicate of a subsidised community or history entry: asks for a justification */
  likelySubsidisedRows: CheckRow[];
  /** in an accepted plan of an earlier year, itself or by the same name in its unit */
  declaredRows: CheckRow[];
  /** a near name of a community in an accepted plan of an earlier year */
  likelyDeclaredRows: CheckRow[];
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
      outcome: overShare ? 'over_share' : 'passed',
      title: `${policy.cutoffYear}年底后建成小区户数占比不超过${pct(policy.maxPostCutoffShare)}`,
      // 建办城〔2021〕28号 三(四). Blocking for the province's plan; below it a city may exceed
      // the share if others compensate, so there it is a warning.
      severity: i.level === 'province' ? 'blocking' : 'warning',
      passed: !overShare,
      message: `${policy.cutoffYear}年底后建成小区 ${i.households.postCutoff} 户，占计划总户数 ${i.households.total} 户的 ${pct(share)}（上限 ${pct(policy.maxPostCutoffShare)}）${overShare ? `：${shareRuleText(policy)}` : ''}`,
      rows: overShare ? i.postCutoffRows : [],
    },
    {
      id: 'latest_build_year',
      outcome: i.tooLateRows.length ? 'built_too_late' : 'passed',
      title: `不得纳入${policy.latestBuildYear}年以后建成的小区`,
      severity: 'blocking',
      passed: i.tooLateRows.length === 0,
      // The rule in its own words, from the plan year's policy.
      message: i.tooLateRows.length
        ? `${i.tooLateRows.length} 个小区建成于${policy.latestBuildYear}年以后：${buildYearRuleText(policy)}`
        : '无',
      rows: i.tooLateRows,
    },
    {
      id: 'excluded',
      outcome: i.excludedRows.length ? 'excluded_present' : 'passed',
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
      outcome: i.subsidisedRows.length
        ? 'already_subsidised'
        : i.likelySubsidisedRows.length
          ? 'suspected_subsidised'
          : 'passed',
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
      id: 'already_declared',
      outcome: i.declaredRows.length
        ? 'already_declared'
        : i.likelyDeclaredRows.length
          ? 'suspected_declared'
          : 'passed',
      title: '已列入以往年度计划（已接收）的小区不得重复申报',
      // 建办城〔2021〕28号 三(四) “不得重复申报”: a plan accepted in an earlier year counts as declared.
      severity: i.declaredRows.length ? 'blocking' : 'warning',
      passed: i.declaredRows.length === 0 && i.likelyDeclaredRows.length === 0,
      message:
        [
          i.declaredRows.length ? `${i.declaredRows.length} 个小区已列入以往年度计划` : '',
          i.likelyDeclaredRows.length
            ? `${i.likelyDeclaredRows.length} 个小区与以往年度计划中的小区名称相近，疑似重复，请核实并说明`
            : '',
        ]
          .filter(Boolean)
          .join('；') || '无',
      rows: [...i.declaredRows, ...i.likelyDeclaredRows],
    },
    {
      id: 'fiscal_capacity',
      outcome: over.length ? 'over_capacity' : i.fiscal.length ? 'passed' : 'not_assessed',
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

/**
 * No check passes on missing data: a plan without communities has nothing to check, so every check
 * reads 本年度尚无计划数据 and is not passed. Severity 提示 (info): it blocks nothing by itself.
 */
export function withoutPlanData<
  T extends {
    outcome: string;
    passed: boolean;
    severity: Severity;
    message: string;
    rows: CheckRow[];
  },
>(checks: T[]): T[] {
  return checks.map(
    (c) =>
      ({
        ...c,
        outcome: 'no_data',
        passed: false,
        severity: 'info',
        message: NO_PLAN_DATA,
        rows: [],
        ...('units' in c ? { units: [] } : {}),
      }) as T,
  );
}
