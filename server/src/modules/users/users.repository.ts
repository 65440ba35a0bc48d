/** All SQL about accounts. */
import type { Kysely } from 'kysely';
import type { Role } from '../../../../common/roles.ts';
import type { Database, UserRow } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';

export type UserWithRegion = UserRow & {
  region_name: string;
  region_path: string;
  region_level: string;
  roles: Role[];
};

async function withRoles(
  db: Kysely<Database>,
  users: (UserRow & { region_name: string; region_path: string; region_level: string })[],
): Promise<UserWithRegion[]> {
  if (!users.length) return [];
  const roles = await db
    .selectFrom('user_roles')
    .selectAll()
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .execute();
  return users.map((u) => ({
    ...u,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => r.role as Role)
      .sort(),
  }));
}

const base = (db: Kysely<Database>) =>
  db
    .selectFrom('users as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .selectAll('u')
    .select(['r.name as region_name', 'r.path as region_path', 'r.level as region_level']);

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserWithRegion | undefined> {
  const row = await base(db).where('u.username', '=', username).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function findUserById(
  db: Kysely<Database>,
  id: number,
): Promise<UserWithRegion | undefined> {
  const row = await base(db).where('u.id', '=', id).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function listUsersWithin(
  db: Kysely<Database>,
  scopePath: string,
  opts: { q?: string; offset: number; limit: number },
): Promise<{ items: UserWithRegion[]; total: number }> {
  let q = base(db).where((e) => underPath(e, 'r.path', scopePath));
  if (opts.q) {
    const like = `%${opts.q}%`;
    q = q.where((e) =>
      e.or([
        e('u.username', 'like', like),
        e('u.display_name', 'like', like),
        e('r.name', 'like', like),
      ]),
    );
  }
  const total = Number(
    (
      await q
        .clearSelect()
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const rows = await q
    .orderBy('r.path')
    .orderBy('u.username')
    .offset(opts.offset)
    .limit(opts.limit)
    .execute();
  return { items: await withRoles(db, rows), total };
}

export async function insertUser(
  db: Kysely<Database>,
  u: {
    username: string;
    displayName: string;
    passwordHash: string;
    regionCode: string;
    roles: Role[];
    now: Date;
    /** An administrator chose the password: the user must change it at first login. */
    mustChangePassword?: boolean;
  },
): Promise<number> {
  const at = u.now.toISOString();
  const { id } = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      region_code: u.regionCode,
      disabled: 0,
      version: 1,
      created_at: at,
      updated_at: at,
      last_login_at: null,
      must_change_password: u.mustChangePassword ? 1 : 0,
      password_changed_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_roles')
    .values(u.roles.map((role) => ({ user_id: id, role })))
    .execute();
  return id;
}

/** Optimistic update: true if the row was at `version` and is now at version + 1. */
export async function updateUser(
  db: Kysely<Database>,
  id: number,
  version: number,
  patch: {
    display_name?: string;
    password_hash?: string;
    disabled?: number;
    must_change_password?: number;
    password_changed_at?: string;
  },
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ ...patch, version: version + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceRoles(db: Kysely<Database>, id: number, roles: Role[]): Promise<void> {
  await db.deleteFrom('user_roles').where('user_id', '=', id).execute();
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: id, role })))
    .execute();
}

export async function setLastLogin(db: Kysely<Database>, id: number, now: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ last_login_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}

/** The user's own new password: no longer one to change, and its age starts now. */
export async function setOwnPassword(
  db: Kysely<Database>,
  id: number,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: 0,
      password_changed_at: now.toISOString(),
      version: eb('version', '+', 1),
      updated_at: now.toISOString(),
    }))
    .where('id', '=', id)
    .execute();
}

/** The display name and unit of each of `usernames` that is an account. */
export async function namesOf(db: Kysely<Database>, usernames: readonly string[]) {
  if (!usernames.length) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('regions as r', 'r.code', 'u.region_code')
    .select(['u.username', 'u.display_name', 'r.name as region_name', 'r.level as region_level'])
    .where('u.username', 'in', [...new Set(usernames)])
    .execute();
}

/** The interface language a user chose; touches nothing else (not the row's version). */
export async function setUserLang(
  db: Kysely<Database>,
  id: number,
  lang: 'zh' | 'en',
): Promise<void> {
  await db.updateTable('users').set({ lang }).where('id', '=', id).execute();
}
