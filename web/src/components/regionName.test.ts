import { describe, expect, it } from 'vitest';
import { regionPathName, withCountry } from './regionName.ts';

describe('region names', () => {
  const hubei = { code: '420000', name: '湖北省' };
  const wuhan = { code: '420100', name: '武汉市' };
  const country = { code: '000000', name: '全国' };

  it('joins the path, leaving out 全国 unless it is the region itself', () => {
    expect(regionPathName([hubei, wuhan])).toBe('湖北省 / 武汉市');
    expect(regionPathName([country, hubei, wuhan], '')).toBe('湖北省武汉市');
    expect(regionPathName([country])).toBe('全国');
  });

  it('puts 全国 at the head of a path once', () => {
    expect(withCountry([hubei]).map((r) => r.code)).toEqual(['000000', '420000']);
    expect(withCountry([country])).toEqual([country]);
  });
});
