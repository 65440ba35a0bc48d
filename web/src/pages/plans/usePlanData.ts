// Loading the plan table, a unit's checks and the list of provinces, each cancelled when the
// question changes (another year, another province) so a late answer never overwrites a newer one.
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { getPlanChecks, getPlanTable, getPlanYear } from '../../api/plans.ts';
import type { PlanChecks, PlanTable, PlanVersionChoice } from '../../api/plans.ts';
import { getRegion } from '../../api/regions.ts';
import type { RegionRef } from '../../api/types.ts';

export type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  /** `notFound`: outside the user's region (a city or county asking for the province's table). */
  | { status: 'error'; message: string; notFound: boolean };

function useLoad<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: unknown[]) {
  const [state, setState] = useState<Loaded<T>>({ status: 'idle' });
  useEffect(() => {
    if (!load) {
      setState({ status: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    load(ctrl.signal).then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        const notFound = e instanceof ApiError && e.status === 404;
        setState({ status: 'error', message: errorMessage(e), notFound });
      },
    );
    return () => ctrl.abort();
    // `load` is a new function each render; the question it asks is `deps`.
  }, deps);
  return state;
}

/** GET /api/plan-table for a province ('all': the country); nothing when `province` is undefined. */
export function usePlanTable(
  province: string | undefined,
  year: number,
  choice: PlanVersionChoice = {},
): Loaded<PlanTable> {
  return useLoad(province ? (signal) => getPlanTable(province, year, choice, signal) : null, [
    province,
    year,
    choice.version,
    choice.basis,
  ]);
}

/** GET /api/plan-checks for a city or county; nothing when `region` is undefined. */
export function usePlanChecks(region: string | undefined, year: number): Loaded<PlanChecks> {
  return useLoad(region ? (signal) => getPlanChecks(region, year, signal) : null, [region, year]);
}

/** The provinces under 全国, for the ministry's and administrators' province selector. */
export function useProvinces(enabled: boolean): RegionRef[] {
  const state = useLoad(
    enabled
      ? async (signal) =>
          (await getRegion('000000', signal)).children.map(({ code, name }) => ({ code, name }))
      : null,
    [enabled],
  );
  return state.status === 'ready' ? state.data : [];
}

/**
 * The year the plan table opens on when the address names none: the year being declared, as the
 * server decides it (GET /api/plan-year); this year's if that cannot be read.
 */
export function useDeclaringYear(): number | undefined {
  const state = useLoad((signal) => getPlanYear(signal), []);
  if (state.status === 'ready') return state.data.year;
  if (state.status === 'error') return new Date().getFullYear();
  return undefined;
}
