/**
 * Malformed requests answer a 4xx whose message is Chinese, never a 5xx: bad or foreign Origin on
 * login, bad JSON, wrong or garbled content types, multipart without a boundary or cut off, bad
 * escapes in the URL, odd cookies and CSRF tokens, and requests Node's HTTP parser itself refuses.
 * Sent over a real socket, byte for byte, to several routes.
 */
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import type { App } from './http.ts';
import { describeEachEngine } from './test-support/engines.ts';
import { addUser, loginAs, type Client } from './test-support/fixtures.ts';

/** Sends raw bytes and reads the status line and body of the answer. */
function raw(port: number, text: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (c: string) => (answer += c));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      resolve({ status, body });
    });
    // Written, not ended: a half-closed socket may be dropped before an async answer.
    socket.setTimeout(5000, () => socket.destroy());
    socket.write(text);
  });
}

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send exactly this text, no request line or headers of ours. */
  rawText?: string;
  session?: boolean;
}

const B = 'gzboundary';
const multipartCut = [
  `--${B}`,
  'Content-Disposition: form-data; name="kind"',
  '',
  'before',
  `--${B}`,
  'Content-Disposition: form-data; name="file"; filename="a.xlsx"',
  'Content-Type: application/octet-stream',
  '',
  'PK\u0003\u0004 half a file',
].join('\r\n');

const UPLOADS = [
  '/api/imports',
  '/api/communities/1/photos',
  '/api/declarations/420102/2026/approval',
];
const JSON_ROUTES = ['/api/regions', '/api/users', '/api/plan-policies', '/api/projects/merge'];

function cases(): Case[] {
  const list: Case[] = [];
  for (const origin of [
    'null',
    'http://[::1',
    '::::',
    'http://',
    'file://',
    'https://evil.example',
  ])
    list.push({
      name: `login with Origin ${origin}`,
      method: 'POST',
      path: '/api/auth/login',
      headers: { origin, 'content-type': 'application/json' },
      body: '{"username":"u1","password":"x"}',
    });
  for (const path of ['/api/auth/login', ...JSON_ROUTES]) {
    const session = path !== '/api/auth/login';
    for (const [name, type, body] of [
      ['cut JSON', 'application/json', '{"username":'],
      ['JSON of the wrong shape', 'application/json', '[1,2,'],
      ['text/plain', 'text/plain', 'hello'],
      ['form-urlencoded', 'application/x-www-form-urlencoded', 'a=1&b=2'],
      ['garbled content-type', ';;;/=', '{}'],
      ['JSON in UTF-16', 'application/json; charset=utf-16', '{}'],
      ['multipart to a JSON route', `multipart/form-data; boundary=${B}`, `--${B}--\r\n`],
      ['xml', 'application/xml', '<a/>'],
    ] as const)
      list.push({
        name: `${name} to ${path}`,
        method: 'POST',
        path,
        session,
        headers: { 'content-type': type },
        body,
      });
  }
  for (const path of UPLOADS) {
    for (const [name, type, body] of [
      ['multipart without a boundary', 'multipart/form-data', multipartCut],
      ['multipart with an empty boundary', 'multipart/form-data; boundary=', multipartCut],
      ['multipart cut off', `multipart/form-data; boundary=${B}`, multipartCut],
      ['multipart with another boundary', `multipart/form-data; boundary=other`, multipartCut],
      ['multipart with no parts', `multipart/form-data; boundary=${B}`, `--${B}--\r\n`],
      ['multipart, empty body', `multipart/form-data; boundary=${B}`, ''],
      ['JSON to an upload', 'application/json', '{}'],
    ] as const)
      list.push({
        name: `${name} to ${path}`,
        method: 'POST',
        path,
        session: true,
        headers: { 'content-type': type },
        body,
      });
  }
  list.push(
    {
      name: 'bad escape in the path',
      method: 'GET',
      path: '/api/communities/%E0%A4%A',
      session: true,
    },
    {
      name: 'undecodable cookie',
      method: 'GET',
      path: '/api/me',
      headers: { cookie: 'gaizao_sid=%E0%A4%A' },
    },
    {
      name: 'CSRF token of another byte length',
      method: 'POST',
      path: '/api/regions',
      session: true,
      headers: { 'content-type': 'application/json', 'x-csrf-token': '\u00e9'.repeat(43) },
      body: '{}',
    },
    {
      name: 'id out of range',
      method: 'GET',
      path: '/api/communities/99999999999999999999999',
      session: true,
    },
    {
      name: 'HTTP the parser refuses',
      method: '',
      path: '',
      rawText: 'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
    },
    {
      name: 'two content-lengths',
      method: '',
      path: '',
      rawText:
        'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
    },
  );
  return list;
}

describeEachEngine('malformed requests', (ctx) => {
  let app: App;
  let port: number;
  let admin: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'malformed_admin', '000000', ['admin']);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    admin = await loginAs(app, 'malformed_admin');
  });
  afterAll(() => app.close());

  it('answers each with a 4xx and a Chinese message', async () => {
    const bad: string[] = [];
    const all = cases();
    for (const c of all) {
      let text = c.rawText;
      if (text === undefined) {
        const headers: Record<string, string> = {
          host: `127.0.0.1:${port}`,
          connection: 'close',
          ...c.headers,
        };
        if (c.session) {
          headers.cookie = admin.cookie;
          headers['x-csrf-token'] ??= admin.csrf;
        }
        const body = Buffer.from(c.body ?? '', 'utf8');
        if (c.body !== undefined) headers['content-length'] = String(body.length);
        text = `${c.method} ${c.path} HTTP/1.1\r\n${Object.entries(headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\r\n')}\r\n\r\n${c.body ?? ''}`;
      }
      const res = await raw(port, text);
      let message: string;
      try {
        message = String(
          (JSON.parse(res.body) as { error: { message: string } }).error.message ?? res.body,
        );
      } catch {
        message = res.body;
      }
      if (res.status < 400 || res.status >= 500 || !/[\u4e00-\u9fff]/.test(message))
        bad.push(`${c.name}: ${res.status} ${message.slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
    expect(all.length).toBeGreaterThan(50);
  });
});
