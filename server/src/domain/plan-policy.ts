/**
 * The rules of a plan year (DESIGN.md, "Rules are data"). They live in the plan_policies table
 * (seeded by migration 0003 with the 2022 rules of 建办城〔2021〕28号; an administrator adds later
 * years); nothing here holds a rule's value. Pure: the policies are passed in. Its fields are
 * the web's too (common/plan-policy.ts).
 */
import type { PlanPolicy } from '../../../common/plan-policy.ts';

export type { PlanPolicy };

/**
 * The policy in force for a plan year among all of them: its own, else the latest earlier one,
 * else the earliest (as policies.repository's policyFor does in SQL), with the year asked for.
 */
export function policyInForce<P extends { planYear: number }>(
  policies: readonly P[],
  planYear: number,
): P {
  let best: P | undefined;
  let earliest: P | undefined;
  for (const p of policies) {
    if (!earliest || p.planYear < earliest.planYear) earliest = p;
    if (p.planYear <= planYear && (!best || p.planYear > best.planYear)) best = p;
  }
  const found = best ?? earliest;
  if (!found) throw new Error('no plan-year policy: the plan_policies table is empty');
  return { ...found, planYear };
}

/** Where a build year stands under a plan year's scope rule (建办城〔2021〕28号 三(四)). */
export type BuildYearStanding = 'before_cutoff' | 'after_cutoff' | 'too_late';

export function buildYearStanding(p: PlanPolicy, buildYear: number): BuildYearStanding {
  if (buildYear <= p.cutoffYear) return 'before_cutoff';
  return buildYear <= p.latestBuildYear ? 'after_cutoff' : 'too_late';
}

const cite = (p: PlanPolicy) =>
  p.source ? `（${p.planYear}年度政策，${p.source}）` : `（${p.planYear}年度政策）`;

/**
 * The scope rule of a plan year in the notice's own words, with the policy's figures and source:
 * “2000年底后建成小区纳入改造计划的，建成年限不得晚于2005年底（2022年度政策，建办城〔2021〕28号）”.
 */
export const buildYearRuleText = (p: PlanPolicy): string =>
  `${p.cutoffYear}年底后建成小区纳入改造计划的，建成年限不得晚于${p.latestBuildYear}年底${cite(p)}`;

/** “…在2022年计划中占比不得超过15%（按居民户数计）”, from the policy. */
export const shareRuleText = (p: PlanPolicy): string =>
  `${p.cutoffYear}年底后建成小区在${p.planYear}年计划中占比不得超过${
    Math.round(p.maxPostCutoffShare * 10_000) / 100
  }%（按居民户数计）${cite(p)}`;
