import { describe, expect, it } from 'vitest';
import {
  consentReached,
  parseDate,
  parsePeriod,
  periodEnd,
  progressProblems,
  progressRow,
  rate,
  sumMeasures,
} from './progress.ts';

describe('progress rules', () => {
  it.each([
    ['2026-03', '2026-03'],
    ['2026-3', '2026-03'],
    ['2026年3月', '2026-03'],
    ['2026-13', undefined],
    ['26-03', undefined],
  ])('period %s → %s', (t, p) => expect(parsePeriod(t)).toBe(p));
  it('knows month ends, leap years included', () => {
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2026-02')).toBe('2026-02-28');
    expect(periodEnd('2026-12')).toBe('2026-12-31');
  });
  it.each([
    ['2026-04-15', '2026-04-15'],
    ['2026/4/5', '2026-04-05'],
    ['2026年4月5日', '2026-04-05'],
    ['2026-02-30', undefined],
  ])('date %s → %s', (t, d) => expect(parseDate(t)).toBe(d));
  it.each([
    [197, 200, '98.5%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [211, 200, '105.5%'],
    [0, 0, '—'],
  ])('rate %i/%i = %s, half up from exact counts', (a, b, r) => expect(rate(a, b)).toBe(r));

  const consent = { households: 90, bestAgreeing: 60, threshold: 0.6667 };
  const ctx = { planYear: 2026, today: '2026-11-25', consent };
  it('refuses a start without the consent threshold (two thirds by default)', () => {
    expect(consentReached(consent)).toBe(false);
    expect(consentReached({ ...consent, bestAgreeing: 61 })).toBe(true);
    const problems = progressProblems(
      {
        period: '2026-04',
        startDate: '2026-04-01',
        completionDate: null,
        investmentDoneYuan: 0,
        corrected: false,
      },
      ctx,
    );
    expect(problems[0]!.message).toMatch(/不得开工改造.*60\/90/);
  });
  it('refuses future periods, completion before start, and a falling cumulative investment unless corrected', () => {
    const ok = { ...ctx, consent: { ...consent, bestAgreeing: 90 } };
    expect(
      progressProblems(
        {
          period: '2026-12',
          startDate: null,
          completionDate: null,
          investmentDoneYuan: 0,
          corrected: false,
        },
        ok,
      )[0]!.message,
    ).toMatch(/未来/);
    expect(
      progressProblems(
        {
          period: '2026-05',
          startDate: '2026-05-10',
          completionDate: '2026-05-01',
          investmentDoneYuan: 0,
          corrected: false,
        },
        ok,
      )[0]!.field,
    ).toBe('完工日期');
    // A record as at May cannot hold a completion in June: the figures count it from its month.
    expect(
      progressProblems(
        {
          period: '2026-05',
          startDate: '2026-05-10',
          completionDate: '2026-06-01',
          investmentDoneYuan: 0,
          corrected: false,
        },
        ok,
      ),
    ).toEqual([{ field: '完工日期', message: '完工日期晚于报告期末' }]);
    const previous = {
      period: '2026-04',
      startDate: '2026-04-01',
      completionDate: null,
      investmentDoneYuan: 500,
      corrected: false,
    };
    expect(
      progressProblems(
        {
          period: '2026-05',
          startDate: '2026-04-01',
          completionDate: null,
          investmentDoneYuan: 400,
          corrected: false,
        },
        { ...ok, previous },
      )[0]!.message,
    ).toMatch(/少于上月/);
    expect(
      progressProblems(
        {
          period: '2026-05',
          startDate: '2026-04-01',
          completionDate: null,
          investmentDoneYuan: 400,
          corrected: true,
        },
        { ...ok, previous },
      ),
    ).toEqual([]);
  });
  it('computes the 合计 row from exact values', () => {
    const a = {
      planCommunities: 1,
      planHouseholds: 3,
      startedCommunities: 1,
      startedHouseholds: 1,
      completedCommunities: 0,
      investmentDoneYuan: 49,
      elevators: 0,
      pipelinesM: 4,
      elderlyChildcare: 0,
    };
    // Each row rounds 49 元 to 0.00 万元 and 4 m to 0.00 km; the total (98 元, 8 m) shows 0.01 万元 and 0.01 km.
    expect(progressRow('甲', a).slice(8, 11)).toEqual(['0.00', 0, '0.00']);
    expect(progressRow('合计', sumMeasures([a, a])).slice(8, 11)).toEqual(['0.01', 0, '0.01']);
  });
});
