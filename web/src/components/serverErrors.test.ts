import { describe, expect, it } from 'vitest';
import { fieldOfPath } from './serverErrors.ts';

describe('fieldOfPath', () => {
  it.each([
    ['username', 'username'],
    ['/username', 'username'],
    ['body.regionCode', 'regionCode'],
    ['roles.0', 'roles'],
    ['roles[1]', 'roles'],
    ['', undefined],
  ])('%s → %s', (path, field) => expect(fieldOfPath(path)).toBe(field));
});
