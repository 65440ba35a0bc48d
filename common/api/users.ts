// The account administration's routes: the list of users, a new user, a change to one.
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { DISPLAY_NAME_MAX, USERNAME_HINT, USERNAME_PATTERN } from '../users.ts';
import { rowInt, rowIntParam } from './row-int.ts';

const role = z.enum(ROLES);

export const user = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  region: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
  disabled: z.boolean(),
  version: z.number(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserItem = z.infer<typeof user>;

export const userList = z.object({ items: z.array(user), total: z.number() });
export type UserList = z.infer<typeof userList>;

export const userListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type UserQuery = z.infer<typeof userListQuery>;

export const username = z.string().trim().regex(USERNAME_PATTERN, USERNAME_HINT);
const roles = z
  .array(role)
  .min(1, '至少选择一个角色')
  .max(ROLES.length)
  .transform((r) => [...new Set(r)]);

export const newUser = z.object({
  username,
  displayName: z.string().trim().min(1, '请填写姓名').max(DISPLAY_NAME_MAX),
  password: z.string().max(200),
  roles,
  regionCode: z.string().trim().min(1, '请选择所属区划').max(6),
});
export type NewUser = z.infer<typeof newUser>;

export const userPatch = z.object({
  version: rowInt(),
  displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX).optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(200).optional(),
});
export type UserPatch = z.infer<typeof userPatch>;

export const userIdParam = z.object({ id: rowIntParam() });
