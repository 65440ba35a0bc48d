// The session's routes: log in and out, who is logged in (/api/me), the user's own password and
// interface language.
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { REGION_LEVELS } from '../regions.ts';
import { trailItem } from './regions.ts';

export const me = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  region: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    kind: z.string(),
    path: z.array(trailItem).describe('从省级到本级的区划（全国级用户为［全国］）'),
  }),
  csrfToken: z.string().describe('状态变更请求须在 X-CSRF-Token 头中携带'),
  lang: z.enum(['zh', 'en']).nullable().describe('用户选定的界面语言，未选为空'),
  passwordChange: z
    .enum(['PASSWORD_INITIAL', 'PASSWORD_EXPIRED'])
    .nullable()
    .describe('不为空时须先修改密码（初始密码或已过期），其他接口答 403 PASSWORD_CHANGE_REQUIRED'),
});
export type Me = z.infer<typeof me>;
export type PasswordChange = Me['passwordChange'];
export type Lang = NonNullable<Me['lang']>;

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const loginAnswer = z.object({ user: me });
export type LoginAnswer = z.infer<typeof loginAnswer>;

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(200),
  newPassword: z.string().min(1, '请输入新密码').max(200),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBody>;

export const langChoice = z.object({
  lang: z.enum(['zh', 'en'], { error: '界面语言只能是 zh（中文）或 en（英文）' }),
});
export type LangChoice = z.infer<typeof langChoice>;
