import { describe, expect, it } from 'vitest';
import {
  formatCell,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatWan,
  roundDecimal,
} from './format.ts';

describe('formatDecimal', () => {
  it.each([
    ['0.00', '0.00'],
    ['999.5', '999.5'],
    ['1000', '1,000'],
    ['30435.36', '30,435.36'],
    ['1234567.8900', '1,234,567.8900'],
    ['-1234.5', '-1,234.5'],
    // Beyond what a float holds exactly: the digits stay as they came.
    ['12345678901234567.0001', '12,345,678,901,234,567.0001'],
    ['n/a', 'n/a'],
  ])('%s → %s', (text, shown) => expect(formatDecimal(text)).toBe(shown));

  it('formats integers with separators', () => expect(formatInteger(12345)).toBe('12,345'));
});

describe('formatDateTime', () => {
  it('shows China time, whatever the zone the test runs in', () => {
    expect(formatDateTime('2026-11-05T17:30:00Z')).toBe('2026年11月6日 01:30');
    expect(formatDateTime('2026-11-04T02:00:00.000Z')).toBe('2026年11月4日 10:00');
  });

  it('shows a dash for no time and the text for one it cannot read', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('不是时间')).toBe('不是时间');
  });
});

describe('one rule per measure', () => {
  it.each([
    ['1145.7391', '1,145.74'],
    ['19335.14', '19,335.14'],
    ['0.005', '0.01'],
    ['0.0049', '0.00'],
    ['999.995', '1,000.00'],
    ['12', '12.00'],
    ['-1234.565', '-1,234.57'],
    ['-0.001', '0.00'],
  ])('万元 %s → %s', (text, shown) => expect(formatWan(text)).toBe(shown));

  it('rounds on the text, beyond what a float holds', () =>
    expect(roundDecimal('12345678901234567.125', 2)).toBe('12345678901234567.13'));

  it('formats a server-laid cell: counts and decimals with separators, other text as it is', () => {
    expect(formatCell(1852)).toBe('1,852');
    expect(formatCell('19335.14')).toBe('19,335.14');
    expect(formatCell('98.5%')).toBe('98.5%');
    expect(formatCell('合计')).toBe('合计');
  });
});
