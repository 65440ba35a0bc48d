import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.ts';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password.ts';

describe('checkPasswordPolicy', () => {
  it.each([
    ['abc123', false],
    ['abcdefghij', false],
    ['1234567890', false],
    ['abcdefghi1', false], // two classes
    ['aaaaaaaaa1', false], // issue 10: two classes
    ['Password12', false], // issue 10: three classes, but common
    ['county12345', false], // issue 10
    ['P@ssw0rd12', false], // common
    ['Ab1-short', false], // nine characters
    ['Tq7-rnvx-Lw', true],
    ['horse-battery-9', true],
    ['改造改造改造改造改造1a', true], // 汉字 count as symbols
    ['改造改造改造改造改造12', false],
  ])('%s → acceptable: %s', (pw, ok) => {
    expect(checkPasswordPolicy(pw) === null).toBe(ok);
  });

  it('refuses a password containing the username, whatever the case', () => {
    expect(checkPasswordPolicy('Xq-County-77', 'county')).toBe('密码不能包含用户名');
    expect(checkPasswordPolicy('Xq-Haikou-77', 'county')).toBeNull();
  });

  it('refuses every common password that would otherwise pass', () => {
    for (const pw of COMMON_PASSWORDS) expect(checkPasswordPolicy(pw), pw).not.toBeNull();
  });

  it('names the minimum length in its message', () => {
    expect(checkPasswordPolicy('a1')).toContain(String(PASSWORD_MIN_LENGTH));
  });
});
