/**
 * The rules of a plan year (DESIGN.md, "Rules are data"). The 2022 values are the seed notice's;
 * issue 4 moves policies into a table an administrator edits, with this as its seed row.
 */
export interface PlanPolicy {
  planYear: number;
  /** 2000年底前 means build year ≤ cutoffYear */
  cutoffYear: number;
  /** the latest build year allowed after the cut-off */
  latestBuildYear: number;
  /** the maximum share of post-cut-off households in a province's plan */
  maxPostCutoffShare: number;
  /** share of a community's households that must agree before renovation starts (居民协商) */
  consentThreshold: number;
  /** submission deadline to the three ministries */
  deadline: string;
}

/** 建办城〔2021〕28号 三(四): 2000年底后 … 建成年限不得晚于2005年底，且…占比不得超过15%（按居民户数计）; 六: 2021年6月30日前. */
export const SEED_POLICY_2022: PlanPolicy = {
  planYear: 2022,
  cutoffYear: 2000,
  latestBuildYear: 2005,
  maxPostCutoffShare: 0.15,
  consentThreshold: 0.6667,
  deadline: '2021-06-30',
};
