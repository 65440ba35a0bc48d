// Limits of a user account's fields, used by the server's schemas (common/api/users.ts) and
// the web forms.

export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,32}$/;
export const USERNAME_HINT = '用户名为3–32位字母、数字、下划线、点或连字符';
export const DISPLAY_NAME_MAX = 50;
