// Loading the plan table, a unit's checks and the list of provinces, each cancelled when the
// question changes (another year, another province) so a late answer never overwrites a newer one.
import { getPlanChecks, getPlanTable, getPlanYear } from '../../api/plans.ts';
import type { PlanChecks, PlanTable, PlanVersionChoice } from '../../api/plans.ts';
import { getRegion } from '../../api/regions.ts';
import type { RegionRef } from '../../api/types.ts';
import { useLoaded, type Loaded } from '../../api/useResource.ts';

export type { Loaded };

/** GET /api/plan-table for a province ('all': the country); nothing when `province` is undefined. */
export function usePlanTable(
  province: string | undefined,
  year: number,
  choice: PlanVersionChoice = {},
): Loaded<PlanTable> {
  return useLoaded(
    province ? ['plan-table', province, year, choice.version ?? null, choice.basis ?? null] : null,
    (signal) => getPlanTable(province!, year, choice, signal),
  );
}

/** GET /api/plan-checks for a city or county; nothing when `region` is undefined. */
export function usePlanChecks(region: string | undefined, year: number): Loaded<PlanChecks> {
  return useLoaded(region ? ['plan-checks', region, year] : null, (signal) =>
    getPlanChecks(region!, year, signal),
  );
}

/** The provinces under 全国, for the ministry's and administrators' province selector. */
export function useProvinces(enabled: boolean): RegionRef[] {
  const state = useLoaded(enabled ? ['regions', '000000', 'provinces'] : null, async (signal) =>
    (await getRegion('000000', signal)).children.map(({ code, name }) => ({ code, name })),
  );
  return state.status === 'ready' ? state.data : [];
}

/**
 * The year the plan table opens on when the address names none: the year being declared, as the
 * server decides it (GET /api/plan-year); this year's if that cannot be read.
 */
export function useDeclaringYear(): number | undefined {
  const state = useLoaded(['plan-year'], (signal) => getPlanYear(signal));
  if (state.status === 'ready') return state.data.year;
  if (state.status === 'error') return new Date().getFullYear();
  return undefined;
}
