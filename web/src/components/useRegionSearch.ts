import { searchRegions } from '../api/regions.ts';
import type { RegionSearchItem } from '../api/types.ts';
import { useResource } from '../api/useResource.ts';

export interface RegionSearchState {
  items: RegionSearchItem[];
  loading: boolean;
  error?: string;
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the user typed on). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

/** GET /api/regions?q= as the user types, debounced, the previous request cancelled. */
export function useRegionSearch(text: string, delayMs = 250): RegionSearchState {
  const q = text.trim();
  // The last matches stay while the next ones load, so the list does not flicker as one types.
  const found = useResource(
    q ? ['regions', 'search', q] : null,
    async (signal) => {
      await pause(delayMs, signal);
      return searchRegions(q, 20, signal);
    },
    { keepPrevious: true },
  );
  if (found.error) return { items: [], loading: false, error: found.error.message };
  return { items: found.data ?? [], loading: found.loading };
}
