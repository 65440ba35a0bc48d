import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { getRegion } from '../../api/regions.ts';
import type { RegionDetail } from '../../api/types.ts';

export interface RegionDetailState {
  detail: RegionDetail | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** GET /api/regions/:code for the region shown on the right of the regions page. */
export function useRegionDetail(code: string): RegionDetailState {
  const [detail, setDetail] = useState<RegionDetail | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    getRegion(code, ctrl.signal).then(
      (d) => {
        setDetail(d);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setDetail(null);
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [code, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { detail, loading, error, reload };
}
