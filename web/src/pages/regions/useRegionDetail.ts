import { getRegion } from '../../api/regions.ts';
import type { RegionDetail } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';

export interface RegionDetailState {
  detail: RegionDetail | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** GET /api/regions/:code for the region shown on the right of the regions page. */
export function useRegionDetail(code: string): RegionDetailState {
  // The previous region stays on screen while the next one loads; a failure shows no region.
  const region = useResource(['regions', code], (signal) => getRegion(code, signal), {
    keepPrevious: true,
  });
  return {
    detail: region.error ? null : (region.data ?? null),
    loading: region.loading,
    error: region.error?.message ?? null,
    reload: region.reload,
  };
}
