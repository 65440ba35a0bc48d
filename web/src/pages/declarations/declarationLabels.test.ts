import { describe, expect, it } from 'vitest';
import {
  appLink,
  countdownOf,
  defaultDeclarationYear,
  eventLabel,
  eventReason,
  fieldValue,
  scaled,
  shortHash,
} from './declarationLabels.ts';

describe('declaration labels', () => {
  it('counts down: green, red within a week, 今天截止, 逾期', () => {
    expect(countdownOf(35)).toEqual({ text: '剩余 35 天', color: 'green' });
    expect(countdownOf(6)).toEqual({ text: '剩余 6 天', color: 'red' });
    expect(countdownOf(0)).toEqual({ text: '今天截止', color: 'red' });
    expect(countdownOf(-3)).toEqual({ text: '逾期 3 天', color: 'red' });
  });

  it('shows areas in 平方米 and money in 万元 exactly, and coded values in words', () => {
    expect(scaled(4987723, 2)).toBe('49877.23');
    expect(scaled(5, 2)).toBe('0.05');
    expect(scaled(-120, 2)).toBe('-1.20');
    expect(fieldValue('floorAreaCenti', 4987723)).toBe('49877.23');
    expect(fieldValue('investmentYuan', 14272216)).toBe('1427.2216');
    expect(fieldValue('households', 84)).toBe('84');
    expect(fieldValue('areaClass', 'county_seat')).toBe('县城(城关镇)');
    expect(fieldValue('exclusion', 'none')).toBe('否');
    expect(fieldValue('name', null)).toBe('—');
  });

  it('names events, shortens hashes, and maps the server’s links to the declaration pages', () => {
    expect(eventLabel('signoff.province_ndrc')).toBe('会签：省级发展改革部门');
    expect(eventLabel('return')).toBe('退回');
    expect(eventLabel('deadline')).toBe('设置内部截止日期');
    expect(eventLabel('other')).toBe('other');
    const titles = new Map([['post_cutoff_share', '2000年底后占比']]);
    expect(eventReason({ action: 'justify', reason: 'post_cutoff_share：联动改造' }, titles)).toBe(
      '2000年底后占比：联动改造',
    );
    expect(eventReason({ action: 'return', reason: '请核实' }, titles)).toBe('请核实');
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaaaaaa…');
    expect(appLink('/plans/declarations/460106/2027')).toBe('/declarations/460106/2027');
    expect(appLink('/ledger/5')).toBe('/ledger/5');
    expect(defaultDeclarationYear(new Date(2026, 10, 25))).toBe(2027);
  });
});
