import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { getCommunity } from '../../api/ledger.ts';
import type { CommunityDetail } from '../../api/ledgerTypes.ts';

export type CommunityState =
  | { status: 'loading' }
  | { status: 'ready'; community: CommunityDetail }
  | { status: 'error'; message: string };

/** GET /api/communities/:id, with `reload` returning the fresh record (after a conflict, say). */
export function useCommunity(id: number | undefined) {
  const [state, setState] = useState<CommunityState>({ status: 'loading' });

  useEffect(() => {
    if (id === undefined) return;
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    getCommunity(id, ctrl.signal).then(
      (community) => setState({ status: 'ready', community }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ status: 'error', message: errorMessage(e) });
      },
    );
    return () => ctrl.abort();
  }, [id]);

  const reload = useCallback(async (): Promise<CommunityDetail | undefined> => {
    if (id === undefined) return undefined;
    try {
      const community = await getCommunity(id);
      setState({ status: 'ready', community });
      return community;
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
      return undefined;
    }
  }, [id]);

  return { state, reload };
}

/** The :id of the address as a number, or undefined when it is not one. */
export function communityIdOf(param: string | undefined): number | undefined {
  return param && /^\d{1,12}$/.test(param) && Number(param) > 0 ? Number(param) : undefined;
}
