import { useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { listCommunities } from '../../../api/ledger.ts';
import type { LedgerPage, LedgerQuery } from '../../../api/ledgerTypes.ts';

const EMPTY: LedgerPage = {
  items: [],
  total: 0,
  totals: { households: 0, buildings: 0, floorArea: '0.00', investment: '0.0000' },
};

/** GET /api/communities for the query in the address; the previous request is cancelled. */
export function useLedgerList(query: LedgerQuery) {
  const [data, setData] = useState<LedgerPage>(EMPTY);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  // The query as a key, so a new object with the same values does not fetch again.
  const key = JSON.stringify(query);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    listCommunities(JSON.parse(key) as LedgerQuery, ctrl.signal).then(
      (page) => {
        setData(page);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [key]);

  return { data, loading, error };
}
