import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './client.ts';

function stubFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(
    async (_url: string, _init: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const headersOf = (init: RequestInit | undefined) =>
  (init?.headers ?? {}) as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on non-GET requests only, with same-origin credentials', async () => {
    const fetchMock = stubFetch(200, { ok: true });
    setCsrfToken('tok');
    await api.get('/api/x', { query: { q: '武汉', page: 1, empty: '' } });
    await api.post('/api/y', { a: 1 });
    const [getUrl, getInit] = fetchMock.mock.calls[0]!;
    const [, postInit] = fetchMock.mock.calls[1]!;
    expect(getUrl).toBe('/api/x?q=%E6%AD%A6%E6%B1%89&page=1');
    expect(headersOf(getInit)['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(postInit)['X-CSRF-Token']).toBe('tok');
    expect(headersOf(postInit)['Content-Type']).toBe('application/json');
    expect(postInit.body).toBe('{"a":1}');
    expect(postInit.credentials).toBe('same-origin');
  });

  it('turns the error envelope into an ApiError with details and retryAfterSeconds', async () => {
    stubFetch(429, {
      error: { code: 'THROTTLED', message: '请 30 秒后再试', retryAfterSeconds: 30 },
    });
    const err = await api.post('/api/auth/login', {}, { skipAuthRedirect: true }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'THROTTLED', message: '请 30 秒后再试' });
    expect((err as ApiError).retryAfterSeconds).toBe(30);
  });

  it('reports a 401 to the handler unless told not to', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    stubFetch(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    await expect(api.get('/api/users')).rejects.toThrow('请先登录');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api.post('/api/auth/login', {}, { skipAuthRedirect: true })).rejects.toThrow();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('returns undefined for 204 and a Chinese message for a non-JSON error', async () => {
    stubFetch(204, undefined);
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
    vi.stubGlobal('fetch', async () => new Response('<html>502</html>', { status: 502 }));
    await expect(api.get('/api/me')).rejects.toThrow('服务器返回错误（HTTP 502）');
  });

  it('sends a FormData body as it is, leaving the multipart Content-Type to the browser', async () => {
    const fetchMock = stubFetch(204, undefined);
    setCsrfToken('tok');
    const form = new FormData();
    form.append('documentNo', '琼府函〔2026〕1号');
    await api.post('/api/declarations/460000/2027/approval', form);
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init.body).toBe(form);
    expect(headersOf(init)['Content-Type']).toBeUndefined();
    expect(headersOf(init)['X-CSRF-Token']).toBe('tok');
  });
});
