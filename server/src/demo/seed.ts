/**
 * The demo: a province (海南省, the province of ../shared/samples) and one account per level, all
 * with the password gaizao-demo. Only `serve --demo` (npm start) seeds, and only an empty database.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../../common/roles.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { insertUser } from '../modules/users/users.repository.ts';

export const DEMO_PASSWORD = 'gaizao-demo';
export const DEMO_PROVINCE = '460000';

export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
}[] = [
  { username: 'admin', displayName: '系统管理员', regionCode: '000000', roles: ['admin'] },
  {
    username: 'ministry',
    displayName: '住房和城乡建设部城市建设司',
    regionCode: '000000',
    roles: ['ministry'],
  },
  {
    username: 'province',
    displayName: '海南省住房和城乡建设厅',
    regionCode: DEMO_PROVINCE,
    roles: ['province'],
  },
  {
    username: 'city',
    displayName: '海口市住房和城乡建设局',
    regionCode: '460100',
    roles: ['city'],
  },
  {
    username: 'county',
    displayName: '海口市龙华区住房和城乡建设局',
    regionCode: '460106',
    roles: ['county'],
  },
];

/** Seeds the demo accounts if the database has no users yet; returns whether it did. */
export async function seedDemo(db: Kysely<Database>, now = new Date()): Promise<boolean> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  // The demo password is shorter than the policy on purpose (issue 2 names it): it is set here,
  // not through createUser, which enforces the policy for every real account.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of DEMO_ACCOUNTS) await insertUser(trx, { ...a, passwordHash, now });
  });
  return true;
}
