import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password.ts';

describe('checkPasswordPolicy', () => {
  it.each([
    ['abc123', false],
    ['abcdefghij', false],
    ['1234567890', false],
    ['abcdefghi1', true],
    ['改造改造改造改造改造1a', true],
    ['改造改造改造改造改造12', false],
  ])('%s → acceptable: %s', (pw, ok) => {
    expect(checkPasswordPolicy(pw) === null).toBe(ok);
  });

  it('names the minimum length in its message', () => {
    expect(checkPasswordPolicy('a1')).toContain(String(PASSWORD_MIN_LENGTH));
  });
});
