import { describe, expect, it } from 'vitest';
import { parseProgressSearch, progressLink, progressYears } from './progressSearch.ts';

const now = new Date('2026-11-26T00:00:00');

describe('progress page address', () => {
  it.each([
    ['', { scope: undefined, year: 2026, month: undefined }],
    ['scope=460000&year=2025&month=6', { scope: '460000', year: 2025, month: 6 }],
    ['scope=all', { scope: 'all', year: 2026, month: undefined }],
    ['scope=4201A0', { scope: '4201A0', year: 2026, month: undefined }],
    ['scope=46;drop&year=abc&month=13', { scope: undefined, year: 2026, month: undefined }],
  ])('%s', (qs, expected) =>
    expect(parseProgressSearch(new URLSearchParams(qs), now)).toEqual(expected),
  );
  it('links to a unit keeping the year and month', () => {
    expect(progressLink('460000', 2026, 11)).toBe('/progress?scope=460000&year=2026&month=11');
    expect(progressLink('460100')).toBe('/progress?scope=460100');
  });
  it('offers the years from 2019 to next year, latest first', () => {
    const years = progressYears(now);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2019);
  });
});
