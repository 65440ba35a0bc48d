// Limits of a user account's fields, for the web forms. They mirror the server's zod schemas
// (server/src/modules/users/users.schemas.ts), which could import them from here.

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
export const USERNAME_HINT = '用户名为3–32位字母、数字、下划线、点或连字符';
export const DISPLAY_NAME_MAX = 50;
