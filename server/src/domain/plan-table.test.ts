import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  csvHeader,
  displayRow,
  frozenRows,
  groupCommunities,
  nationalTotalRows,
  planTableRows,
  withKinds,
  wanM2,
  wanYuan,
  type PlanCommunity,
  type PlanUnit,
} from './plan-table.ts';
import { HAINAN_PLAN_TABLE } from '../test-support/samples.ts';

const c = (
  prefectureCode: string,
  areaClass: 'city' | 'county_seat',
  buildYear: number,
  households: number,
  floorAreaCenti: number,
  investmentYuan: number,
): PlanCommunity => ({
  prefectureCode,
  areaClass,
  buildYear,
  households,
  buildings: 1,
  floorAreaCenti,
  investmentYuan,
});
const display = (units: PlanUnit[], cs: PlanCommunity[]) =>
  planTableRows(units, groupCommunities(cs, 2000)).map((r) => displayRow(r));

describe('plan table arithmetic', () => {
  it.each([
    [4_999, '0.00'],
    [5_000, '0.01'],
    [14_999, '0.01'],
    [15_000, '0.02'],
    [1_234_567_890, '1234.57'],
  ])('%i centi-m² → %s 万平方米 (half up)', (centi, shown) => expect(wanM2(centi)).toBe(shown));
  it.each([
    [49, '0.00'],
    [50, '0.01'],
    [2_264_105, '226.41'],
    [2_264_150, '226.42'],
  ])('%i 元 → %s 万元', (yuan, shown) => expect(wanYuan(yuan)).toBe(shown));

  it('rounds totals from exact sums, never summing rounded parts', () => {
    // Three communities of 0.004 万平方米 (40 m²) each: each shows 0.00, together 0.01.
    const rows = display(
      [{ code: 'A', name: '甲市' }],
      [
        c('A', 'city', 1990, 1, 4000, 0),
        c('A', 'city', 1990, 1, 4000, 0),
        c('A', 'city', 1990, 1, 4000, 0),
      ],
    );
    expect(rows[0]!.values[11]).toBe('0.01');
  });

  it('keeps each cell exact, so a subtotal may differ by 0.01 from its printed parts (海口 31.72 + 4.17 against 35.90)', () => {
    const rows = display(
      [{ code: 'A', name: '海口市' }],
      [c('A', 'city', 1990, 1, 0, 317_240), c('A', 'county_seat', 1990, 1, 0, 41_740)],
    );
    const investment = (r: { values: (number | string)[] }) => r.values[14];
    expect(rows.slice(0, 3).map(investment)).toEqual(['35.90', '31.72', '4.17']);
    expect(rows.slice(-3).map(investment)).toEqual(['35.90', '31.72', '4.17']);
  });

  it('lists every unit, zeros for empty ones, and a province of all 2000年底前', () => {
    const rows = display(
      [
        { code: 'A', name: '甲市' },
        { code: 'B', name: '乙县' },
      ],
      [c('A', 'city', 1990, 10, 100, 100), c('A', 'county_seat', 2000, 5, 100, 100)],
    );
    expect(rows.map((r) => `${r.unit}|${r.label}`)).toEqual([
      '甲市|全市小计:',
      '甲市|1. 城市(建成区)',
      '甲市|2. 县城(城关镇)',
      '乙县|全市小计:',
      '乙县|1. 城市(建成区)',
      '乙县|2. 县城(城关镇)',
      '全省(区、市)|全省(区、市)合计:',
      '全省(区、市)|1. 城市(建成区)',
      '全省(区、市)|2. 县城(城关镇)',
    ]);
    expect(rows[0]!.values.slice(0, 6)).toEqual([2, 0, 2, 15, 0, 15]);
    expect(rows[3]!.values.every((v) => v === 0 || v === '0.00')).toBe(true);
    expect(rows[6]!.values[1]).toBe(0); // 2000 itself is 2000年底前
    expect(rows.map((r) => r.kind)).toEqual([
      'subtotal',
      'category',
      'category',
      'subtotal',
      'category',
      'category',
      'total',
      'category',
      'category',
    ]);
  });

  it('freezes the form’s text and figures only, and gives a frozen table back its kinds', () => {
    const rows = display(
      [{ code: 'A', name: '甲市' }],
      [c('A', 'city', 1990, 10, 100, 100), c('A', 'county_seat', 2003, 5, 100, 100)],
    );
    const frozen = frozenRows(rows);
    // What versions hashed before rows had a kind: the same three fields, in the same order.
    expect(frozen.every((r) => Object.keys(r).join() === 'unit,label,values')).toBe(true);
    expect(withKinds(frozen)).toEqual(rows);
    expect(() => withKinds(frozen.slice(1))).toThrow('不是每个单位三行');
    expect(() => withKinds([])).toThrow();
  });

  it('totals the country over every province’s groups, labelled 全国合计:', () => {
    const groups = groupCommunities(
      [c('A', 'city', 1990, 10, 100, 100), c('B', 'county_seat', 2003, 5, 100, 100)],
      2000,
    );
    const national = nationalTotalRows(groups);
    expect(national.map((r) => [r.unit, r.label, r.kind])).toEqual([
      ['全国', '全国合计:', 'total'],
      ['全国', '1. 城市(建成区)', 'category'],
      ['全国', '2. 县城(城关镇)', 'category'],
    ]);
    expect(national[0]!.values.slice(0, 3)).toEqual([1, 1, 2]);
  });

  it('refuses a community of a unit not in the province', () => {
    expect(() =>
      planTableRows(
        [{ code: 'A', name: '甲市' }],
        groupCommunities([c('Z', 'city', 1990, 1, 1, 1)], 2000),
      ),
    ).toThrow(/不在本省/);
  });

  it('names its buckets after the policy’s cut-off', () => {
    expect(csvHeader(2000).slice(2, 5)).toEqual([
      '小区数_2000年底前',
      '小区数_2000年底后',
      '小区数_合计',
    ]);
    expect(csvHeader(2005)[2]).toBe('小区数_2005年底前');
  });
});

describe('the worked example (test-support/data/samples)', () => {
  it('has the spec’s csv header', () => {
    const sample = readFileSync(HAINAN_PLAN_TABLE, 'utf8');
    expect(sample.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(csvHeader(2000).join(','));
  });
});
