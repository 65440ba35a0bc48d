/**
 * Two application servers on one database, as a deployment behind a load balancer runs them
 * (DESIGN.md, "One machine, then many"): two buildApp instances, each over a database pool of its
 * own on the same schema, each listening on a port of its own. For the concurrency tests (issue
 * 10): requests split between the two race as they would in production, through real HTTP.
 */
import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions } from '../app.ts';
import { openDatabase } from '../bootstrap.ts';
import type { Db } from '../db/create-db.ts';
import type { App } from '../http.ts';
import { TEST_PASSWORD } from './fixtures.ts';

export interface HttpResponse {
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  headers: Headers;
}

export interface HttpClient {
  username: string;
  /** A request on server `i` (0 or 1) with this client's session and CSRF token. */
  send: (i: number, method: string, path: string, body?: unknown) => Promise<HttpResponse>;
}

export interface TwoServers {
  apps: [App, App];
  /** base URLs, http://127.0.0.1:PORT */
  urls: [string, string];
  dbs: [Db, Db];
  /** A request on server `i` without a session (e.g. a login). */
  request: (
    i: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<HttpResponse>;
  /** Signs in on server 0; the session is a database row, so it holds on server 1 as well. */
  login: (username: string, password?: string) => Promise<HttpClient>;
  close: () => Promise<void>;
}

/**
 * Starts two servers on the database at `url` (which must already be migrated, e.g. the suite's
 * own: ctx.url). Close them with close().
 */
export async function twoServers(
  url: string,
  options: Omit<AppOptions, 'db'> = {},
): Promise<TwoServers> {
  const dbs: Db[] = [];
  const apps: App[] = [];
  const urls: string[] = [];
  for (let i = 0; i < 2; i++) {
    const db = await openDatabase(url);
    const app = await buildApp({ serveWeb: false, ...options, db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    dbs.push(db);
    apps.push(app);
    urls.push(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  }
  const request: TwoServers['request'] = async (i, method, path, body, headers = {}) => {
    const res = await fetch(`${urls[i]}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
  };
  return {
    apps: apps as [App, App],
    urls: urls as [string, string],
    dbs: dbs as [Db, Db],
    request,
    async login(username, password = TEST_PASSWORD) {
      const res = await fetch(`${urls[0]}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      const sid = /gaizao_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
      const { user } = (await res.json()) as { user: { csrfToken: string } };
      const headers = { cookie: `gaizao_sid=${sid}`, 'x-csrf-token': user.csrfToken };
      return {
        username,
        send: (i, method, path, body) => request(i, method, path, body, headers),
      };
    },
    async close() {
      for (const app of apps) await app.close();
      for (const db of dbs) await db.destroy();
    },
  };
}

/** Runs `n` requests at once, the i-th on server i % 2, and answers their responses in order. */
export const split = <T>(n: number, run: (server: number, i: number) => Promise<T>): Promise<T[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => run(i % 2, i)));
