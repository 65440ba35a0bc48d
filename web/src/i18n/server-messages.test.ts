/**
 * Server messages added for the probe's and the walk's findings (2026-12-08) read in English
 * through the catalogs' patterns, their parts kept as given.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalogs/index.ts';
import { patternFor } from './t.ts';

describe('new server messages in English', () => {
  it('match a pattern and keep their parts', () => {
    const start = patternFor(
      '上月（2026-05）已记开工（2026-04-10），本月不能为空；如为更正，请标明更正（表单中勾选“更正以前月份”，导入文件的“更正”列填“是”）',
      CATALOG,
    );
    expect(start?.parts).toEqual({ period: '2026-05', date: '2026-04-10' });
    expect(start?.english).toMatch(/^The month before \(\{period\}\) records a start/);
    expect(patternFor('name：含有空字符（U+0000），请删去后重试', CATALOG)?.parts).toEqual({
      field: 'name',
    });
    expect(
      patternFor(
        '少于上月（2026-05）的累计数（1.234）；如为更正，请标明更正（表单中勾选“更正以前月份”，导入文件的“更正”列填“是”）',
        CATALOG,
      )?.parts,
    ).toEqual({ period: '2026-05', amount: '1.234' });
  });
});
