/**
 * The audit log you can read (issue 10, 三员分立): GET /api/audit and /api/audit.csv walk the
 * 401 → 403 → 400 → 200 ladder for every role — only the audit administrator reads it, not the
 * system or security administrator; filters by user, region, action and date; logins, failed
 * logins and permission refusals are in it; the security administrator manages accounts, the
 * audit administrator does nothing else.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../../common/roles.ts';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { insertAudit } from './audit.repository.ts';
// An action the application never writes, so the test finds its own entries by it.
import type { AuditAction } from '../../../../common/audit-actions.ts';

const REGION: Record<Role, string> = {
  county: '460106',
  city: '460100',
  province: '460000',
  province_ndrc: '460000',
  province_finance: '460000',
  ministry: '000000',
  ndrc_national: '000000',
  mof: '000000',
  statistics: '000000',
  admin: '000000',
  security_admin: '000000',
  audit_admin: '000000',
};

describeEachEngine('audit log routes', (ctx) => {
  let app: App;
  const u = {} as Record<Role, Client>;

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    for (const role of ROLES) {
      await addUser(ctx.db.db, `u_${role}`, REGION[role], [role]);
      u[role] = await loginAs(app, `u_${role}`);
    }
  });
  afterAll(() => app.close());

  it('401 without a session; 403 for every role but the audit administrator; 400 on a bad filter; 200', async () => {
    for (const url of ['/api/audit', '/api/audit.csv'])
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    for (const role of ROLES) {
      const want = role === 'audit_admin' ? 200 : 403;
      expect((await u[role].get('/api/audit')).statusCode, role).toBe(want);
      expect((await u[role].get('/api/audit.csv')).statusCode, `${role} csv`).toBe(want);
    }
    expect((await u.audit_admin.get('/api/audit?region=46')).statusCode).toBe(400);
    expect((await u.audit_admin.get('/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('holds logins, failed logins and refusals, with who, when, where from; filters apply', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'u_county', password: 'wrong-password' },
    });
    const all = (await u.audit_admin.get('/api/audit?pageSize=500')).json();
    const actions = all.items.map((i: { action: string }) => i.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
    const denied = all.items.find(
      (i: { action: string; username: string }) =>
        i.action === 'access.denied' && i.username === 'u_admin',
    );
    expect(denied).toMatchObject({
      target: expect.stringMatching(/^GET \/api\/audit/),
      ip: expect.any(String),
    });
    expect(denied.hash).toMatch(/^[0-9a-f]{64}$/);

    const mine = (await u.audit_admin.get('/api/audit?user=u_county&action=auth.')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(
      mine.items.every(
        (i: { username: string; action: string }) =>
          i.username === 'u_county' && i.action.startsWith('auth.'),
      ),
    ).toBe(true);
    const hainanCity = (await u.audit_admin.get('/api/audit?region=460100')).json();
    expect(hainanCity.items.map((i: { username: string }) => i.username)).toContain('u_city');
    expect(hainanCity.items.map((i: { username: string }) => i.username)).not.toContain(
      'u_ministry',
    );
    const later = (await u.audit_admin.get('/api/audit?from=2999-01-01')).json();
    expect(later.total).toBe(0);
    const paged = (await u.audit_admin.get('/api/audit?page=2&pageSize=1')).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.items[0].id).toBe(all.items[1].id);

    const csv = await u.audit_admin.get('/api/audit.csv?user=u_county');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('auth.login_failed');
  });

  it('holds the ledger’s changes too: a community registered and edited, a month of progress, a file imported', async () => {
    const input = {
      regionCode: '460106',
      name: '审计测试小区',
      buildYear: 1990,
      buildings: 2,
      households: 40,
      floorArea: '3000',
      investment: '80',
      planYear: 2026,
    };
    const created = await u.county.send('POST', '/api/communities', input);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    const edited = await u.county.send('PUT', `/api/communities/${id}`, {
      ...input,
      households: 41,
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(
      (
        await u.county.send('PUT', `/api/communities/${id}/progress/2026-11`, {
          investmentDone: '10',
        })
      ).statusCode,
    ).toBe(204);
    const entries = (await u.audit_admin.get('/api/audit?user=u_county&pageSize=500')).json()
      .items as { action: string; target: string; detail: string | null; ip: string | null }[];
    const of = (action: string) => entries.filter((e) => e.action === action);
    expect(of('community.create')).toMatchObject([{ target: String(id) }]);
    expect(of('community.update')).toMatchObject([{ target: String(id) }]);
    expect(JSON.parse(of('community.update')[0]!.detail!)).toEqual({
      version: 2,
      changed: ['居民户数'],
    });
    expect(of('progress.record')).toMatchObject([{ target: `${id}/2026-11` }]);
    // Where from, though no service is handed the request (request-context.ts).
    for (const action of ['community.create', 'community.update', 'progress.record'])
      expect(of(action)[0], action).toMatchObject({ ip: '127.0.0.1' });
  });

  it('filters and exports by days of China time, as the pages show them', async () => {
    // 23:59:59 on 1 March and 00:00:00 on 2 March, China time
    for (const at of ['2031-03-01T15:59:59.000Z', '2031-03-01T16:00:00.000Z'])
      await insertAudit(
        ctx.db.db,
        { action: 'test.midnight' as AuditAction, target: at },
        new Date(at),
      );
    const on = async (from: string, to: string) =>
      (await u.audit_admin.get(`/api/audit?action=test.midnight&from=${from}&to=${to}`))
        .json()
        .items.map((i: { target: string }) => i.target);
    expect(await on('2031-03-01', '2031-03-01')).toEqual(['2031-03-01T15:59:59.000Z']);
    expect(await on('2031-03-02', '2031-03-02')).toEqual(['2031-03-01T16:00:00.000Z']);
    expect(await on('2031-03-01', '2031-03-02')).toHaveLength(2);
    const bad = await u.audit_admin.get('/api/audit?from=2031-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('日期不正确：2031-02-30');

    const csv = (await u.audit_admin.get('/api/audit.csv?action=test.midnight')).body;
    expect(csv).toContain('时间（北京时间）');
    expect(csv).toContain('2031-03-02T00:00:00.000+08:00');
    expect(csv).toContain('2031-03-01T23:59:59.000+08:00');
  });

  it('the security administrator manages accounts; the audit administrator cannot', async () => {
    const body = {
      username: 'new_county',
      displayName: '新用户',
      regionCode: '460106',
      roles: ['county'],
      password: 'Gaizao-Strong-2026!',
    };
    expect((await u.audit_admin.send('POST', '/api/users', body)).statusCode).toBe(403);
    expect((await u.audit_admin.get('/api/users')).statusCode).toBe(403);
    const made = await u.security_admin.send('POST', '/api/users', body);
    expect(made.statusCode, made.body).toBe(201);
  });
});
