import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { searchRegions } from '../api/regions.ts';
import type { RegionSearchItem } from '../api/types.ts';

export interface RegionSearchState {
  items: RegionSearchItem[];
  loading: boolean;
  error?: string;
}

/** GET /api/regions?q= as the user types, debounced, the previous request cancelled. */
export function useRegionSearch(text: string, delayMs = 250): RegionSearchState {
  const [state, setState] = useState<RegionSearchState>({ items: [], loading: false });
  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      searchRegions(q, 20, ctrl.signal).then(
        (items) => setState({ items, loading: false }),
        (e: unknown) => {
          if (!ctrl.signal.aborted) setState({ items: [], loading: false, error: errorMessage(e) });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text, delayMs]);
  return state;
}
