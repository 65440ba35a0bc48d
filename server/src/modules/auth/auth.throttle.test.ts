/**
 * Login throttling under attack (issue 10, defects 1 and 10): attempts counted atomically before
 * the password is checked, per (account, address) pair with a higher per-account limit, reset on
 * success, and the client's address taken only from the trusted proxy hops. On both engines, and
 * across two servers on one PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DEFAULT_THROTTLE_RULES } from '../../domain/throttle.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, TEST_PASSWORD } from '../../test-support/fixtures.ts';
import { split, twoServers } from '../../test-support/two-servers.ts';
import { listAudit } from '../audit/audit.repository.ts';
import { sweepAuthRows } from './auth.sweep.ts';

const { pair, account } = DEFAULT_THROTTLE_RULES;

describeEachEngine('login throttle races', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    for (const name of ['victim', 'spread', 'resets', 'proxied', 'twin'])
      await addUser(ctx.db.db, name, '420100', ['city']);
  });
  afterAll(() => app.close());

  const attempt = (username: string, password: string, remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      payload: { username, password },
    });
  /** How many passwords were checked (and found wrong) for the account. */
  const checked = async (username: string) =>
    (await listAudit(ctx.db.db, 'auth.login_failed')).filter((a) => a.target === username).length;

  it('checks at most the limit of 100 parallel wrong passwords; the rest answer 429 in Chinese, and the real user still logs in from another address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt('victim', `wrong-pass-${i}`, '10.6.6.6')),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBe(pair.failuresBeforeWait);
    expect(codes.filter((c) => c === 429).length).toBe(100 - pair.failuresBeforeWait);
    expect(await checked('victim')).toBe(pair.failuresBeforeWait);
    const refused = answers.find((r) => r.statusCode === 429)!;
    expect(refused.json().error.message).toMatch(/^登录失败次数过多，请 \d+ 秒后再试$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password waits at the attacked pair…
    expect((await attempt('victim', TEST_PASSWORD, '10.6.6.6')).statusCode).toBe(429);
    // …but the real user, elsewhere, is not locked out.
    expect((await attempt('victim', TEST_PASSWORD, '10.1.1.1')).statusCode).toBe(200);
  });

  it('holds an account to its higher limit when the attempts come from 100 addresses, but not at an address the user logged in from', async () => {
    expect((await attempt('spread', TEST_PASSWORD, '10.2.2.2')).statusCode).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attempt('spread', `wrong-pass-${i}`, `10.7.${Math.floor(i / 50)}.${i % 50}`),
      ),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401).length).toBe(account.failuresBeforeWait);
    expect(codes.filter((c) => c === 429).length).toBe(100 - account.failuresBeforeWait);
    expect(await checked('spread')).toBe(account.failuresBeforeWait);
    // A new address waits for the account; the user's own address does not.
    expect((await attempt('spread', TEST_PASSWORD, '10.3.3.3')).statusCode).toBe(429);
    expect((await attempt('spread', TEST_PASSWORD, '10.2.2.2')).statusCode).toBe(200);
  });

  it("resets the pair's count on success", async () => {
    const fails = async (n: number) => {
      for (let i = 0; i < n; i++)
        expect((await attempt('resets', `wrong-pass-${i}`, '10.4.4.4')).statusCode).toBe(401);
    };
    await fails(pair.failuresBeforeWait - 1);
    expect((await attempt('resets', TEST_PASSWORD, '10.4.4.4')).statusCode).toBe(200);
    await fails(pair.failuresBeforeWait - 1);
    expect((await attempt('resets', TEST_PASSWORD, '10.4.4.4')).statusCode).toBe(200);
  });

  it('behind one trusted proxy, takes the address the proxy saw: a client cannot rotate by sending X-Forwarded-For', async () => {
    const proxied = await buildApp({ db: ctx.db, serveWeb: false, trustProxy: 1 });
    const codes: number[] = [];
    for (let i = 0; i < pair.failuresBeforeWait + 2; i++) {
      const res = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': `192.0.2.${i}, 10.5.5.5` },
        payload: { username: 'proxied', password: `wrong-pass-${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(pair.failuresBeforeWait)).toEqual([429, 429]);
    const failed = (await listAudit(ctx.db.db, 'auth.login_failed')).filter(
      (a) => a.target === 'proxied',
    );
    expect(new Set(failed.map((a) => a.ip))).toEqual(new Set(['10.5.5.5']));
    await proxied.close();
  });

  it.skipIf(ctx.engine !== 'postgres')(
    'checks at most the limit across two servers on one PostgreSQL',
    async () => {
      const servers = await twoServers(ctx.url, { trustProxy: 1 });
      try {
        const answers = await split(100, (s, i) =>
          servers.request(
            s,
            'POST',
            '/api/auth/login',
            { username: 'twin', password: `wrong-pass-${i}` },
            { 'x-forwarded-for': '10.8.8.8' },
          ),
        );
        const codes = answers.map((r) => r.status);
        expect(codes.filter((c) => c === 401).length).toBe(pair.failuresBeforeWait);
        expect(codes.filter((c) => c === 429).length).toBe(100 - pair.failuresBeforeWait);
        expect(await checked('twin')).toBe(pair.failuresBeforeWait);
        const own = await servers.request(
          1,
          'POST',
          '/api/auth/login',
          { username: 'twin', password: TEST_PASSWORD },
          { 'x-forwarded-for': '10.9.9.1' },
        );
        expect(own.status).toBe(200);
      } finally {
        await servers.close();
      }
    },
  );

  it.skipIf(ctx.engine !== 'postgres')(
    'lets 40 colleagues behind one address log in at once on two servers (a success clearing the address count while others reserve)',
    async () => {
      const names = Array.from({ length: 40 }, (_, i) => `colleague${i}`);
      for (const name of names) await addUser(ctx.db.db, name, '460106', ['county']);
      const servers = await twoServers(ctx.url, { trustProxy: 1 });
      try {
        const answers = await split(names.length, (s, i) =>
          servers.request(
            s,
            'POST',
            '/api/auth/login',
            { username: names[i], password: TEST_PASSWORD },
            { 'x-forwarded-for': '10.7.7.7' },
          ),
        );
        expect(answers.map((r) => r.status)).toEqual(names.map(() => 200));
      } finally {
        await servers.close();
      }
    },
  );

  it('sweeps the rows that no longer count, and keeps a lock in force and a recent success', async () => {
    const row = (key: string, failures: number, lockedUntil: string | null, last: string) => ({
      key,
      failures,
      locked_until: lockedUntil,
      last_failure_at: last,
    });
    const rows = [
      row('pair:old|1.1.1.1', 3, null, '2026-01-01T00:00:00.000Z'),
      row('pair:locked|1.1.1.1', 9, '2026-03-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
      row('pair:fresh|1.1.1.1', 2, null, '2026-02-01T11:00:00.000Z'),
      row('ok:gone|1.1.1.1', 0, null, '2025-12-01T00:00:00.000Z'),
      row('ok:known|1.1.1.1', 0, null, '2026-01-20T00:00:00.000Z'),
    ];
    await ctx.db.db.insertInto('login_throttle').values(rows).execute();
    await sweepAuthRows(ctx.db.db, new Date('2026-02-01T12:00:00.000Z'));
    const left = await ctx.db.db
      .selectFrom('login_throttle')
      .select('key')
      .where(
        'key',
        'in',
        rows.map((r) => r.key),
      )
      .orderBy('key')
      .execute();
    expect(left.map((r) => r.key)).toEqual([
      'ok:known|1.1.1.1',
      'pair:fresh|1.1.1.1',
      'pair:locked|1.1.1.1',
    ]);
  });
});
