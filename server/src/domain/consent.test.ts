import { describe, expect, it } from 'vitest';
import { consentStatus, projectStartProblem, thresholdLabel } from './consent.ts';

describe('residents’ consent', () => {
  it.each([
    [6667, '2/3'],
    [5000, '1/2'],
    [7500, '3/4'],
    [8000, '80%'],
    [6650, '66.5%'],
  ])('threshold %i bp reads %s', (bp, label) => expect(thresholdLabel(bp)).toBe(label));

  it.each([
    [1000, 812, 0.6667, '81.2%', true],
    [90, 60, 0.6667, '66.7%', false], // 66.67 % rounds to 66.7 % but two thirds of 90 is not 60.01
    [90, 61, 0.6667, '67.8%', true],
    [3, 2, 0.6667, '66.7%', false],
    [100, 75, 0.75, '75.0%', true],
    [50, 0, 0.6667, '0.0%', false],
  ])('%i households, %i agreeing, threshold %f → %s, reached %s', (h, a, t, share, reached) =>
    expect(consentStatus(h, a, t)).toMatchObject({ share, reached }),
  );

  it('lets a project start only when every community reached the threshold', () => {
    const members = [
      { name: '东湖一村', households: 40, bestAgreeing: 27 },
      { name: '东湖二村', households: 30, bestAgreeing: 19 },
      { name: '东湖三村', households: 10, bestAgreeing: 0 },
    ];
    expect(projectStartProblem('东湖片区', members, 0.6667)).toBe(
      '项目“东湖片区”的小区须全部经居民协商达到 2/3 同意后方可开工，尚未达到：东湖二村（19/30 户同意）、东湖三村（0/10 户同意）',
    );
    expect(projectStartProblem('东湖片区', members.slice(0, 1), 0.6667)).toBeUndefined();
    expect(projectStartProblem('单独项目', [], 0.6667)).toBeUndefined();
  });
});
