import { describe, expect, it } from 'vitest';
import type { PlanTable, PlanTableRow } from '../../api/plans.ts';
import type { Me } from '../../api/types.ts';
import {
  formatFigure,
  formRows,
  parsePlanSearch,
  planAccessOf,
  planYears,
  scopeOf,
} from './planForm.ts';

const row = (unit: string, label: string, kind: PlanTableRow['kind']): PlanTableRow => ({
  unit,
  label,
  kind,
  values: [1, 0, 1, 1234, 0, 1234, 3, 0, 3, '0.58', '0.00', '0.58', '12345.60', '0.00', '12345.60'],
});
const three = (unit: string, first = '全市小计:') => [
  row(unit, first, first.endsWith('合计:') ? 'total' : 'subtotal'),
  row(unit, '1. 城市(建成区)', 'category'),
  row(unit, '2. 县城(城关镇)', 'category'),
];
const table = (national: boolean): PlanTable => ({
  title: '2022年城镇老旧小区改造计划表',
  year: 2022,
  scope: national ? { code: '000000', name: '全国' } : { code: '460000', name: '海南省' },
  contact: '',
  cutoffYear: 2000,
  header: [],
  basis: 'live',
  basisLabel: '工作底稿（未冻结）',
  version: null,
  note: '因四舍五入，合计数与分项数之和可能略有出入',
  blocks: [
    {
      province: { code: '460000', name: '海南省' },
      rows: [
        ...three('海口市'),
        ...three(national ? '海南省' : '全省(区、市)', '全省(区、市)合计:'),
      ],
      source: { kind: 'live', version: null, label: '工作底稿（未冻结）' },
    },
  ],
  national: national ? three('全国', '全国合计:') : null,
  checks: [],
  versions: [],
});
const me = (level: Me['region']['level'], code: string): Me => ({
  id: 1,
  username: 'u',
  displayName: 'u',
  roles: [],
  region: { code, name: 'x', level, kind: '', path: [] },
  csrfToken: '',
  passwordChange: null,
  lang: null,
});

describe('formRows', () => {
  it('spans each unit over its three rows and marks the subtotal and total rows', () => {
    const rows = formRows(table(false));
    expect(rows.map((r) => r.unitSpan)).toEqual([3, 0, 0, 3, 0, 0]);
    expect(rows.map((r) => r.subtotal)).toEqual([true, false, false, true, false, false]);
    expect(rows.map((r) => r.total)).toEqual([false, false, false, true, false, false]);
    expect(rows.every((r) => r.kind === 'row')).toBe(true);
  });

  it('puts a line before each province of the national table, then the national rows', () => {
    const rows = formRows(table(true));
    expect(rows[0]).toMatchObject({ kind: 'province', unit: '海南省', unitSpan: 1 });
    expect(rows.slice(1).map((r) => r.kind)).not.toContain('province');
    expect(rows.at(-3)).toMatchObject({
      unit: '全国',
      label: '全国合计:',
      total: true,
      unitSpan: 3,
    });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('names each province block’s version and 校验码 in the national table of versions, or 未上报', () => {
    const t = table(true);
    const version = { number: 2, hash: 'ab'.repeat(32), submittedAt: '2021-06-28T00:00:00Z' };
    t.blocks[0]!.source = { kind: 'frozen', version, label: '第 2 版（已接收）' };
    t.blocks.push({
      province: { code: '640000', name: '宁夏回族自治区' },
      rows: [],
      source: { kind: 'none', version: null, label: '未上报' },
    });
    const rows = formRows(t);
    expect(rows[0]!.unit).toBe(`海南省\u3000第 2 版（已接收）\u3000校验码：${version.hash}`);
    const ningxia = rows.findIndex((r) => r.key === 'p-640000');
    expect(rows[ningxia]!.unit).toBe('宁夏回族自治区\u3000未上报');
    expect(rows[ningxia + 1]!.unit).toBe('全国');
  });
});

describe('the address and the scope', () => {
  it('reads year and province, falling back to the year being declared and the default province', () => {
    expect(parsePlanSearch(new URLSearchParams('year=2023&province=460000'), 2027)).toEqual({
      year: 2023,
      province: '460000',
      version: undefined,
      basis: undefined,
    });
    expect(
      parsePlanSearch(new URLSearchParams('year=abc&province=46;drop&version=0&basis=x'), 2027),
    ).toEqual({ year: 2027, province: undefined, version: undefined, basis: undefined });
    expect(
      parsePlanSearch(new URLSearchParams('province=460000&version=signed&basis=submitted'), 2027),
    ).toMatchObject({ version: 'signed', basis: 'submitted' });
    expect(parsePlanSearch(new URLSearchParams('province=all'), 2027).province).toBe('all');
  });

  it('gives the country its choice (全国 by default), a province its own, a city or county none', () => {
    const search = { year: 2022, province: '110000', version: undefined, basis: undefined };
    expect(scopeOf(planAccessOf(me('country', '000000')), search)).toBe('110000');
    expect(scopeOf(planAccessOf(me('country', '000000')), { ...search, province: undefined })).toBe(
      'all',
    );
    expect(scopeOf(planAccessOf(me('province', '460000')), search)).toBe('460000');
    expect(scopeOf(planAccessOf(me('prefecture', '460100')), search)).toBeUndefined();
    expect(planAccessOf(me('county', '460106'))).toMatchObject({ kind: 'local', code: '460106' });
  });

  it('offers the plan years from 2022 to next year, at least to 2027', () => {
    expect(planYears(new Date('2024-05-01'))).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(planYears(new Date('2030-01-01')).at(-1)).toBe(2031);
  });
});

it('shows counts with separators and exact decimals as their text', () => {
  expect(formatFigure(1234)).toBe('1,234');
  expect(formatFigure('12345.60')).toBe('12,345.60');
  expect(formatFigure(undefined)).toBe('');
});
