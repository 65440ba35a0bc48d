// Password policy shared by the server (enforced) and the web forms (hinted and pre-checked):
// at least 10 characters from at least three of upper case, lower case, digits and symbols; not
// containing the username; not one of the common passwords of common-passwords.ts.
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

/** The policy as users read it next to a password field. */
export const PASSWORD_POLICY_HINT = `至少${PASSWORD_MIN_LENGTH}位，须包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名，不能是常见密码`;

const COMMON = new Set(COMMON_PASSWORDS.map((p) => p.toLowerCase()));

/** How many of upper case, lower case, digits and symbols (anything else, 汉字 included) it has. */
export function characterClasses(pw: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** Returns a Chinese message saying what is wrong, or null when the password is acceptable. */
export function checkPasswordPolicy(pw: string, username?: string): string | null {
  // Count code points, not UTF-16 units, so the rule reads the same to a person.
  if ([...pw].length < PASSWORD_MIN_LENGTH) return `密码长度至少为${PASSWORD_MIN_LENGTH}位`;
  if (characterClasses(pw) < PASSWORD_MIN_CLASSES)
    return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && pw.toLowerCase().includes(name)) return '密码不能包含用户名';
  if (COMMON.has(pw.toLowerCase())) return '该密码过于常见，容易被猜中，请换一个';
  return null;
}
