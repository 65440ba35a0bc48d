import { getCommunity } from '../../api/ledger.ts';
import type { CommunityDetail } from '../../api/ledgerTypes.ts';
import { useResource } from '../../api/useResource.ts';

export type CommunityState =
  | { status: 'loading' }
  | { status: 'ready'; community: CommunityDetail }
  | { status: 'error'; message: string };

/** GET /api/communities/:id, with `reload` returning the fresh record (after a conflict, say). */
export function useCommunity(id: number | undefined) {
  const community = useResource(id === undefined ? null : ['ledger', 'community', id], (signal) =>
    getCommunity(id!, signal),
  );
  // A failed reload shows the error rather than the record it could not refresh.
  const state: CommunityState = community.error
    ? { status: 'error', message: community.error.message }
    : community.data
      ? { status: 'ready', community: community.data }
      : { status: 'loading' };
  return { state, reload: community.reload };
}

/** The :id of the address as a number, or undefined when it is not one. */
export function communityIdOf(param: string | undefined): number | undefined {
  return param && /^\d{1,12}$/.test(param) && Number(param) > 0 ? Number(param) : undefined;
}
