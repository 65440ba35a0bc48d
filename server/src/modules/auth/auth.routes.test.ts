import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openDatabase } from '../../bootstrap.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, TEST_PASSWORD } from '../../test-support/fixtures.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { authenticate, SESSION_IDLE_MS } from './session.service.ts';
import { DEFAULT_THROTTLE_RULES } from '../../domain/throttle.ts';

describeEachEngine('auth', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'wuhan', '420100', ['city']);
    await addUser(ctx.db.db, 'victim', '420100', ['city']);
    await addUser(ctx.db.db, 'admin1', '000000', ['admin']);
  });
  afterAll(() => app.close());

  it('answers health without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers 401 on every route the OpenAPI document lists, but health and login', async () => {
    // Taken from the running app, so a route added later cannot slip past this check.
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const open = new Set(['GET /api/health', 'POST /api/auth/login']);
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (open.has(route) || !path.startsWith('/api/')) continue;
        const url = path.replace(/\{[^}]+\}/g, '1');
        const res = await app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          payload: method === 'get' ? undefined : {},
        });
        expect(res.statusCode, route).toBe(401);
        expect(res.json().error.message, route).toMatch(/登录/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('answers 401 on the /api/ paths the OpenAPI document does not list', async () => {
    // The document and its viewer are for signed-in users too, and an unknown path answers like
    // a known one, so that a caller without a session learns nothing of which routes exist.
    for (const url of ['/api/openapi.json', '/api/docs', '/api/no-such-route']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.message, url).toMatch(/登录/);
    }
  });

  it('logs in with a session cookie that is HttpOnly and SameSite, and /api/me names the user and region', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wuhan', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gaizao_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: `gaizao_sid=${cookie.value}` },
    });
    expect(me.json()).toMatchObject({
      username: 'wuhan',
      roles: ['city'],
      region: {
        code: '420100',
        name: '武汉市',
        level: 'prefecture',
        path: [
          { code: '420000', name: '湖北省' },
          { code: '420100', name: '武汉市' },
        ],
      },
    });
  });

  it('marks the cookie Secure behind https', async () => {
    const proxied = await buildApp({ db: ctx.db, serveWeb: false, trustProxy: true });
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'wuhan', password: TEST_PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'gaizao_sid')!.secure).toBe(true);
    await proxied.close();
  });

  it('refuses a wrong password in Chinese, and validates the body', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wuhan', password: 'nope-nope-1' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    const empty = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
  });

  it('refuses a state-changing request without the CSRF token, and a cross-site login', async () => {
    const c = await loginAs(app, 'admin1');
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: c.cookie },
      payload: { parentCode: '420100', name: '武汉新区' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF');
    const badToken = await app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: c.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { parentCode: '420100', name: '武汉新区' },
    });
    expect(badToken.statusCode).toBe(403);
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'wuhan', password: TEST_PASSWORD },
    });
    expect(crossSite.statusCode).toBe(403);
  });

  it('ends the session on logout', async () => {
    const c = await loginAs(app, 'wuhan');
    expect((await c.send('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('expires a session after 30 minutes idle (the default)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'wuhan', password: TEST_PASSWORD },
    });
    const token = res.cookies.find((c) => c.name === 'gaizao_sid')!.value;
    const now = Date.now();
    expect(
      await authenticate(ctx.db.db, token, new Date(now + SESSION_IDLE_MS - 60_000)),
    ).toBeDefined();
    // Touched just now (29 minutes in), so it lives another 30 minutes from there…
    expect(
      await authenticate(ctx.db.db, token, new Date(now + 2 * SESSION_IDLE_MS - 120_000)),
    ).toBeDefined();
    // …but not 30 minutes and more after the last request.
    expect(
      await authenticate(ctx.db.db, token, new Date(now + 3 * SESSION_IDLE_MS)),
    ).toBeUndefined();
  });

  it('throttles the sixth wrong password for an account from an address, and the throttle survives a restart', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.0.0.1',
        payload: { username: 'victim', password: `wrong-${i}-pass` },
      });
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const sixth = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.1',
      payload: { username: 'victim', password: 'wrong-6-pass' },
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error.message).toMatch(/登录失败次数过多/);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);

    // A new server process on the same database: even the right password waits.
    const db2 = await openDatabase(ctx.url);
    const restarted = await buildApp({ db: db2, serveWeb: false });
    const right = await restarted.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.0.1',
      payload: { username: 'victim', password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(429);
    await restarted.close();
    await db2.destroy();
  });

  it('throttles an address that fails against many accounts', async () => {
    let last = 0;
    // One more failure than the address's limit (a bureau behind one NAT is many people).
    for (let i = 1; i <= DEFAULT_THROTTLE_RULES.address.failuresBeforeWait + 1; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { username: `nobody${i}`, password: 'wrong-pass-1' },
      });
      last = res.statusCode;
    }
    expect(last).toBe(429);
  });

  it('writes logins, failures and logouts to the audit log', async () => {
    const actions = (await listAudit(ctx.db.db)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.login',
        'auth.login_failed',
        'auth.logout',
        'auth.login_throttled',
      ]),
    );
    const failed = (await listAudit(ctx.db.db, 'auth.login_failed'))[0]!;
    expect(failed.detail).toContain('wrong_password');
    expect(failed.ip).toBeTruthy();
  });
});
