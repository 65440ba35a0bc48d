import { describe, expect, it } from 'vitest';
import { declaringYear } from './plan-year.ts';

describe('declaringYear', () => {
  const policies = [
    { planYear: 2022, deadline: '2021-09-30' },
    { planYear: 2027, deadline: '2026-12-31' },
    { planYear: 2028, deadline: '2027-12-31' },
  ];
  it.each([
    ['2026-12-06', [2026, 2027], { year: 2027, basis: 'policy' }],
    ['2026-12-31', [], { year: 2027, basis: 'policy' }],
    ['2027-01-01', [2026, 2027], { year: 2028, basis: 'policy' }],
    ['2028-01-01', [2026, 2027], { year: 2027, basis: 'records' }],
    ['2028-01-01', [], { year: 2028, basis: 'calendar' }],
  ])('on %s with plans in %j: %j', (today, years, expected) => {
    expect(declaringYear({ policies, yearsWithPlans: years, today })).toEqual(expected);
  });
});
