// The import's steps: upload (with progress) → the server's check → confirm → the background
// import, polled once a second for its row counter until it ends.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../api/client.ts';
import { cancelImport, confirmImport, getImport, uploadImport } from '../../../api/ledger.ts';
import type { ImportJob, ImportKind } from '../../../api/ledgerTypes.ts';

export type ImportState =
  | { step: 'choose'; error?: string }
  | { step: 'uploading'; fileName: string; percent: number }
  | { step: 'checked'; job: ImportJob; confirming: boolean; error?: string }
  /** `rows`: the row total of the check, for the progress bar. */
  | { step: 'importing'; job: ImportJob; rows: number; error?: string }
  | { step: 'finished'; job: ImportJob };

const POLL_MS = 1000;

function stateOf(job: ImportJob): ImportState {
  switch (job.status) {
    case 'checking':
    case 'importing':
      return { step: 'importing', job, rows: job.report?.rows ?? 0 };
    case 'checked':
      return { step: 'checked', job, confirming: false };
    case 'invalid':
      // Invalid at the check: the preview lists the errors; invalid at the import itself (a row
      // stored meanwhile by someone else): the import has ended, with nothing stored.
      return job.report?.dryRun === false
        ? { step: 'finished', job }
        : { step: 'checked', job, confirming: false };
    case 'failed':
    case 'imported':
    case 'interrupted':
    case 'expired':
    case 'cancelled':
      return { step: 'finished', job };
  }
}

export function useImportJob() {
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const abortUpload = useRef<(() => void) | null>(null);

  const upload = useCallback((file: File, kind: ImportKind) => {
    setState({ step: 'uploading', fileName: file.name, percent: 0 });
    const { promise, abort } = uploadImport(file, kind, (percent) =>
      setState((s) => (s.step === 'uploading' ? { ...s, percent } : s)),
    );
    abortUpload.current = abort;
    promise.then(
      (job) => setState(stateOf(job)),
      (e: unknown) => {
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setState({ step: 'choose', error: errorMessage(e) });
      },
    );
  }, []);

  const confirm = useCallback(async () => {
    if (state.step !== 'checked') return;
    const { job } = state;
    setState({ step: 'checked', job, confirming: true });
    try {
      const started = await confirmImport(job.id);
      setState({ step: 'importing', job: started, rows: job.report?.rows ?? 0 });
    } catch (e) {
      setState({ step: 'checked', job, confirming: false, error: errorMessage(e) });
    }
  }, [state]);

  /** 重新导入: an interrupted import runs again from its kept file (nothing was stored). */
  const rerun = useCallback(async () => {
    if (state.step !== 'finished' || state.job.status !== 'interrupted') return;
    const { job } = state;
    try {
      const started = await confirmImport(job.id);
      setState({ step: 'importing', job: started, rows: job.report?.rows ?? 0 });
    } catch (e) {
      setState({ step: 'finished', job: { ...job, error: errorMessage(e) } });
    }
  }, [state]);

  const reset = useCallback(() => {
    abortUpload.current?.();
    // A checked file not imported is given up, so that the server removes it at once.
    if (state.step === 'checked') void cancelImport(state.job.id).catch(() => undefined);
    setState({ step: 'choose' });
  }, [state]);

  // While importing, ask for the row counter every second until the job ends.
  const pollingId = state.step === 'importing' ? state.job.id : null;
  useEffect(() => {
    if (!pollingId) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      getImport(pollingId, ctrl.signal).then(
        (job) => {
          if (job.status === 'importing' || job.status === 'checking') {
            setState((s) => ({
              step: 'importing',
              job,
              rows: s.step === 'importing' ? s.rows : 0,
            }));
            timer = setTimeout(tick, POLL_MS);
          } else setState({ step: 'finished', job });
        },
        (e: unknown) => {
          if (ctrl.signal.aborted) return;
          // A lost answer is retried; the import goes on on the server either way.
          setState((s) => (s.step === 'importing' ? { ...s, error: errorMessage(e) } : s));
          timer = setTimeout(tick, POLL_MS);
        },
      );
    };
    timer = setTimeout(tick, POLL_MS);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [pollingId]);

  useEffect(() => () => abortUpload.current?.(), []);

  return { state, upload, confirm, rerun, reset };
}
