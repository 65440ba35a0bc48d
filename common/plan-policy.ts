// The rules of a plan year as both sides read them (DESIGN.md, "Rules are data"): the server
// applies them (server/src/domain/plan-policy.ts), the policy routes send them
// (common/api/plan.ts policy, checked against this).

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
  /** the document the rules come from, e.g. 建办城〔2021〕28号 */
  source?: string;
}
