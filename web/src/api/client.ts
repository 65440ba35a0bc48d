// Typed fetch client for the gaizao API. Every request goes through `request`, which
//  - sends cookies of this origin and JSON bodies,
//  - adds X-CSRF-Token (from the last /api/me or login response) to every non-GET request,
//  - turns error bodies `{ error: { code, message, details? } }` into an ApiError,
//  - reports a 401 to the registered handler (the auth context sends the user to login).
import { t } from '../i18n/index.ts';

export interface ErrorDetail {
  path: string;
  message: string;
  /** The message as the server wrote it (Chinese), for a page that marks the data in it. */
  sent?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: readonly ErrorDetail[];
  /** Seconds to wait before retrying, for 429 answers. */
  readonly retryAfterSeconds: number | undefined;
  /** Further members of the envelope's `error`, such as a 409's `currentVersion` and `meanwhile`. */
  readonly extra: Readonly<Record<string, unknown>>;
  /** The message as the server wrote it (Chinese), for a page that marks the data in it. */
  readonly sent: string;

  constructor(
    status: number,
    code: string,
    message: string,
    details: readonly ErrorDetail[] = [],
    retryAfterSeconds?: number,
    extra: Readonly<Record<string, unknown>> = {},
    sent: string = message,
  ) {
    super(message);
    this.sent = sent;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
    this.extra = extra;
  }

  /** What kind of 409 or 400 this is (server/src/errors.ts SubCode): STALE_VERSION, DUPLICATE_NAME … */
  get subCode(): string | undefined {
    return typeof this.extra.subCode === 'string' ? this.extra.subCode : undefined;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Do not report a 401 to the unauthorized handler (login, and the first /api/me). */
  skipAuthRedirect?: boolean;
}

let csrfToken: string | null = null;
let onUnauthorized: ((error: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: ((error: ApiError) => void) | null): void {
  onUnauthorized = handler;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function numberOrUndefined(value: unknown): number | undefined {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, for instance): fall through to the generic message.
  }
  const root = (body ?? {}) as Record<string, unknown>;
  const err = (root.error ?? {}) as Record<string, unknown>;
  const retryAfter =
    numberOrUndefined(err.retryAfterSeconds) ??
    numberOrUndefined(root.retryAfterSeconds) ??
    numberOrUndefined(res.headers.get('Retry-After'));
  const message =
    typeof err.message === 'string' && err.message
      ? err.message
      : t('服务器返回错误（HTTP {status}），请稍后重试', { status: res.status });
  // The server writes Chinese; in English the message and each detail read English
  // (web/src/i18n/catalogs/*), the field paths as they were.
  const details = Array.isArray(err.details)
    ? (err.details as ErrorDetail[]).map((d) => ({ ...d, message: t(d.message), sent: d.message }))
    : [];
  const code = typeof err.code === 'string' ? err.code : `HTTP_${res.status}`;
  const { code: _c, message: _m, details: _d, ...extra } = err;
  return new ApiError(res.status, code, t(message), details, retryAfter, extra, message);
}

export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body goes as multipart, with the boundary the browser chooses.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.body === undefined
          ? undefined
          : isForm
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', t('无法连接服务器，请检查网络后重试'));
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !options.skipAuthRedirect) onUnauthorized?.(error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/**
 * Uploads one file as multipart field `file` with XMLHttpRequest, which (unlike fetch) reports
 * upload progress. Same CSRF header, error envelope and 401 handling as `request`.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  fileName: string,
  onProgress?: (percent: number) => void,
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', t('无法连接服务器，请检查网络后重试')));
    xhr.onabort = () => reject(new DOMException(t('上传已取消'), 'AbortError'));
    xhr.onload = () => {
      const retryAfter = xhr.getResponseHeader('Retry-After');
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: retryAfter ? { 'Retry-After': retryAfter } : {},
      });
      if (res.ok) {
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        return;
      }
      void toApiError(res).then((error) => {
        if (res.status === 401) onUnauthorized?.(error);
        reject(error);
      });
    };
    const form = new FormData();
    form.append('file', file, fileName);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** The message to show a user for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error && e.message) return e.message;
  return t('操作失败，请稍后重试');
}
