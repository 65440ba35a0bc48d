/**
 * The audit page's names of action codes: each has its English, and a recorded detail reads as
 * "key：value" pairs, anything else as recorded.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../i18n/catalogs/index.ts';
import { AUDIT_ACTIONS } from '../../../../common/audit-actions.ts';
import { ACTIONS, actionName, detailText } from './actions.ts';

describe('audit actions', () => {
  it('names every listed code, in English too', () => {
    const lacking = Object.values(ACTIONS).filter((name) => CATALOG[name] === undefined);
    expect(lacking).toEqual([]);
    // The codes the server may write (its audit calls are typed by the list), each named once.
    expect(Object.keys(ACTIONS).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(actionName('declaration.receipt')).toBe('部委签收计划');
    expect(actionName('auth.login')).toBe('登录');
    expect(actionName('some.future_action')).toBeUndefined();
  });

  it('reads a detail object as its pairs, other text as recorded', () => {
    expect(detailText('{"name":"张三","phone":"0898-65312345"}')).toBe(
      '名称：张三；电话：0898-65312345',
    );
    expect(detailText('{"rows":3,"filter":{"user":"x"}}')).toBe('行数：3；filter：{"user":"x"}');
    // Keys and coded values named as the pages name them; no English, no bare null.
    expect(detailText('{"hash":null,"reason":null,"from":"submitted","to":"accepted"}')).toBe(
      '校验码：—；原因：—；原状态：已上报；新状态：已接收',
    );
    expect(detailText('{"role":"mof","version":1}')).toBe('角色：财政部；版本：1');
    expect(detailText('{"roles":["city","county"],"passwordReset":false}')).toBe(
      '角色：市级住建部门、区县住建部门；重设密码：否',
    );
    expect(detailText('{"reason":"wrong_password"}')).toBe('原因：密码错误');
    expect(detailText('not json {')).toBe('not json {');
    expect(detailText('[1,2]')).toBe('[1,2]');
    expect(detailText(null)).toBe('');
  });
});
