// One way for a page to read from the API (issue 12 §4): a keyed resource that
//  - loads when mounted and whenever its key changes, aborting the request of the previous key
//    (and the one in flight on unmount), so a late answer never overwrites a newer one;
//  - holds `data`, `error` (always an ApiError, its message the one pages showed before) and
//    `loading`, and a `reload` that refreshes in place;
//  - reloads when a mutation calls `invalidate(prefix)` with a prefix of its key.
//
// Keys are arrays whose first element names the area: ['ledger', 'list', query],
// ['declaration', unit, year]. `invalidate(['ledger'])` reloads every mounted ledger resource,
// `invalidate(['declaration', unit])` the declarations of one unit. Elements are compared as JSON,
// so a query object with the same values is the same key. `null` as the key: nothing to load yet.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ApiError, errorMessage } from './client.ts';

export type ResourceKey = readonly unknown[];
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export interface ResourceOptions {
  /**
   * Keep the previous key's `data` while the next key loads (a table turning pages, a chart
   * changing region), rather than showing nothing. Off by default: a new key starts empty.
   */
  keepPrevious?: boolean;
}

export interface ResourceState<T> {
  /** The last answer: of this key, or while it loads, of the previous one with `keepPrevious`. */
  data: T | undefined;
  /** Why the last load failed; cleared by the next success. `data` stays as it was. */
  error: ApiError | undefined;
  loading: boolean;
}

export interface Resource<T> extends ResourceState<T> {
  /** Loads the key again, keeping `data` meanwhile; resolves to the fresh data, or undefined on failure. */
  reload: () => Promise<T | undefined>;
}

/** Any thrown value as an ApiError, so a page has one type to show (errorMessage's text). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'CLIENT', errorMessage(e));
}

const hashOf = (key: ResourceKey): string => JSON.stringify(key);

/** The resources mounted now, for `invalidate`. */
const mounted = new Set<{ key: ResourceKey | null; reload: () => Promise<unknown> }>();

/**
 * Reloads every mounted resource whose key starts with `prefix` (element by element), after a
 * mutation changed what they show. Resolves when they have all answered.
 */
export async function invalidate(prefix: ResourceKey): Promise<void> {
  const parts = prefix.map((p) => JSON.stringify(p));
  const hit = [...mounted].filter(({ key }) =>
    parts.every((p, i) => key !== null && i < key.length && JSON.stringify(key[i]) === p),
  );
  await Promise.all(hit.map((c) => c.reload()));
}

/**
 * The state of one resource, without React: `attach` a key and its loader, `reload`, `detach`.
 * The hook below keeps one per component; tests drive it directly.
 */
export class ResourceController<T> {
  key: ResourceKey | null = null;
  private hash: string | null = null;
  private load: Loader<T> | null = null;
  private inFlight: AbortController | null = null;
  private state: ResourceState<T> & { hash: string | null } = {
    hash: null,
    data: undefined,
    error: undefined,
    loading: false,
  };
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: ResourceOptions = {}) {}

  /** Starts loading `key` (a new key drops the old data unless `keepPrevious`). */
  attach(key: ResourceKey | null, load: Loader<T>): void {
    this.abort();
    const hash = key === null ? null : hashOf(key);
    const sameKey = hash === this.state.hash;
    this.key = key;
    this.hash = hash;
    this.load = load;
    if (hash === null) {
      mounted.delete(this);
      this.set({ hash, data: undefined, error: undefined, loading: false });
      return;
    }
    mounted.add(this);
    const data = sameKey || this.options.keepPrevious ? this.state.data : undefined;
    this.set({ hash, data, error: sameKey ? this.state.error : undefined, loading: true });
    void this.reload();
  }

  /** Stops: aborts the request in flight, and `invalidate` no longer reaches this resource. */
  detach(): void {
    this.abort();
    mounted.delete(this);
  }

  /** Replaces the loader without loading (a new closure asking the same question). */
  setLoader(load: Loader<T>): void {
    this.load = load;
  }

  reload = async (): Promise<T | undefined> => {
    const { hash, load } = this;
    if (hash === null || load === null) return undefined;
    this.abort();
    const ctrl = new AbortController();
    this.inFlight = ctrl;
    if (!this.state.loading) this.set({ ...this.state, loading: true });
    try {
      const data = await load(ctrl.signal);
      if (ctrl !== this.inFlight) return undefined;
      this.inFlight = null;
      this.set({ hash, data, error: undefined, loading: false });
      return data;
    } catch (e) {
      // Aborted, or superseded by a newer load: that one answers.
      if (ctrl !== this.inFlight || ctrl.signal.aborted) return undefined;
      this.inFlight = null;
      this.set({ ...this.state, error: asApiError(e), loading: false });
      return undefined;
    }
  };

  /** The state for `key`: while it has not been attached yet, what attaching it will show. */
  stateFor(key: ResourceKey | null): ResourceState<T> {
    const hash = key === null ? null : hashOf(key);
    const s = this.state;
    if (hash === s.hash) return { data: s.data, error: s.error, loading: s.loading };
    if (hash === null) return { data: undefined, error: undefined, loading: false };
    return {
      data: this.options.keepPrevious ? s.data : undefined,
      error: undefined,
      loading: true,
    };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): ResourceState<T> => this.state;

  private abort(): void {
    this.inFlight?.abort();
    this.inFlight = null;
  }

  private set(next: ResourceState<T> & { hash: string | null }): void {
    this.state = next;
    for (const l of this.listeners) l();
  }
}

/**
 * Loads `load(signal)` for `key` (see the top of this file). `load` may be a new closure each
 * render; the question it asks must be in `key`.
 */
export function useResource<T>(
  key: ResourceKey | null,
  load: Loader<T>,
  options?: ResourceOptions,
): Resource<T> {
  const [controller] = useState(() => new ResourceController<T>(options));
  useSyncExternalStore(controller.subscribe, controller.snapshot, controller.snapshot);
  const hash = key === null ? null : hashOf(key);
  // Declared first, so the key's effect below sees this render's loader.
  useEffect(() => controller.setLoader(load));
  useEffect(() => {
    controller.attach(hash === null ? null : (JSON.parse(hash) as ResourceKey), load);
    return () => controller.detach();
    // `load` is a new function each render; the question it asks is `hash`.
  }, [controller, hash]);
  return { ...controller.stateFor(key), reload: controller.reload };
}

/** A resource as one status, for pages that switch on it. */
export type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  /** `notFound`: a 404, outside the user's region for most pages. */
  | { status: 'error'; message: string; notFound: boolean };

/** `useResource` as a `Loaded` status: 'idle' for a null key, 'loading' whenever it loads. */
export function useLoaded<T>(
  key: ResourceKey | null,
  load: Loader<T>,
): Loaded<T> & Pick<Resource<T>, 'reload'> {
  const { data, error, loading, reload } = useResource(key, load);
  if (loading) return { status: 'loading', reload };
  if (error)
    return { status: 'error', message: error.message, notFound: error.status === 404, reload };
  return data === undefined ? { status: 'idle', reload } : { status: 'ready', data, reload };
}
