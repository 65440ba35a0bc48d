/**
 * The plan year being declared in the actor's scope (domain/plan-year.ts): the one place the home
 * page's figures and the plan table's opening year come from.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { declaringYear, PLAN_YEAR_BASIS_LABELS } from '../../domain/plan-year.ts';
import { chinaDate } from '../../../../common/china-time.ts';
import { planYearsUnder } from './plan-table.repository.ts';
import { listPolicies } from './policies.repository.ts';

export async function planYearOf(db: Kysely<Database>, actor: Actor, now = new Date()) {
  const [policies, yearsWithPlans] = await Promise.all([
    listPolicies(db),
    planYearsUnder(db, actor.regionPath),
  ]);
  const { year, basis } = declaringYear({
    policies: policies.map((p) => ({ planYear: p.plan_year, deadline: p.deadline })),
    yearsWithPlans,
    today: chinaDate(now),
  });
  return { year, basis, basisLabel: PLAN_YEAR_BASIS_LABELS[basis] };
}
