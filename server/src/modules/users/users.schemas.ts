import { z } from 'zod';
import { ROLES } from '../../../../common/roles.ts';

const role = z.enum(ROLES);
const trailItem = z.object({ code: z.string(), name: z.string() });

export const me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  region: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['country', 'province', 'prefecture', 'county']),
    kind: z.string(),
    path: z.array(trailItem),
  }),
  csrfToken: z.string().describe('状态变更请求须在 X-CSRF-Token 头中携带'),
  lang: z.enum(['zh', 'en']).nullable().describe('用户选定的界面语言，未选为空'),
  passwordChange: z
    .enum(['PASSWORD_INITIAL', 'PASSWORD_EXPIRED'])
    .nullable()
    .describe('不为空时须先修改密码（初始密码或已过期），其他接口答 403 PASSWORD_CHANGE_REQUIRED'),
});

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

export const userList = z.object({ items: z.array(user), total: z.number() });

export const userListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为3–32位字母、数字、下划线、点或连字符');
const roles = z
  .array(role)
  .min(1, '至少选择一个角色')
  .max(ROLES.length)
  .transform((r) => [...new Set(r)]);

export const newUser = z.object({
  username,
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  password: z.string().max(200),
  roles,
  regionCode: z.string().trim().min(1, '请选择所属区划').max(6),
});

export const userPatch = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(50).optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
  password: z.string().max(200).optional(),
});

export const userIdParam = z.object({ id: z.coerce.number().int().min(1) });

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

export const langChoice = z.object({
  lang: z.enum(['zh', 'en'], { error: '界面语言只能是 zh（中文）或 en（英文）' }),
});
