// Password policy shared by the server (enforced) and the web forms (hinted and pre-checked).

export const PASSWORD_MIN_LENGTH = 10;

/** The policy as users read it next to a password field. */
export const PASSWORD_POLICY_HINT = `至少${PASSWORD_MIN_LENGTH}位，须同时包含字母和数字`;

/** Returns a Chinese message saying what is wrong, or null when the password is acceptable. */
export function checkPasswordPolicy(pw: string): string | null {
  // Count code points, not UTF-16 units, so the rule reads the same to a person.
  if ([...pw].length < PASSWORD_MIN_LENGTH) return `密码长度至少为${PASSWORD_MIN_LENGTH}位`;
  if (!/[A-Za-z]/.test(pw)) return '密码须包含至少一个英文字母';
  if (!/[0-9]/.test(pw)) return '密码须包含至少一个数字';
  return null;
}
