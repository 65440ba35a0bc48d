// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import {
  ResourceController,
  invalidate,
  useResource,
  type Resource,
  type ResourceKey,
} from './useResource.ts';

/** A loader whose answers the test gives by hand, recording each call's signal. */
function manualLoader<T>() {
  const calls: { signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }[] =
    [];
  const load = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { load, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ResourceController', () => {
  const controllers: ResourceController<unknown>[] = [];
  const make = <T,>(keepPrevious = false) => {
    const c = new ResourceController<T>({ keepPrevious });
    controllers.push(c as ResourceController<unknown>);
    return c;
  };
  afterEach(() => controllers.splice(0).forEach((c) => c.detach()));

  it('loads a key: loading, then data', async () => {
    const c = make<string>();
    const { load, calls } = manualLoader<string>();
    c.attach(['a', 1], load);
    expect(c.snapshot()).toMatchObject({ data: undefined, loading: true });
    calls[0]!.resolve('one');
    await flush();
    expect(c.snapshot()).toMatchObject({ data: 'one', error: undefined, loading: false });
  });

  it('aborts the previous key and drops its late answer', async () => {
    const c = make<string>();
    const { load, calls } = manualLoader<string>();
    c.attach(['a', 1], load);
    c.attach(['a', 2], load);
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[1]!.resolve('two');
    calls[0]!.resolve('one, late');
    await flush();
    expect(c.snapshot().data).toBe('two');
  });

  it('starts a new key empty, or with the previous data when keepPrevious', async () => {
    for (const keepPrevious of [false, true]) {
      const c = make<string>(keepPrevious);
      const { load, calls } = manualLoader<string>();
      c.attach(['page', 1], load);
      calls[0]!.resolve('page 1');
      await flush();
      c.attach(['page', 2], load);
      expect(c.snapshot()).toMatchObject({
        data: keepPrevious ? 'page 1' : undefined,
        loading: true,
      });
      expect(c.stateFor(['page', 3]).data).toBe(keepPrevious ? 'page 1' : undefined);
    }
  });

  it('gives errors as ApiError, keeping the data; the next success clears the error', async () => {
    const c = make<string>();
    const { load, calls } = manualLoader<string>();
    c.attach(['a'], load);
    calls[0]!.resolve('one');
    await flush();
    const reloaded = c.reload();
    calls[1]!.reject(new ApiError(404, 'NOT_FOUND', '小区不存在'));
    expect(await reloaded).toBeUndefined();
    expect(c.snapshot()).toMatchObject({ data: 'one', loading: false });
    expect(c.snapshot().error).toMatchObject({ status: 404, message: '小区不存在' });

    const again = c.reload();
    calls[2]!.reject(new TypeError('bad json'));
    await again;
    expect(c.snapshot().error).toBeInstanceOf(ApiError);
    expect(c.snapshot().error?.message).toBe('bad json');

    const last = c.reload();
    calls[3]!.resolve('two');
    expect(await last).toBe('two');
    expect(c.snapshot()).toMatchObject({ data: 'two', error: undefined, loading: false });
  });

  it('aborts on detach and shows nothing of the aborted request', async () => {
    const c = make<string>();
    const { load, calls } = manualLoader<string>();
    c.attach(['a'], load);
    c.detach();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.reject(new DOMException('aborted', 'AbortError'));
    await flush();
    expect(c.snapshot()).toMatchObject({ error: undefined });
  });

  it('loads nothing for a null key', () => {
    const c = make<string>();
    const { load, calls } = manualLoader<string>();
    c.attach(null, load);
    expect(calls).toHaveLength(0);
    expect(c.snapshot()).toMatchObject({ data: undefined, loading: false });
  });

  it('invalidate reloads the attached resources under a prefix, element by element', async () => {
    const keys: ResourceKey[] = [
      ['ledger', 'list', { page: 1 }],
      ['ledger', 7],
      ['ledgers'],
      ['declaration', '460100', 2026],
    ];
    const loaders = keys.map((key) => {
      const c = make<string>();
      const l = manualLoader<string>();
      c.attach(key, l.load);
      return l;
    });
    const detached = make<string>();
    const d = manualLoader<string>();
    detached.attach(['ledger', 8], d.load);
    detached.detach();

    void invalidate(['ledger']);
    expect(loaders.map((l) => l.calls.length)).toEqual([2, 2, 1, 1]);
    expect(d.calls).toHaveLength(1);
    void invalidate(['declaration', '460100']);
    expect(loaders[3]!.calls).toHaveLength(2);
  });
});

describe('useResource', () => {
  let root: Root | undefined;
  let container: HTMLElement;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
  });

  function renderHook<T>(hook: () => Resource<T>) {
    const seen: Resource<T>[] = [];
    function Probe() {
      seen.push(hook());
      return null;
    }
    container = document.createElement('div');
    root = createRoot(container);
    act(() => root!.render(<Probe />));
    return { seen, rerender: () => act(() => root!.render(<Probe />)) };
  }

  it('follows the key, never showing the old key’s data as the new one’s', async () => {
    const { load, calls } = manualLoader<string>();
    let key = 'a';
    const keys: string[] = [];
    const { seen, rerender } = renderHook(() => {
      keys.push(key);
      return useResource(['t', key], load);
    });
    expect(seen.at(-1)).toMatchObject({ data: undefined, loading: true });
    await act(async () => calls[0]!.resolve('A'));
    expect(seen.at(-1)).toMatchObject({ data: 'A', loading: false });

    key = 'b';
    rerender();
    expect(calls[0]!.signal.aborted).toBe(false); // answered already
    expect(calls).toHaveLength(2);
    // Every render with key b, from the first, is loading and without A.
    const withB = seen.filter((_, i) => keys[i] === 'b');
    expect(withB.every((s) => s.loading && s.data === undefined)).toBe(true);
    await act(async () => calls[1]!.resolve('B'));
    expect(seen.at(-1)).toMatchObject({ data: 'B', loading: false });
  });

  it('aborts on unmount and reloads on invalidate', async () => {
    const { load, calls } = manualLoader<number>();
    const { seen } = renderHook(() => useResource(['counter'], load));
    await act(async () => calls[0]!.resolve(1));
    await act(async () => {
      void invalidate(['counter']);
      await flush();
    });
    expect(calls).toHaveLength(2);
    expect(seen.at(-1)).toMatchObject({ data: 1, loading: true });
    await act(async () => calls[1]!.resolve(2));
    expect(seen.at(-1)).toMatchObject({ data: 2, loading: false });

    act(() => void seen.at(-1)!.reload());
    act(() => root!.unmount());
    root = undefined;
    expect(calls[2]!.signal.aborted).toBe(true);
  });
});
