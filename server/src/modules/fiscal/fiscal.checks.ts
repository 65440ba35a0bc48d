/**
 * The fiscal-capacity part of a unit's plan checks (domain/fiscal-checks.ts), and the figures of
 * the funding check (domain/plan-checks.ts, fiscal_capacity) for every assessing unit — city and
 * county — within the scope. Assembled with the other checks in plan-table.service.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { fiscalChecks, type FiscalCheckResult } from '../../domain/fiscal-checks.ts';
import type { PlanLevel } from '../../domain/plan-checks.ts';
import * as repo from './fiscal.repository.ts';

export interface FiscalFigures {
  checks: FiscalCheckResult[];
  /** per assessed unit: the plan's local funding under it against the funds it planned (元) */
  funding: { regionCode: string; name: string; localYuan: number; availableYuan: number }[];
}

export async function fiscalFigures(
  db: Kysely<Database>,
  scopePath: string,
  level: PlanLevel,
  year: number,
): Promise<FiscalFigures> {
  const [units, assessments, funding] = await Promise.all([
    repo.unitsWithPlanCommunities(db, scopePath, year),
    repo.assessmentsUnder(db, scopePath, year),
    repo.localFundingByPath(db, scopePath, year),
  ]);
  const checks = fiscalChecks({
    level,
    units,
    assessments: assessments.map((a) => ({
      regionCode: a.region_code,
      name: a.name,
      reviewStatus: a.review_status,
    })),
  });
  return {
    checks,
    funding: assessments.map((a) => ({
      regionCode: a.region_code,
      name: a.name,
      localYuan: funding
        .filter((f) => f.region_path.startsWith(a.path))
        .reduce((s, f) => s + Number(f.local_yuan), 0),
      availableYuan: Number(a.available_yuan),
    })),
  };
}
