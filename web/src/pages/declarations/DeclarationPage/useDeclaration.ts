import { useCallback } from 'react';
import { getDeclaration, type Declaration } from '../../../api/declarations.ts';
import { useResource } from '../../../api/useResource.ts';

export type DeclarationLoad =
  | { status: 'loading' }
  | { status: 'ready'; declaration: Declaration; refreshing: boolean }
  | { status: 'error'; message: string };

/**
 * GET /api/declarations/:unit/:year. `reload` refreshes in place after an action, keeping the
 * page on screen (and a failed refresh shows the error rather than stale figures).
 */
export function useDeclaration(unit: string, year: number) {
  const declaration = useResource(['declaration', unit, year], (signal) =>
    getDeclaration(unit, year, signal),
  );
  const state: DeclarationLoad = declaration.error
    ? { status: 'error', message: declaration.error.message }
    : declaration.data
      ? { status: 'ready', declaration: declaration.data, refreshing: declaration.loading }
      : { status: 'loading' };
  const { reload: reloadResource } = declaration;
  const reload = useCallback(async () => {
    await reloadResource();
  }, [reloadResource]);
  return { state, reload };
}
