import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { getDeclaration, type Declaration } from '../../../api/declarations.ts';

export type DeclarationLoad =
  | { status: 'loading' }
  | { status: 'ready'; declaration: Declaration; refreshing: boolean }
  | { status: 'error'; message: string };

/**
 * GET /api/declarations/:unit/:year. `reload` refreshes in place after an action, keeping the
 * page on screen (and a failed refresh shows the error rather than stale figures).
 */
export function useDeclaration(unit: string, year: number) {
  const [state, setState] = useState<DeclarationLoad>({ status: 'loading' });

  useEffect(() => {
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    getDeclaration(unit, year, ctrl.signal).then(
      (declaration) => setState({ status: 'ready', declaration, refreshing: false }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState({ status: 'error', message: errorMessage(e) });
      },
    );
    return () => ctrl.abort();
  }, [unit, year]);

  const reload = useCallback(async () => {
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : s));
    try {
      const declaration = await getDeclaration(unit, year);
      setState({ status: 'ready', declaration, refreshing: false });
    } catch (e) {
      setState({ status: 'error', message: errorMessage(e) });
    }
  }, [unit, year]);

  return { state, reload };
}
