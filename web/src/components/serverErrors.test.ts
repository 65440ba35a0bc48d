import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { applyServerErrors, fieldOfPath } from './serverErrors.ts';

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

describe('applyServerErrors', () => {
  it('puts details on fields by name or by alias and returns the rest', () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as FormInstance;
    const error = new ApiError(400, 'VALIDATION', '…', [
      { path: '建成年份', message: '不得晚于2005年' },
      { path: 'name', message: '请填写小区名称' },
      { path: '是否拟征收或拆除新建', message: '不得纳入' },
    ]);
    const rest = applyServerErrors(form, error, ['buildYear', 'name'], { 建成年份: 'buildYear' });
    expect(setFields).toHaveBeenCalledWith([
      { name: 'buildYear', errors: ['不得晚于2005年'] },
      { name: 'name', errors: ['请填写小区名称'] },
    ]);
    expect(rest).toEqual(['是否拟征收或拆除新建：不得纳入']);
  });
});
