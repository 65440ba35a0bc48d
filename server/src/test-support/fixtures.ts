/** Accounts and logged-in clients for route tests, through the real app and database. */
import type { Kysely } from 'kysely';
import type { Role } from '../../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import type { InjectOptions, LightMyRequestResponse as Response } from 'fastify';
import type { App } from '../http.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertUser } from '../modules/users/users.repository.ts';

export const TEST_PASSWORD = 'test-password-1';
let hashed: Promise<string> | undefined;

export async function addUser(
  db: Kysely<Database>,
  username: string,
  regionCode: string,
  roles: Role[],
): Promise<number> {
  hashed ??= hashPassword(TEST_PASSWORD);
  return insertUser(db, {
    username,
    displayName: username,
    passwordHash: await hashed,
    regionCode,
    roles,
    now: new Date(),
  });
}

export interface Client {
  cookie: string;
  csrf: string;
  get: (url: string) => Promise<Response>;
  send: (
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ) => Promise<Response>;
}

export async function loginAs(
  app: App,
  username: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gaizao_sid')!;
  const csrf = (res.json() as { user: { csrfToken: string } }).user.csrfToken;
  const header = `gaizao_sid=${cookie.value}`;
  const inject = (opts: InjectOptions): Promise<Response> => app.inject(opts);
  return {
    cookie: header,
    csrf,
    get: (url) => inject({ method: 'GET', url, headers: { cookie: header } }),
    send: (method, url, body) =>
      inject({
        method,
        url,
        headers: { cookie: header, 'x-csrf-token': csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
