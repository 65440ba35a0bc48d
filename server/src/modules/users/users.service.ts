/** Account use cases, shared by the HTTP API and the command line. */
import type { Kysely } from 'kysely';
import { checkPasswordPolicy } from '../../../../common/password.ts';
import type { NewUser, UserPatch } from '../../../../common/api/users.ts';
import type { Role } from '../../../../common/roles.ts';
import { ROLE_LABELS } from '../../../../common/roles.ts';
import type { Database } from '../../db/schema.ts';
import { rolesAllowedAt, type Actor } from '../../domain/actor.ts';
import type { RegionLevel } from '../../domain/regions.ts';
import { conflict, forbidden, notFound, validation } from '../../errors.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { deleteUserSessions } from '../auth/auth.repository.ts';
import { hashPassword } from '../auth/password.ts';
import { findRegion } from '../regions/regions.repository.ts';
import * as repo from './users.repository.ts';
import {
  administratorConflict,
  canChangeRolesOf,
  canManageUsers,
  canSeeUserAt,
} from './users.policy.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

/** The system itself, for the command line run by whoever holds the server: the whole country. */
export const SYSTEM_ACTOR: Actor = {
  userId: 0,
  username: 'system',
  roles: ['admin'],
  regionCode: '000000',
  regionPath: '/000000/',
  regionLevel: 'country',
};

/**
 * The command line's `users` commands: whoever runs them on the server acts as the security
 * administrator (三员分立: accounts are that role's work, not the system administrator's).
 */
export const CLI_SECURITY_ACTOR: Actor = {
  ...SYSTEM_ACTOR,
  roles: ['security_admin'],
};

function requireManager(actor: Actor): void {
  if (!canManageUsers(actor))
    throw forbidden('只有安全管理员可以管理用户（三员分立：系统管理员与审计管理员不管理账号）');
}

export async function listUsers(
  db: Kysely<Database>,
  actor: Actor,
  opts: { q?: string; page: number; pageSize: number },
) {
  requireManager(actor);
  return repo.listUsersWithin(db, actor.regionPath, {
    q: opts.q,
    offset: (opts.page - 1) * opts.pageSize,
    limit: opts.pageSize,
  });
}

const labels = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

/** 三员分立: an administrator role is its account's only role (users.policy.ts). */
function checkSeparationOfDuties(roles: Role[]): void {
  const clash = administratorConflict(roles);
  if (!clash) return;
  const { administrators, others } = clash;
  const message =
    administrators.length > 1
      ? `三员分立：${labels(administrators)}不能由同一账号兼任，每个账号只能担任其中一个`
      : `三员分立：${labels(administrators)}不能兼任其他角色（${labels(others)}）`;
  throw validation(message, [
    {
      path: 'roles',
      message: '系统管理员、安全管理员、审计管理员只能单独设置，不能与其他角色同时设置',
    },
  ]);
}

async function checkRolesAt(db: Kysely<Database>, actor: Actor, regionCode: string, roles: Role[]) {
  const region = await findRegion(db, regionCode);
  if (!region || !canSeeUserAt(actor, region.path)) throw notFound(`区划 ${regionCode} `);
  checkSeparationOfDuties(roles);
  const allowed = rolesAllowedAt(region.level as RegionLevel, region.is_ledger_unit === 1);
  const wrong = roles.filter((r) => !allowed.includes(r));
  if (wrong.length)
    throw validation(
      `角色与所属区划不符：${region.name}不能设置${wrong.map((r) => ROLE_LABELS[r]).join('、')}`,
      [
        {
          path: 'roles',
          message: `${region.name}可设置的角色：${allowed.map((r) => ROLE_LABELS[r]).join('、')}`,
        },
      ],
    );
  return region;
}

function checkPassword(password: string, username: string): void {
  const problem = checkPasswordPolicy(password, username);
  if (problem) throw validation(problem, [{ path: 'password', message: problem }]);
}

export async function createUser(
  db: Kysely<Database>,
  actor: Actor,
  input: NewUser,
  now = new Date(),
) {
  requireManager(actor);
  checkPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await checkRolesAt(trx, actor, input.regionCode, input.roles);
    const taken = () =>
      conflict('DUPLICATE_NAME', `用户名“${input.username}”已存在`, {
        details: [{ path: 'username', message: '用户名已存在' }],
      });
    if (await repo.findUserByUsername(trx, input.username)) throw taken();
    // The same name created at once by another request: its unique key says so, in these words.
    const id = await repo
      .insertUser(trx, { ...input, passwordHash, now, mustChangePassword: true })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? taken() : e;
      });
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'user.create',
        target: input.username,
        detail: { roles: input.roles, regionCode: input.regionCode },
      },
      now,
    );
    return (await repo.findUserById(trx, id))!;
  });
}

export type { UserPatch };

/** The same set of roles (the edit form sends the roles with every change of the name). */
const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  patch: UserPatch,
  now = new Date(),
) {
  requireManager(actor);
  const passwordHash =
    patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return db.transaction().execute(async (trx) => {
    const user = await repo.findUserById(trx, id);
    if (!user || !canSeeUserAt(actor, user.region_path)) throw notFound('用户');
    if (patch.password !== undefined) checkPassword(patch.password, user.username);
    if (patch.disabled && user.id === actor.userId)
      throw validation('不能停用自己的账号', [{ path: 'disabled', message: '不能停用自己' }]);
    if (patch.roles && !sameRoles(patch.roles, user.roles) && !canChangeRolesOf(actor, user.id))
      throw forbidden('不能修改自己账号的角色（三员分立：须由另一名安全管理员修改）');
    if (patch.roles) await checkRolesAt(trx, actor, user.region_code, patch.roles);
    const ok = await repo.updateUser(
      trx,
      id,
      patch.version,
      {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        // A password an administrator sets is an initial one: the user changes it at next login.
        ...(passwordHash
          ? {
              password_hash: passwordHash,
              must_change_password: 1,
              password_changed_at: now.toISOString(),
            }
          : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
      },
      now,
    );
    if (!ok) {
      // Read again: the version that won, not the one this request read before it lost.
      const current = (await repo.findUserById(trx, id))?.version ?? user.version;
      throw conflict(
        'STALE_VERSION',
        `用户“${user.username}”已被他人修改（当前版本 ${current}），请刷新后重试`,
        { extra: { currentVersion: current } },
      );
    }
    if (patch.roles) await repo.replaceRoles(trx, id, patch.roles);
    if (patch.disabled || passwordHash) await deleteUserSessions(trx, id);
    const changed = Object.keys(patch).filter((k) => k !== 'version' && k !== 'password');
    await insertAudit(
      trx,
      {
        actorUserId: actor.userId || null,
        actorUsername: actor.username,
        action: 'user.update',
        target: user.username,
        detail: { changed, passwordReset: passwordHash !== undefined },
      },
      now,
    );
    return (await repo.findUserById(trx, id))!;
  });
}

/** For the command line: disable by username. */
export async function disableUser(
  db: Kysely<Database>,
  actor: Actor,
  username: string,
  now = new Date(),
) {
  const user = await repo.findUserByUsername(db, username);
  if (!user || !canSeeUserAt(actor, user.region_path)) throw notFound('用户');
  return updateUser(db, actor, user.id, { version: user.version, disabled: true }, now);
}
