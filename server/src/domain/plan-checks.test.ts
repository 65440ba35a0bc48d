import { describe, expect, it } from 'vitest';
import { NO_PLAN_DATA, planChecks, withoutPlanData } from './plan-checks.ts';

const policy = {
  planYear: 2027,
  cutoffYear: 2000,
  latestBuildYear: 2005,
  maxPostCutoffShare: 0.15,
  consentThreshold: 2 / 3,
  deadline: '2026-12-31',
};
const nothing = {
  policy,
  level: 'county' as const,
  households: { total: 0, postCutoff: 0 },
  postCutoffRows: [],
  tooLateRows: [],
  excludedRows: [],
  subsidisedRows: [],
  likelySubsidisedRows: [],
  declaredRows: [],
  likelyDeclaredRows: [],
  fiscal: [],
};

describe('no check passes on missing data', () => {
  it('turns every check of an empty plan into 本年度尚无计划数据, not passed and blocking nothing', () => {
    // On nothing, the rules themselves find nothing wrong: that is not a pass.
    expect(
      planChecks(nothing)
        .filter((c) => c.id !== 'fiscal_capacity')
        .every((c) => c.passed),
    ).toBe(true);
    const empty = withoutPlanData(planChecks(nothing));
    expect(empty).toHaveLength(planChecks(nothing).length);
    for (const c of empty)
      expect(c).toMatchObject({
        outcome: 'no_data',
        passed: false,
        severity: 'info',
        message: NO_PLAN_DATA,
        rows: [],
      });
  });
});
