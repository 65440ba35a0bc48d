import { afterEach, describe, expect, it } from 'vitest';
import { dateText, periodText } from './dates.ts';
import { setCurrentLang } from './lang.ts';
import { english, t } from './t.ts';

describe('t()', () => {
  afterEach(() => setCurrentLang('zh'));

  it('fills placeholders in Chinese and leaves the text as written', () => {
    expect(t('共 {n} 个小区', { n: 3 })).toBe('共 3 个小区');
  });

  it('translates server texts by pattern, their parts in turn; data comes back as it was', () => {
    const catalog = {
      '第{row}行：{message}': 'Row {row}: {message}',
      '{field}不能为空': '{field} must not be empty',
      建成年份: 'Year built',
      '已上报（{n} 个）': 'Submitted ({n})',
    };
    expect(english('第3行：建成年份不能为空', catalog)).toBe('Row 3: Year built must not be empty');
    expect(english('第12行：金沙花园', catalog)).toBe('Row 12: 金沙花园');
    expect(english('已上报（4 个）', catalog)).toBe('Submitted (4)');
    expect(english('没有的话', catalog)).toBeUndefined();
    expect(english('(x)', { '(x)': 'y' })).toBe('y');
    // A name running into a month splits where the month begins; months and days read English.
    const late = { '{unit}{period}月报已逾期': '{unit}: the report for {period} is late' };
    expect(english('龙华区2026年9月月报已逾期', late)).toBe(
      '龙华区: the report for Sep 2026 is late',
    );
    expect(english('截至2026年12月31日', { '截至{date}': 'as at {date}' })).toBe(
      'as at 31 Dec 2026',
    );
    expect(english('第x行', { '第{row}行': 'Row {row}' })).toBeUndefined();
  });

  it('keeps Chinese where English lacks, and counts what lacks', () => {
    setCurrentLang('en');
    expect(t('一句没有译文的话')).toBe('一句没有译文的话');
  });

  it('writes months and days the English way', () => {
    setCurrentLang('en');
    expect(periodText('2026-09')).toBe('Sep 2026');
    expect(dateText('2026-12-05')).toBe('5 Dec 2026');
    setCurrentLang('zh');
    expect(periodText('2026-09')).toBe('2026年9月');
  });
});
