import { describe, expect, it } from 'vitest';
import { filterOf, hasFilter, parseLedgerQuery, toSearchParams } from './ledgerSearchParams.ts';

describe('ledger query in the address', () => {
  it('reads filters, sort and page, and writes them back the same', () => {
    const text =
      'region=460106&planYear=2022&pool=implement&bucket=after&areaClass=city&excluded=false' +
      '&suspected=true&q=%E8%A7%A3%E6%94%BE&sort=households&order=desc&page=3&pageSize=50';
    const query = parseLedgerQuery(new URLSearchParams(text));
    expect(query).toEqual({
      region: '460106',
      planYear: 2022,
      pool: 'implement',
      bucket: 'after',
      areaClass: 'city',
      excluded: false,
      suspected: true,
      q: '解放',
      sort: 'households',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
    expect(toSearchParams(query).toString()).toBe(text);
  });

  it('drops what is malformed and leaves defaults out', () => {
    const query = parseLedgerQuery(
      new URLSearchParams('region=abc&planYear=22&pool=x&sort=drop&page=0&pageSize=7&q=%20'),
    );
    expect(query).toEqual(expect.objectContaining({ page: 1, pageSize: 20 }));
    expect(hasFilter(query)).toBe(false);
    expect(toSearchParams(query).toString()).toBe('');
  });

  it('keeps only the filter for totals and export', () => {
    const query = parseLedgerQuery(new URLSearchParams('pool=reserve&page=2&sort=name'));
    expect(Object.entries(filterOf(query)).filter(([, v]) => v !== undefined)).toEqual([
      ['pool', 'reserve'],
    ]);
  });
});
