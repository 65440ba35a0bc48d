/**
 * Every answer carries the security headers: each route of the OpenAPI document with and without a
 * session, refusals, errors, unknown paths, the web app and its fallback, the API viewer, and
 * requests Node's parser refuses. HSTS only over https (a trusted proxy's X-Forwarded-Proto).
 */
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './http.ts';
import { CONTENT_SECURITY_POLICY } from './security-headers.ts';
import { describeEachEngine } from './test-support/engines.ts';
import { addUser, loginAs, type Client } from './test-support/fixtures.ts';

type Headers = Record<string, string | string[] | number | undefined>;

function missing(headers: Headers): string[] {
  const want: Record<string, RegExp> = {
    'content-security-policy': /frame-ancestors 'none'/,
    'x-frame-options': /^DENY$/,
    'x-content-type-options': /^nosniff$/,
    'referrer-policy': /^(no-referrer|same-origin|strict-origin(-when-cross-origin)?)$/,
    'permissions-policy': /camera=\(\)/,
  };
  return Object.entries(want)
    .filter(([name, pattern]) => !pattern.test(String(headers[name] ?? '')))
    .map(([name]) => name);
}

describeEachEngine('security headers', (ctx) => {
  let app: App;
  let web: App;
  let admin: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    web = await buildApp({ db: ctx.db, serveWeb: true });
    await addUser(ctx.db.db, 'headers_admin', '000000', ['admin']);
    admin = await loginAs(app, 'headers_admin');
  });
  afterAll(async () => {
    await app.close();
    await web.close();
  });

  it('allows no inline script and no framing', () => {
    const script = /script-src ([^;]*)/.exec(CONTENT_SECURITY_POLICY)![1]!;
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval|\*|data:/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
  });

  it('sends them on every route, with and without a session, and on errors', async () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const bad: string[] = [];
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths))
      for (const method of Object.keys(methods)) {
        const url = path.replace(/\{[^}]+\}/g, '1');
        const m = method.toUpperCase() as 'GET';
        for (const res of [
          await app.inject({ method: m, url, payload: m === 'GET' ? undefined : {} }),
          m === 'GET'
            ? await admin.get(url)
            : await admin.send(m as 'POST', url, method === 'post' ? { bad: 1 } : undefined),
        ]) {
          checked++;
          const lacks = missing(res.headers);
          if (lacks.length) bad.push(`${m} ${url} ${res.statusCode}: ${lacks.join(', ')}`);
          if (res.headers['strict-transport-security']) bad.push(`${m} ${url}: HSTS over http`);
        }
      }
    for (const [what, res] of [
      ['unknown api', await app.inject({ method: 'GET', url: '/api/no-such' })],
      ['bad escape', await app.inject({ method: 'GET', url: '/api/me/%E0%A4%A' })],
      [
        'bad json',
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: '{',
        }),
      ],
      ['web index', await web.inject({ method: 'GET', url: '/' })],
      ['web fallback', await web.inject({ method: 'GET', url: '/ledger/communities' })],
      [
        'api viewer',
        await web.inject({ method: 'GET', url: '/api/docs', headers: { cookie: admin.cookie } }),
      ],
      [
        'login',
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'headers_admin', password: 'wrong-password-1' },
        }),
      ],
    ] as const) {
      checked++;
      const lacks = missing(res.headers);
      if (lacks.length) bad.push(`${what} ${res.statusCode}: ${lacks.join(', ')}`);
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('sends them when Node refuses the request before routing', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (c) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.write('GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer.toLowerCase()).toContain("frame-ancestors 'none'");
    expect(answer.toLowerCase()).toContain('x-content-type-options: nosniff');
  });

  it('adds HSTS over https behind a trusted proxy, and only then', async () => {
    const proxied = await buildApp({ db: ctx.db, serveWeb: false, trustProxy: true });
    const https = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    const http = await proxied.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    // Not trusted: a client cannot claim https.
    const direct = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
    await proxied.close();
  });
});
