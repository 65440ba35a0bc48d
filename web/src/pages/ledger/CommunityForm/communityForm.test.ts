import { describe, expect, it } from 'vitest';
import type { CommunityDetail } from '../../../api/ledgerTypes.ts';
import {
  checks,
  editsOf,
  emptyValues,
  inputOf,
  positionCheck,
  updateOf,
  valuesOf,
} from './communityForm.ts';

const now = new Date('2026-06-01T00:00:00Z');
const check = (field: keyof typeof checks, text: string) => checks[field]!(text, now);

describe('community form checks (mirroring the import template)', () => {
  it.each([
    ['buildYear', '1988', null],
    ['buildYear', '2005', null],
    ['buildYear', '1988年', null],
    ['buildYear', '2008', null],
    ['buildYear', '1899', '应为1900–2026之间的4位年份'],
    ['buildYear', '2027', '应为1900–2026之间的4位年份'],
    ['buildings', '0', '应为不小于1的整数'],
    ['buildings', '1.5', '应为不小于1的整数'],
    ['households', '1,200', null],
    // typed with a Chinese input method in full-width mode: the same digits
    ['buildYear', '１９９０', null],
    ['households', '８０', null],
    ['floorArea', '４３０６．９２', null],
    ['buildings', '０', '应为不小于1的整数'],
    ['households', '', '请填写居民户数'],
    ['floorArea', '4306.92', null],
    ['floorArea', '4306.925', '应为大于0的数，最多2位小数'],
    ['floorArea', '0.00', '应为大于0的数，最多2位小数'],
    ['investment', '0', null],
    ['investment', '226.4105', null],
    ['investment', '226.41051', '应为不小于0的数，最多4位小数'],
    ['investment', '-1', '应为不小于0的数，最多4位小数'],
    ['planYear', '2022', null],
    ['planYear', '22', '应为4位年份'],
    ['name', '  ', '请填写小区名称'],
    ['name', '字'.repeat(101), '不能超过100个字'],
  ] as const)('%s %s → %s', (field, text, problem) => expect(check(field, text)).toBe(problem));
});

const detail = {
  ...inputOf(emptyValues(now, '460106')),
  id: 7,
  regionCode: '460106',
  regionName: '龙华区',
  name: '幸福小区',
  buildYear: 1990,
  areaClass: 'city',
  areaClassEntered: false,
  buildings: 3,
  households: 60,
  floorArea: '4000.50',
  investment: '200.0000',
  planYear: 2022,
  housingType: '住宅',
  exclusion: 'none',
  subsidyYears: [2019],
  lng: '110.3',
  lat: '20.0',
  version: 4,
} as unknown as CommunityDetail;

describe('to and from the API', () => {
  it('keeps exact decimals as text and a derived 类别 derived', () => {
    const v = valuesOf(detail);
    expect(v).toMatchObject({ floorArea: '4000.50', investment: '200.0000', areaClass: '' });
    expect(inputOf({ ...v, households: ' 1,200 ' })).toMatchObject({
      households: '1200',
      areaClass: null,
    });
  });

  it('sends back on update what the form does not show, and the position it shows', () => {
    const v = valuesOf(detail);
    expect(v).toMatchObject({ lng: '110.3', lat: '20.0' });
    expect(updateOf(v, detail)).toMatchObject({
      version: 4,
      housingType: '住宅',
      exclusion: 'none',
      subsidyYears: [2019],
      lng: '110.3',
      lat: '20.0',
    });
    expect(inputOf({ ...v, lng: ' ', lat: '' })).toMatchObject({ lng: null, lat: null });
  });

  it('checks the position as a pair inside China', () => {
    expect(positionCheck('lng', { lng: '110.3', lat: '20.0' })).toBeNull();
    expect(positionCheck('lat', { lng: '110.3', lat: '' })).toMatch(/经度和纬度须同时填写/);
    expect(positionCheck('lng', { lng: '20.0', lat: '110.3' })).toMatch(/不在我国范围内/);
  });

  it('lists the fields the user changed', () => {
    const base = valuesOf(detail);
    expect(editsOf({ ...base, households: '70', notes: ' ' }, base)).toEqual([
      { field: 'households', value: '70' },
    ]);
  });
});
