import { describe, expect, it } from 'vitest';
import { cityWithoutDistrictsFor, retiredCodeMessage } from '../domain/region-codes.ts';
import regions from './regions-data.json' with { type: 'json' };
import successors from './region-successors.json' with { type: 'json' };

type Row = [string, string, string, string, string, number, string];
const byCode = new Map((regions.rows as Row[]).map((r) => [r[0], r]));
type Successor = [string, string, number, string, [string, string][]];

describe('retired region codes (region-successors.json)', () => {
  it.each(successors.rows as Successor[])(
    '%s %s: retired, and its successors are current ledger units of that name',
    (code, _name, year, document, next) => {
      expect(byCode.has(code)).toBe(false);
      expect(year).toBeGreaterThanOrEqual(2000);
      expect(document).toMatch(/〔\d{4}〕\d+号$/);
      expect(next.length).toBeGreaterThan(0);
      for (const [c, n] of next) {
        expect(byCode.get(c)?.[1]).toBe(n);
        expect(byCode.get(c)?.[5]).toBe(1);
      }
    },
  );
  it('words the message with the successor and the approval', () => {
    expect(
      retiredCodeMessage({
        code: '310108',
        name: '闸北区',
        retiredIn: 2015,
        document: '国函〔2015〕183号',
        successors: [{ code: '310106', name: '静安区' }],
      }),
    ).toBe(
      '区划代码 310108（闸北区）已于 2015 年撤销（国函〔2015〕183号），其区域现属静安区（310106），请改用 310106',
    );
  });
});

describe('statistical codes of the cities without districts', () => {
  const cities = (regions.rows as Row[])
    .filter((r) => r[2] === 'prefecture' && r[3] === '地级市' && r[5] === 1)
    .map((r) => r[0]);
  const isCity = (c: string) => cities.includes(c);
  it('are the four cities of ADR 0002', () =>
    expect(cities.sort()).toEqual(['441900', '442000', '460400', '620200']));
  it.each([
    ['620201', '620200'],
    ['441901', '441900'],
    ['442001', '442000'],
    ['460401', '460400'],
    ['441900003', '441900'],
    ['441900003000', '441900'],
    ['620201100000', '620200'],
  ])('%s is an alias of %s', (code, city) =>
    expect(cityWithoutDistrictsFor(code, isCity)).toBe(city),
  );
  it.each(['620200', '440101', '429004', '4419', '44190000', '441900003001', 'abcdef'])(
    '%s is not an alias',
    (code) => expect(cityWithoutDistrictsFor(code, isCity)).toBeUndefined(),
  );
});
