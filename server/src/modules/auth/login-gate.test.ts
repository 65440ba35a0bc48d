/**
 * The login gate decides on the route the router chose and on the decoded, normalised path, never
 * on the raw URL: every spelling of every route the OpenAPI document lists (percent-encoded
 * letters, dot segments, doubled slashes, other case, encoded slashes) answers 401 without a
 * session, and none answers 500. Sent over a real socket so that no client normalises the path.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { isApiPath, normalisedPath } from './request-path.ts';

const OPEN = new Set(['GET /api/health', 'POST /api/auth/login']);

/** Ways of writing one path that a router or a browser may take for the same route. */
export function spellings(path: string): string[] {
  const rest = path.slice('/api'.length); // '/x/y'
  const encodeFirst = (s: string) =>
    s.replace(/\/([a-z])/g, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
  return [
    `/%61pi${rest}`,
    `/%41PI${rest}`,
    `/%2561pi${rest}`,
    `/api${encodeFirst(rest)}`,
    `/API${rest.toUpperCase()}`,
    `//api${rest}`,
    `/api/${rest}`,
    `/api/.${rest}`,
    `/api/health/..${rest}`,
    `/api/auth/login/..${rest}`,
    `/api/%2e%2e/api${rest}`,
    `/static/%2e%2e/api${rest}`,
    `/api%2f${rest.slice(1).replace(/\//g, '%2f')}`,
    `/api${rest}/`,
    `/api${rest};x=1`,
    `/api${rest}%20`,
    `/api${rest}?x=/api/health`,
  ];
}

function send(
  port: number,
  method: string,
  path: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('normalisedPath', () => {
  it('decodes, resolves dot segments, collapses slashes and lower-cases', () => {
    expect(normalisedPath('/%61pi/me')).toBe('/api/me');
    expect(normalisedPath('/%2561pi/me')).toBe('/api/me');
    expect(normalisedPath('//API/./x/../me/?q=1')).toBe('/api/me');
    expect(normalisedPath('/static/%2e%2e/api%2fme')).toBe('/api/me');
    expect(normalisedPath('/a\\..\\api\\me;jsessionid=1')).toBe('/api/me');
    expect(normalisedPath('/api/%E0%A4%A')).toBe('/api/\u00e0\u00a4%a');
    expect(isApiPath(normalisedPath('/api'))).toBe(true);
    expect(isApiPath(normalisedPath('/apix'))).toBe(false);
    expect(isApiPath(normalisedPath('/assets/app.js'))).toBe(false);
  });
});

describeEachEngine('login gate', (ctx) => {
  let app: App;
  let port: number;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  it('answers 401, never 2xx or 500, to every spelling of every route but health and login', async () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const failures: string[] = [];
    let checked = 0;
    const paths = { ...doc.paths, '/api/openapi.json': { get: {} }, '/api/docs': { get: {} } };
    for (const [path, methods] of Object.entries(paths)) {
      for (const method of Object.keys(methods)) {
        if (OPEN.has(`${method.toUpperCase()} ${path}`)) continue;
        const concrete = path.replace(/\{[^}]+\}/g, '1');
        for (const url of [concrete, ...spellings(concrete)]) {
          const res = await send(port, method.toUpperCase(), url).catch((e: Error) => ({
            status: 0,
            body: e.message,
          }));
          checked++;
          if (res.status !== 401)
            failures.push(`${method} ${url} → ${res.status} ${res.body.slice(0, 60)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps health and login open under their own names', async () => {
    expect((await send(port, 'GET', '/api/health')).status).toBe(200);
    expect((await send(port, 'POST', '/api/auth/login')).status).toBe(400);
  });
});
