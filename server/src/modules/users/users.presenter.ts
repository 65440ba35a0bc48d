/** What leaves the server about a user: never the password hash. */
import type { Kysely } from 'kysely';
import type { Me, PasswordChange } from '../../../../common/api/auth.ts';
import type { UserItem } from '../../../../common/api/users.ts';
import type { Database } from '../../db/schema.ts';
import { fullName, regionTrail, trailsByPath } from '../regions/regions.service.ts';
import { getRegion } from '../regions/regions.repository.ts';
import type { UserWithRegion } from './users.repository.ts';

export async function presentUsers(
  db: Kysely<Database>,
  users: UserWithRegion[],
): Promise<UserItem[]> {
  const trails = await trailsByPath(
    db,
    users.map((u) => u.region_path),
  );
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    region: {
      code: u.region_code,
      name: u.region_name,
      fullName: fullName(trails.get(u.region_path)!),
    },
    disabled: u.disabled === 1,
    version: u.version,
    lastLoginAt: u.last_login_at,
    createdAt: u.created_at,
  }));
}

export async function presentMe(
  db: Kysely<Database>,
  u: UserWithRegion,
  csrfToken: string,
  passwordChange: PasswordChange = null,
): Promise<Me> {
  const region = await getRegion(db, u.region_code);
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    region: {
      code: region.code,
      name: region.name,
      level: region.level,
      kind: region.kind,
      path: await regionTrail(db, region),
    },
    passwordChange,
    lang: u.lang === 'en' || u.lang === 'zh' ? u.lang : null,
    csrfToken,
  };
}
