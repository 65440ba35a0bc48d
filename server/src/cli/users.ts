/** `gaizao users add|list|disable`: accounts without the browser, as the system administrator. */
import { randomBytes } from 'node:crypto';
import { isRole, ROLE_LABELS, type Role } from '../../../common/roles.ts';
import { openDatabase } from '../bootstrap.ts';
import { listUsersWithin } from '../modules/users/users.repository.ts';
import { CLI_SECURITY_ACTOR, createUser, disableUser } from '../modules/users/users.service.ts';
import { findRegion } from '../modules/regions/regions.repository.ts';
import { notFound } from '../errors.ts';
import { databaseUrl, parse } from './options.ts';
import { UsageError } from './usage-error.ts';

export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parse(rest, {
    username: { type: 'string' },
    name: { type: 'string' },
    region: { type: 'string' },
    role: { type: 'string' },
    password: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (sub !== 'add' && sub !== 'list' && sub !== 'disable')
    throw new UsageError(`未知的 users 子命令：${sub ?? '(空)'}`);
  const db = await openDatabase(databaseUrl(values.db));
  try {
    if (sub === 'add') {
      if (!values.username || !values.region || !values.role)
        throw new UsageError('users add 需要 --username、--region 和 --role');
      const roles = values.role.split(',').map((r) => r.trim());
      const bad = roles.filter((r) => !isRole(r));
      if (bad.length)
        throw new UsageError(
          `未知角色：${bad.join('、')}（可选：${Object.keys(ROLE_LABELS).join('、')}）`,
        );
      const generated = !values.password;
      const password = values.password ?? `Gz${randomBytes(9).toString('base64url')}7`;
      const u = await createUser(db.db, CLI_SECURITY_ACTOR, {
        username: values.username,
        displayName: values.name ?? values.username,
        password,
        roles: roles as Role[],
        regionCode: values.region,
      });
      console.log(
        `已创建用户 ${u.username}（${u.region_name}，${u.roles.map((r) => ROLE_LABELS[r]).join('、')}）`,
      );
      if (generated) console.log(`初始密码：${password}  （首次登录时须修改）`);
      else console.log('这是初始密码：该用户首次登录时须修改。');
    } else if (sub === 'list') {
      let scope = '/000000/';
      if (values.region) {
        const region = await findRegion(db.db, values.region);
        if (!region) throw notFound(`区划 ${values.region}`);
        scope = region.path;
      }
      const { items } = await listUsersWithin(db.db, scope, { offset: 0, limit: 100_000 });
      if (values.json)
        console.log(
          JSON.stringify(
            items.map((u) => ({
              username: u.username,
              displayName: u.display_name,
              region: u.region_code,
              roles: u.roles,
              disabled: u.disabled === 1,
            })),
          ),
        );
      else
        for (const u of items)
          console.log(
            [
              u.username,
              u.display_name,
              `${u.region_code} ${u.region_name}`,
              u.roles.join(','),
              u.disabled ? '已停用' : '正常',
            ].join('\t'),
          );
    } else {
      if (!values.username) throw new UsageError('users disable 需要 --username');
      await disableUser(db.db, CLI_SECURITY_ACTOR, values.username);
      console.log(`已停用用户 ${values.username}`);
    }
    return 0;
  } finally {
    await db.destroy();
  }
}
