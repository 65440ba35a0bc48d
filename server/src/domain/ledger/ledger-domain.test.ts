import { describe, expect, it } from 'vitest';
import { formatScaled, parseScaled, roundHalfUp } from './decimal.ts';
import {
  nameLikeness,
  orthographicKey,
  suffixStrippedKey,
  suspectedPairs,
  variantHashes,
  withinOneEdit,
} from './names.ts';
import { plausibilityFlags } from './plausibility.ts';
import { checkRow, type LedgerUnit, type RowContext } from './rows.ts';
import { matchHeader, rowRecord, type ColumnKey } from './template.ts';
import { formatContent, parseContent } from './content.ts';

describe('exact decimals', () => {
  it.each([
    ['226.4105', 4, 2264105],
    ['226.41', 4, 2264100],
    ['226', 4, 2260000],
    ['0', 4, 0],
    ['4306.92', 2, 430692],
    ['4306.920', 2, 430692],
    ['0.1', 2, 10],
  ])('parses %s with %i digits as %i', (text, digits, value) =>
    expect(parseScaled(text, digits)).toBe(value),
  );
  it.each([
    ['1.23456', 4],
    ['-1', 2],
    ['1e5', 2],
    ['abc', 2],
    ['', 2],
    ['1.', 2],
    ['.5', 2],
  ])('refuses %s', (text, digits) => expect(parseScaled(text, digits)).toBeUndefined());
  it('formats back exactly', () => {
    expect(formatScaled(2264105, 4)).toBe('226.4105');
    expect(formatScaled(2264100, 4)).toBe('226.4100');
    expect(formatScaled(2264100, 4, 0)).toBe('226.41');
    expect(formatScaled(2260000, 4, 0)).toBe('226');
    expect(formatScaled(5, 2)).toBe('0.05');
  });
  it('rounds half up once, from the exact value', () => {
    expect(roundHalfUp(12345, 100)).toBe(123);
    expect(roundHalfUp(12350, 100)).toBe(124);
    expect(roundHalfUp(12349, 100)).toBe(123);
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in integers there is nothing to drift.
    expect(parseScaled('0.1', 2)! + parseScaled('0.2', 2)!).toBe(parseScaled('0.3', 2));
  });
});

describe('name normalisation', () => {
  it.each([
    ['建设路3号院', '建设路三号院'],
    ['幸福小区（一期）', '幸福小区一期'],
    ['幸福小区(一期)', '幸福小区 一期'],
    ['幸福小区第一期', '幸福小区1期'],
    ['ＡＢＣ花园', 'abc花园'],
    ['纺织厂 家属院', '纺织厂家属院'],
    ['解放路二十三号', '解放路23号'],
  ])('%s and %s are one name (orthographic key)', (a, b) =>
    expect(orthographicKey(a)).toBe(orthographicKey(b)),
  );
  it.each([
    ['机械厂家属院', '机械厂小区'],
    ['化肥厂家属院', '化肥厂宿舍'],
    ['汽车厂宿舍', '汽车厂生活区'],
    ['纺织厂 家属院', '纺织厂'],
    ['红星新村', '红星小区'],
    ['电力公司家属区', '电力公司住宅区'],
  ])('%s and %s differ only by a generic suffix: two names, one suffix-stripped key', (a, b) => {
    expect(orthographicKey(a)).not.toBe(orthographicKey(b));
    expect(suffixStrippedKey(a)).toBe(suffixStrippedKey(b));
    expect(nameLikeness(a, b)).toBe('suffix');
  });
  it('keeps different communities apart', () => {
    expect(orthographicKey('建设路3号院')).not.toBe(orthographicKey('建设路4号院'));
    expect(suffixStrippedKey('建设路3号院')).not.toBe(suffixStrippedKey('建设路4号院'));
    expect(suffixStrippedKey('院')).toBe('院');
    expect(nameLikeness('建设路3号院', '建设路三号院')).toBe('same');
    expect(nameLikeness('纺织厂东区', '纺织厂西区')).toBe('near');
    expect(nameLikeness('东区', '西区')).toBeUndefined();
    expect(nameLikeness('建设路3号院', '建设路4号小区')).toBeUndefined();
  });
  it('pairs names one edit apart or equal once the suffix is removed, within a unit only', () => {
    const items = [
      { ref: 1, unit: 'A', key: suffixStrippedKey('纺织厂东区') },
      { ref: 2, unit: 'A', key: suffixStrippedKey('纺织厂西区') },
      { ref: 3, unit: 'B', key: suffixStrippedKey('纺织厂南区') },
      { ref: 4, unit: 'A', key: suffixStrippedKey('人民医院家属院') },
      { ref: 5, unit: 'A', key: suffixStrippedKey('人民医院家属楼') },
      { ref: 6, unit: 'A', key: suffixStrippedKey('机械厂家属院') },
      { ref: 7, unit: 'A', key: suffixStrippedKey('机械厂小区') },
      { ref: 8, unit: 'B', key: suffixStrippedKey('机械厂宿舍') },
      { ref: 9, unit: 'A', key: suffixStrippedKey('东区') },
      { ref: 10, unit: 'A', key: suffixStrippedKey('西区') },
    ];
    expect(suspectedPairs(items)).toEqual([
      [1, 2],
      [4, 5],
      [6, 7],
    ]);
  });
  it.each([
    ['纺织厂东区', '纺织厂西区', true],
    ['人民医院', '人民医院南', true],
    ['人民医院', '人民医', true],
    ['纺织厂3号', '棉纺厂3号', false],
    ['东风路', '西风街', false],
  ])('%s and %s are within one edit: %s', (a, b, yes) => expect(withinOneEdit(a, b)).toBe(yes));
  it('does not pair names two edits apart', () => {
    const items = [
      { ref: 1, unit: 'A', key: suffixStrippedKey('纺织厂3号宿舍') },
      { ref: 2, unit: 'A', key: suffixStrippedKey('棉纺厂3号宿舍') },
    ];
    expect(suspectedPairs(items)).toEqual([]);
  });
  it('does not take different house numbers for a duplicate', () => {
    const keys = ['建设路3号院', '建设路4号院', '建设路13号院'].map((n, i) => ({
      ref: i,
      unit: 'A',
      key: suffixStrippedKey(n),
    }));
    expect(suspectedPairs(keys)).toEqual([]);
  });
  it.each(['纺织厂3号', '人民人民医院', 'aabbaa', '𠙶家坝小区', '幸福'.repeat(300)])(
    'hashes each deletion variant of %s as the variant itself is hashed',
    (key) => {
      const chars = [...key];
      const variants = new Set(chars.map((_, i) => chars.toSpliced(i, 1).join('')));
      const own = (k: string) => variantHashes(k)[0]!;
      expect(variantHashes(key).sort()).toEqual([own(key), ...[...variants].map(own)].sort());
    },
  );
  it('finds the one planted near-duplicate among 20,000 names of one unit', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const chars = '东西南北中华新光明幸福和平建设胜利人民友谊团结红旗向阳朝阳前进解放文化';
    const name = () =>
      Array.from({ length: 6 }, () => chars[Math.floor(rnd() * chars.length)]).join('') + '小区';
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      ref: i,
      unit: 'A',
      key: suffixStrippedKey(name()),
    }));
    const planted = items[123]!.key.slice(0, -1) + '苑';
    items.push({ ref: 99_999, unit: 'A', key: planted });
    expect(suspectedPairs(items)).toContainEqual([123, 99_999]);
  });
});

describe('content', () => {
  it('splits prefixed items into the three categories and formats back', () => {
    const text = '基础类：供水、供电、道路；完善类：环境绿化、无障碍设施；提升类：养老、托育';
    const c = parseContent(text);
    expect(c).toEqual({
      basic: ['供水', '供电', '道路'],
      improve: ['环境绿化', '无障碍设施'],
      upgrade: ['养老', '托育'],
      other: [],
    });
    expect(formatContent(c)).toBe(text);
  });
});

describe('plausibility', () => {
  it('flags values outside the brief’s bands and post-2000 builds, without blocking', () => {
    const ok = {
      buildYear: 1990,
      buildings: 4,
      households: 76,
      floorAreaCenti: 430692,
      investmentYuan: 2264105,
    };
    expect(plausibilityFlags(ok, 2000)).toEqual([]);
    expect(plausibilityFlags({ ...ok, households: 2000 }, 2000).map((f) => f.code)).toContain(
      'households_per_building',
    );
    expect(plausibilityFlags({ ...ok, buildYear: 2004 }, 2000)).toEqual([
      { code: 'after_cutoff', message: expect.stringContaining('计入“2000年底后”') },
    ]);
    // The cut-off is the plan year's: under a 2010 cut-off a 2004 build is before it.
    expect(plausibilityFlags({ ...ok, buildYear: 2004 }, 2010)).toEqual([]);
    expect(plausibilityFlags({ ...ok, buildYear: 2012 }, 2010)[0]!.message).toContain(
      '计入“2010年底后”',
    );
  });
});

describe('checkRow', () => {
  const unit: LedgerUnit = {
    code: '460106',
    name: '龙华区',
    kind: '市辖区',
    prefectureCode: '460100',
  };
  const county: LedgerUnit = {
    code: '469021',
    name: '定安县',
    kind: '县',
    prefectureCode: '469021',
  };
  const ctx: RowContext = {
    currentYear: 2026,
    unitByCode: (c) => [unit, county].find((u) => u.code === c),
    unitsByName: (n) => [unit, county].filter((u) => u.name === n),
  };
  const header = matchHeader([
    '区划代码',
    '区县',
    '小区名称',
    '建成年份',
    '类别',
    '楼栋数',
    '居民户数',
    '住宅建筑面积(平方米)',
    '预计投资额（万元）',
    '计划年度',
    '是否拟征收或拆除新建',
    '已纳入中央补助年度',
  ]);
  const row = (over: Partial<Record<ColumnKey, string>>) => {
    const base = {
      regionCode: '460106',
      regionName: '',
      name: '胜利路189号院',
      buildYear: '1987',
      areaClass: '',
      buildings: '4',
      households: '76',
      floorArea: '4306.92',
      investment: '226.4105',
      planYear: '2022',
      exclusion: '',
      subsidyYear: '',
    };
    const merged = { ...base, ...over };
    return rowRecord(
      [
        'regionCode',
        'regionName',
        'name',
        'buildYear',
        'areaClass',
        'buildings',
        'households',
        'floorArea',
        'investment',
        'planYear',
        'exclusion',
        'subsidyYear',
      ].map((k) => merged[k as keyof typeof merged] ?? ''),
      header,
    );
  };

  it('matches headers across bracket widths and reports unknown ones', () => {
    expect(header.missing).toEqual([]);
    expect(matchHeader(['小区名称', '备注栏']).unknown).toEqual(['备注栏']);
    expect(matchHeader(['小区名称']).missing).toContain('建成年份');
  });
  it('reads a good row exactly, deriving the class from the unit type', () => {
    const { draft, errors } = checkRow(2, row({}), ctx);
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      regionCode: '460106',
      prefectureCode: '460100',
      buildYear: 1987,
      areaClass: 'city',
      floorAreaCenti: 430692,
      investmentYuan: 2264105,
    });
    expect(checkRow(2, row({ regionCode: '', regionName: '定安县' }), ctx).draft?.areaClass).toBe(
      'county_seat',
    );
    expect(checkRow(2, row({ buildYear: '1988年' }), ctx).draft?.buildYear).toBe(1988);
    expect(checkRow(2, row({ buildYear: '1988.0' }), ctx).draft?.buildYear).toBe(1988);
  });
  it('reads numbers typed in full-width as their digits, and a name as typed', () => {
    const { draft, errors } = checkRow(
      2,
      row({
        regionCode: '４６０１０６',
        name: '椰风（二期）小区',
        buildYear: '１９９０年',
        buildings: '１２',
        households: '１，２００',
        floorArea: '８０５６．５',
        investment: '３２０．００５',
        planYear: '２０２２',
        subsidyYear: '\u3000２０１９\u3000',
      }),
      ctx,
    );
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({
      regionCode: '460106',
      name: '椰风（二期）小区',
      buildYear: 1990,
      buildings: 12,
      households: 1200,
      floorAreaCenti: 805650,
      investmentYuan: 3200050,
      planYear: 2022,
      subsidyYears: [2019],
    });
    // a refused value is quoted as typed
    expect(checkRow(2, row({ buildings: '０' }), ctx).errors).toContainEqual(
      expect.objectContaining({ column: '楼栋数', value: '０' }),
    );
  });
  it('takes a community of any build year, and an earlier subsidy year, for the plan checks', () => {
    // No plan-year rule at intake (issue 9 §2): the year's plan check decides.
    expect(checkRow(2, row({ buildYear: '2008' }), ctx)).toMatchObject({
      errors: [],
      draft: { buildYear: 2008 },
    });
    expect(checkRow(2, row({ subsidyYear: '2020' }), ctx)).toMatchObject({
      errors: [],
      draft: { subsidyYears: [2020] },
    });
  });
  it.each([
    [{ regionCode: '420102' }, '区划代码', '辖区'],
    [{ regionCode: '', regionName: '' }, '区划代码', '至少'],
    [{ name: '' }, '小区名称', '必填'],
    [{ buildYear: '2027' }, '建成年份', '1900–2026'],
    [{ buildYear: '88' }, '建成年份', '4位年份'],
    [{ buildings: '0' }, '楼栋数', '不小于1'],
    [{ households: '=SUM(A1:A3)' }, '居民户数', '整数'],
    [{ floorArea: '12.345' }, '住宅建筑面积（平方米）', '2位小数'],
    [{ investment: '-1' }, '预计投资额（万元）', '不小于0'],
    [{ areaClass: '乡镇' }, '类别', '城市(建成区)'],
    [{ exclusion: '是' }, '是否拟征收或拆除新建', '不得纳入'],
    [{ subsidyYear: '2030' }, '已纳入中央补助年度', '4位年份'],
  ])('refuses %o in column %s', (over, column, text) => {
    const { draft, errors } = checkRow(7, row(over), ctx);
    expect(draft).toBeUndefined();
    expect(errors).toContainEqual(
      expect.objectContaining({ line: 7, column, message: expect.stringContaining(text) }),
    );
  });
});
