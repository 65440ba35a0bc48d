import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { listAudit } from '../audit/audit.repository.ts';

const goodUser = {
  username: 'jiangan1',
  displayName: '江岸区住建局',
  password: 'jiangan-2026',
  roles: ['county'],
  regionCode: '420102',
};

describeEachEngine('users API', (ctx) => {
  let app: App;
  let cityAdmin: Client;
  let city: Client;
  let otherCityId: number;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'whadmin', '420100', ['security_admin']);
    await addUser(ctx.db.db, 'wuhan', '420100', ['city']);
    otherCityId = await addUser(ctx.db.db, 'huangshi', '420200', ['city']);
    cityAdmin = await loginAs(app, 'whadmin');
    city = await loginAs(app, 'wuhan');
  });
  afterAll(() => app.close());

  it('lists only the users of the administrator’s subtree', async () => {
    const res = await cityAdmin.get('/api/users');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['whadmin', 'wuhan']));
    expect(names).not.toContain('huangshi');
    expect(res.json().items[0]).not.toHaveProperty('passwordHash');
    expect(
      res.json().items.find((u: { username: string }) => u.username === 'wuhan').region.fullName,
    ).toBe('湖北省武汉市');
  });

  it('refuses user management to a non-administrator with 403', async () => {
    expect((await city.get('/api/users')).statusCode).toBe(403);
    expect((await city.send('POST', '/api/users', goodUser)).statusCode).toBe(403);
  });

  it('leaves accounts to the security administrator alone (三员分立)', async () => {
    await addUser(ctx.db.db, 'sysadmin', '000000', ['admin']);
    await addUser(ctx.db.db, 'auditor1', '000000', ['audit_admin']);
    for (const name of ['sysadmin', 'auditor1']) {
      const other = await loginAs(app, name);
      expect((await other.get('/api/users')).statusCode, name).toBe(403);
      const create = await other.send('POST', '/api/users', { ...goodUser, username: `x${name}` });
      expect(create.statusCode, name).toBe(403);
      expect(create.json().error.message).toMatch(/安全管理员/);
    }
  });

  it('creates one account of a name asked for twelve times at once; the others are told it exists', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        cityAdmin.send('POST', '/api/users', { ...goodUser, username: 'twelve_at_once' }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect(a.statusCode).toBe(409);
      expect(a.json().error.message).toBe('用户名“twelve_at_once”已存在');
    }
  });

  it('answers 404 for a user or region outside the subtree', async () => {
    const patch = await cityAdmin.send('PATCH', `/api/users/${otherCityId}`, {
      version: 1,
      disabled: true,
    });
    expect(patch.statusCode).toBe(404);
    const create = await cityAdmin.send('POST', '/api/users', {
      ...goodUser,
      username: 'hs1',
      regionCode: '420202',
    });
    expect(create.statusCode).toBe(404);
  });

  it('validates with Chinese messages naming the field', async () => {
    const weak = await cityAdmin.send('POST', '/api/users', { ...goodUser, password: 'short1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({
      message: '密码长度至少为10位',
      details: [{ path: 'password' }],
    });
    const noDigit = await cityAdmin.send('POST', '/api/users', {
      ...goodUser,
      password: 'abcdefghijkl',
    });
    expect(noDigit.json().error.message).toMatch(/数字/);
    const role = await cityAdmin.send('POST', '/api/users', { ...goodUser, roles: ['province'] });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.message).toMatch(/角色与所属区划不符/);
    const badRole = await cityAdmin.send('POST', '/api/users', { ...goodUser, roles: ['king'] });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details[0].path).toBe('roles.0');
    const badName = await cityAdmin.send('POST', '/api/users', { ...goodUser, username: 'a b' });
    expect(badName.json().error.details[0]).toMatchObject({
      path: 'username',
      message: expect.stringMatching(/用户名/),
    });
  });

  it('creates a user who can log in, refuses a duplicate, and detects a stale edit', async () => {
    const res = await cityAdmin.send('POST', '/api/users', goodUser);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      username: 'jiangan1',
      roles: ['county'],
      region: { code: '420102', fullName: '湖北省武汉市江岸区' },
      version: 1,
      disabled: false,
    });
    expect((await loginAs(app, 'jiangan1', 'jiangan-2026')).csrf).toBeTruthy();
    const taken = await cityAdmin.send('POST', '/api/users', goodUser);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.subCode).toBe('DUPLICATE_NAME');

    const first = await cityAdmin.send('PATCH', `/api/users/${created.id}`, {
      version: 1,
      displayName: '江岸区住房和城乡建设局',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await cityAdmin.send('PATCH', `/api/users/${created.id}`, {
      version: 1,
      displayName: '覆盖',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ subCode: 'STALE_VERSION', currentVersion: 2 });
    expect(stale.json().error.message).toMatch(/已被他人修改/);
  });

  it('disabling a user ends their sessions and blocks login; resetting a password requires the policy', async () => {
    const res = await cityAdmin.send('POST', '/api/users', { ...goodUser, username: 'temp1' });
    const u = res.json();
    const session = await loginAs(app, 'temp1', 'jiangan-2026');
    expect(
      (await cityAdmin.send('PATCH', `/api/users/${u.id}`, { version: 1, password: 'short' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await cityAdmin.send('PATCH', `/api/users/${u.id}`, { version: 1, disabled: true }))
        .statusCode,
    ).toBe(200);
    expect((await session.get('/api/me')).statusCode).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'temp1', password: 'jiangan-2026' },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.message).toMatch(/停用/);
    expect((await listAudit(ctx.db.db, 'user.update')).length).toBeGreaterThan(0);
  });

  it('gives the national recipients (国家发展改革委, 财政部) accounts at the country only', async () => {
    await addUser(ctx.db.db, 'secadmin', '000000', ['security_admin']);
    const admin = await loginAs(app, 'secadmin');
    for (const role of ['ndrc_national', 'mof']) {
      const atCountry = await admin.send('POST', '/api/users', {
        ...goodUser,
        username: `n_${role}`,
        regionCode: '000000',
        roles: [role],
      });
      expect(atCountry.statusCode, role).toBe(201);
      const atProvince = await admin.send('POST', '/api/users', {
        ...goodUser,
        username: `p_${role}`,
        regionCode: '420000',
        roles: [role],
      });
      expect(atProvince.statusCode, role).toBe(400);
      expect(atProvince.json().error.message).toMatch(
        /角色与所属区划不符：湖北省不能设置(国家发展改革委|财政部)/,
      );
    }
  });

  it('keeps the three administrators apart (三员分立): one administrator role an account, and no one changes their own', async () => {
    const securityId = await addUser(ctx.db.db, 'sep_security', '000000', ['security_admin']);
    const auditorId = await addUser(ctx.db.db, 'sep_auditor', '000000', ['audit_admin']);
    const security = await loginAs(app, 'sep_security');
    const rolesOf = async (id: number) =>
      (await ctx.db.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute())
        .map((r) => r.role)
        .sort();

    // Its own account: not even one role more, nor another administrator role instead.
    for (const roles of [
      ['security_admin', 'audit_admin'],
      ['security_admin', 'admin'],
      ['audit_admin'],
    ]) {
      const own = await security.send('PATCH', `/api/users/${securityId}`, { version: 1, roles });
      expect(own.statusCode, roles.join()).toBe(403);
      expect(own.json().error.message).toBe(
        '不能修改自己账号的角色（三员分立：须由另一名安全管理员修改）',
      );
    }
    expect(await rolesOf(securityId)).toEqual(['security_admin']);
    expect((await security.get('/api/audit?pageSize=1')).statusCode).toBe(403);
    expect((await security.get('/api/communities?pageSize=1')).statusCode).toBe(403);
    // Its own name, with the roles as they are (the edit form sends them): still allowed.
    const renamed = await security.send('PATCH', `/api/users/${securityId}`, {
      version: 1,
      displayName: '安全管理员（国家）',
      roles: ['security_admin'],
    });
    expect(renamed.statusCode).toBe(200);

    // Another account: never two administrator roles, nor one beside another role.
    const both = await security.send('PATCH', `/api/users/${auditorId}`, {
      version: 1,
      roles: ['audit_admin', 'admin'],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().error).toMatchObject({
      message: '三员分立：系统管理员、审计管理员不能由同一账号兼任，每个账号只能担任其中一个',
      details: [{ path: 'roles' }],
    });
    const withWork = await security.send('PATCH', `/api/users/${auditorId}`, {
      version: 1,
      roles: ['audit_admin', 'ministry'],
    });
    expect(withWork.statusCode).toBe(400);
    expect(withWork.json().error.message).toBe(
      '三员分立：审计管理员不能兼任其他角色（住房和城乡建设部）',
    );
    expect(await rolesOf(auditorId)).toEqual(['audit_admin']);
    const created = await security.send('POST', '/api/users', {
      ...goodUser,
      username: 'escalate2',
      regionCode: '000000',
      roles: ['security_admin', 'audit_admin'],
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.message).toMatch(
      /^三员分立：安全管理员、审计管理员不能由同一账号兼任/,
    );
    const adminAtCounty = await cityAdmin.send('POST', '/api/users', {
      ...goodUser,
      username: 'escalate3',
      roles: ['county', 'admin'],
    });
    expect(adminAtCounty.statusCode).toBe(400);
    expect(adminAtCounty.json().error.message).toBe(
      '三员分立：系统管理员不能兼任其他角色（区县住建部门）',
    );
    const stored = await ctx.db.db
      .selectFrom('users')
      .select('username')
      .where('username', 'in', ['escalate2', 'escalate3'])
      .execute();
    expect(stored).toEqual([]);

    // One administrator role alone, by another security administrator: allowed. Business roles
    // still combine where the region allows them.
    const moved = await security.send('PATCH', `/api/users/${auditorId}`, {
      version: 1,
      roles: ['admin'],
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().roles).toEqual(['admin']);
    for (const [username, regionCode, roles] of [
      ['xiantao1', '429004', ['city', 'county']],
      ['hubei1', '420000', ['province', 'province_ndrc']],
    ] as const) {
      const res = await security.send('POST', '/api/users', {
        ...goodUser,
        username,
        regionCode,
        roles,
      });
      expect(res.statusCode, username).toBe(201);
    }
  });

  it('does not let an administrator disable their own account', async () => {
    const me = (await cityAdmin.get('/api/me')).json();
    const res = await cityAdmin.send('PATCH', `/api/users/${me.id}`, {
      version: 1,
      disabled: true,
    });
    expect(res.statusCode).toBe(400);
  });

  it('keeps each user’s interface language with the account, and only theirs', async () => {
    expect((await city.get('/api/me')).json().lang).toBeNull();
    expect((await city.send('PUT', '/api/me/lang', { lang: 'en' })).statusCode).toBe(204);
    // Another login of the same account (another browser) reads it; another account does not.
    expect((await (await loginAs(app, 'wuhan')).get('/api/me')).json().lang).toBe('en');
    expect((await cityAdmin.get('/api/me')).json().lang).toBeNull();
    const bad = await city.send('PUT', '/api/me/lang', { lang: 'fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'lang' });
    expect(bad.json().error.details[0].message).toMatch(/zh（中文）或 en（英文）/);
    // Without a session, or without the CSRF token, nothing changes.
    const anonymous = await app.inject({
      method: 'PUT',
      url: '/api/me/lang',
      payload: { lang: 'zh' },
    });
    expect(anonymous.statusCode).toBe(401);
    const forged = await app.inject({
      method: 'PUT',
      url: '/api/me/lang',
      headers: { cookie: city.cookie },
      payload: { lang: 'zh' },
    });
    expect(forged.statusCode).toBe(403);
    expect((await city.get('/api/me')).json().lang).toBe('en');
  });
});
