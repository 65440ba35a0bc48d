import { describe, expect, it } from 'vitest';
import { buildRegionTree, countyKind, type SourceDivisions } from './regions-build.ts';
import {
  areaClassOf,
  functionalZoneCode,
  isFunctionalZoneCode,
  isRegionCode,
  isWithin,
} from './regions.ts';

describe('countyKind: the type of a county-level unit from its code, not the end of its name', () => {
  it.each([
    ['610103', '碑林区', false, '市辖区'],
    ['230751', '金林区', false, '市辖区'],
    ['420102', '江岸区', false, '市辖区'],
    ['310151', '崇明区', false, '市辖区'],
    ['420281', '大冶市', false, '县级市'],
    ['420222', '阳新县', false, '县'],
    ['150121', '土默特左旗', false, '旗'],
    ['150724', '鄂温克族自治旗', false, '自治旗'],
    ['460321', '西沙群岛', false, '县'],
    ['422823', '巴东县', false, '县'],
    ['500240', '石柱土家族自治县', false, '自治县'],
    ['520203', '六枝特区', false, '特区'],
    ['371471', '德州天衢新区', false, '功能区'],
    ['130672', '保定白沟新城', false, '功能区'],
    ['632857', '大柴旦行政委员会', false, '功能区'],
    ['429004', '仙桃市', true, '县级市'],
    ['429021', '神农架林区', true, '林区'],
    ['469025', '白沙黎族自治县', true, '自治县'],
    ['469021', '定安县', true, '县'],
  ])('%s %s → %s', (code, name, underProvince, kind) => {
    expect(countyKind(code, name, underProvince)).toBe(kind);
  });
});

describe('areaClassOf: 城市(建成区) or 县城(城关镇) on the plan form', () => {
  it.each([
    ['市辖区', 'city'],
    ['县级市', 'city'],
    ['功能区', 'city'],
    ['地级市', 'city'],
    ['县', 'county_seat'],
    ['自治县', 'county_seat'],
    ['旗', 'county_seat'],
    ['自治旗', 'county_seat'],
    ['林区', 'county_seat'],
    ['特区', 'county_seat'],
    ['省', null],
    ['自治州', null],
  ] as const)('%s → %s', (kind, cls) => expect(areaClassOf(kind)).toBe(cls));
});

describe('functional zone codes never collide with GB/T 2260', () => {
  it('numbers zones under their city with a letter and a base-36 digit', () => {
    expect(functionalZoneCode('420100', 0)).toBe('4201A0');
    expect(functionalZoneCode('420100', 35)).toBe('4201AZ');
    expect(functionalZoneCode('420100', 36)).toBe('4201B0');
  });
  it('refuses a non-prefecture parent and the 937th zone', () => {
    expect(() => functionalZoneCode('420102', 0)).toThrow();
    expect(() => functionalZoneCode('420100', 26 * 36)).toThrow();
  });
  it('tells zone codes and region codes apart', () => {
    expect(isFunctionalZoneCode('4201A0')).toBe(true);
    expect(isFunctionalZoneCode('420100')).toBe(false);
    expect(isRegionCode('420100')).toBe(true);
    expect(isRegionCode('42010')).toBe(false);
    expect(isRegionCode("42'; --")).toBe(false);
  });
});

describe('isWithin: the materialized-path subtree', () => {
  it('includes the region itself and its descendants, nothing else', () => {
    expect(isWithin('/000000/420000/420100/', '/000000/420000/')).toBe(true);
    expect(isWithin('/000000/420000/', '/000000/420000/')).toBe(true);
    expect(isWithin('/000000/430000/', '/000000/420000/')).toBe(false);
    expect(isWithin('/000000/420000/', '/000000/420000/420100/')).toBe(false);
  });
});

describe('buildRegionTree', () => {
  const src: SourceDivisions = {
    provinces: [
      { code: '11', name: '北京市' },
      { code: '42', name: '湖北省' },
      { code: '44', name: '广东省' },
      { code: '50', name: '重庆市' },
      { code: '65', name: '新疆维吾尔自治区' },
    ],
    cities: [
      { code: '1101', name: '市辖区', provinceCode: '11' },
      { code: '4201', name: '武汉市', provinceCode: '42' },
      { code: '4290', name: '省直辖县级行政区划', provinceCode: '42' },
      { code: '4419', name: '东莞市', provinceCode: '44' },
      { code: '5001', name: '市辖区', provinceCode: '50' },
      { code: '5002', name: '县', provinceCode: '50' },
      { code: '6501', name: '乌鲁木齐市', provinceCode: '65' },
      { code: '6590', name: '自治区直辖县级行政区划', provinceCode: '65' },
    ],
    areas: [
      { code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' },
      { code: '420102', name: '江岸区', cityCode: '4201', provinceCode: '42' },
      { code: '429004', name: '仙桃市', cityCode: '4290', provinceCode: '42' },
      { code: '441900', name: '东莞市', cityCode: '4419', provinceCode: '44' },
      { code: '500101', name: '万州区', cityCode: '5001', provinceCode: '50' },
      { code: '500229', name: '城口县', cityCode: '5002', provinceCode: '50' },
      { code: '650102', name: '天山区', cityCode: '6501', provinceCode: '65' },
      { code: '659001', name: '石河子市', cityCode: '6590', provinceCode: '65' },
    ],
  };
  const tree = buildRegionTree(src);
  const byCode = new Map(tree.map((r) => [r.code, r]));

  it('gives a municipality one prefecture-level unit under its own name holding districts and counties', () => {
    expect(byCode.get('110100')).toMatchObject({
      name: '北京市',
      level: 'prefecture',
      parentCode: '110000',
    });
    expect(byCode.get('500100')).toMatchObject({ name: '重庆市', level: 'prefecture' });
    expect(byCode.get('500229')).toMatchObject({
      parentCode: '500100',
      level: 'county',
      kind: '县',
    });
    expect(byCode.has('500200')).toBe(false);
  });
  it('makes a province-administered county-level unit a prefecture-level unit of its own', () => {
    expect(byCode.get('429004')).toMatchObject({
      level: 'prefecture',
      parentCode: '420000',
      isLedgerUnit: true,
      kind: '县级市',
    });
    expect(byCode.has('429000')).toBe(false);
  });
  it('keeps a city without districts (东莞) as a prefecture-level unit that holds communities itself', () => {
    expect(byCode.get('441900')).toMatchObject({ level: 'prefecture', isLedgerUnit: true });
    expect(tree.filter((r) => r.code === '441900')).toHaveLength(1);
  });
  it('puts 新疆生产建设兵团 beside the provinces, with 石河子 under 第八师 and not under 新疆', () => {
    expect(byCode.get('660000')).toMatchObject({
      level: 'province',
      kind: '兵团',
      parentCode: '000000',
    });
    expect(byCode.get('660800')).toMatchObject({
      name: '第八师石河子市',
      level: 'prefecture',
      parentCode: '660000',
    });
    expect(byCode.get('659001')).toMatchObject({ level: 'county', parentCode: '660800' });
    expect(byCode.get('661100')).toMatchObject({ name: '第十一师', isLedgerUnit: true });
  });
  it('lists every parent before its children, with unique codes', () => {
    const seen = new Set(['000000']);
    for (const r of tree) {
      expect(seen.has(r.parentCode), `${r.code} after its parent`).toBe(true);
      expect(seen.has(r.code), `${r.code} unique`).toBe(false);
      seen.add(r.code);
    }
  });
});
