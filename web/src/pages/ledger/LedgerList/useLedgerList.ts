import { listCommunities } from '../../../api/ledger.ts';
import type { LedgerPage, LedgerQuery } from '../../../api/ledgerTypes.ts';
import { useResource } from '../../../api/useResource.ts';

const EMPTY: LedgerPage = {
  items: [],
  total: 0,
  totals: { households: 0, buildings: 0, floorArea: '0.00', investment: '0.0000' },
};

/** GET /api/communities for the query in the address; the previous request is cancelled. */
export function useLedgerList(query: LedgerQuery) {
  // The table keeps the last page on screen while the next one loads.
  const list = useResource(['ledger', 'list', query], (signal) => listCommunities(query, signal), {
    keepPrevious: true,
  });
  return { data: list.data ?? EMPTY, loading: list.loading, error: list.error?.message ?? null };
}
