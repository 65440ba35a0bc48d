import { afterEach, describe, expect, it } from 'vitest';
import type { FiveYearView, FiveYearYear, GreenCity } from '../../api/fiveYear.ts';
import { setCurrentLang } from '../../i18n/lang.ts';
import { cumulativeOption, greenOption, poolsOption } from './chartOptions.ts';

const edited = { source: '', version: 1, updatedBy: null, updatedAt: '2026-01-01T00:00:00Z' };
const year = (
  y: number,
  target: number | null,
  started: number,
  cum: number | null,
): FiveYearYear => ({
  year: y,
  target: target === null ? null : { communities: target, households: null, ...edited },
  plan: { communities: started + 1, households: 0 },
  started: { communities: started, households: 0 },
  completed: { communities: 0, households: 0, before2000: 0 },
  startRatePercent: null,
  cumulative: { target: cum, plan: 0, started, completed: 0, completedBefore2000: started },
});
const city = (code: string, name: string, y: number, meetingPercent: number): GreenCity => ({
  code,
  name,
  year: y,
  urbanCommunities: 100,
  participating: 50,
  meeting: meetingPercent,
  participatingPercent: 50,
  meetingPercent,
  meetsGoal: meetingPercent >= 25,
  ...edited,
});

function view(cities: GreenCity[]): FiveYearView {
  return {
    scope: { code: '460000', name: '海南省', level: 'province' },
    period: { first: 2021, last: 2025 },
    asOf: '2026-11-26',
    hasTargets: true,
    canEditTargets: false,
    years: [year(2021, 10, 4, 10), year(2022, null, 2, null)],
    completion: {
      target: { communities: 30, lastYear: 2025, ...edited },
      completedBefore2000: 6,
      percent: 20,
      gap: 24,
    },
    pools: {
      rows: [
        {
          pool: 'implement',
          label: '实施',
          projects: 1,
          communities: 5,
          households: 0,
          before2000: 5,
        },
        {
          pool: 'planning',
          label: '谋划',
          projects: 1,
          communities: 7,
          households: 0,
          before2000: 7,
        },
        {
          pool: 'reserve',
          label: '储备',
          projects: 1,
          communities: 9,
          households: 0,
          before2000: 9,
        },
      ],
      total: { projects: 3, communities: 21, households: 0, before2000: 21 },
      remainingYears: [],
      toStart: 0,
      startCoveragePercent: null,
      completionGap: 24,
      completionCoveragePercent: 87.5,
    },
    green: {
      goal: { year: 2021, percent: 25, source: '建办城〔2021〕28号' },
      citiesInScope: 4,
      editableCities: [],
      years: [
        {
          year: 2021,
          citiesReporting: 2,
          urbanCommunities: 200,
          participating: 100,
          meeting: 50,
          participatingPercent: 50,
          meetingPercent: 25,
          meetsGoal: true,
        },
      ],
      cities,
    },
  };
}

type Series = { name: string; data: (number | null)[]; markLine?: { data: { yAxis: number }[] } }[];

describe('five-year charts', () => {
  it('draws targets, starts and running sums per year, with the completion target as a line', () => {
    const o = cumulativeOption(view([]));
    const series = o.series as Series;
    expect(o.xAxis).toMatchObject({ data: ['2021年', '2022年'] });
    expect(series.find((s) => s.name === '年度目标')!.data).toEqual([10, null]);
    expect(series.find((s) => s.name === '累计目标')!.data).toEqual([10, null]);
    const done = series.find((s) => s.name === '累计完工（2000年底前建成）')!;
    expect(done.data).toEqual([4, 2]);
    expect(done.markLine!.data).toEqual([{ yAxis: 30 }]);
  });

  it('stacks the pools beside what remains to start and the completion gap', () => {
    const series = poolsOption(view([])).series as Series;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['实施', [5, null, null]],
      ['谋划', [7, null, null]],
      ['储备', [9, null, null]],
      ['待开工', [null, 0, null]],
      ['缺口', [null, null, 24]],
    ]);
  });

  it('draws each city’s share per year, a 合计 bar, and the 25 % goal line once', () => {
    const o = greenOption(
      view([
        city('460100', '海口市', 2021, 30),
        city('460200', '三亚市', 2021, 20),
        city('460100', '海口市', 2022, 40),
      ]),
    );
    const series = o.series as Series;
    expect(o.xAxis).toMatchObject({ data: ['海口市', '三亚市', '合计'] });
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['2021年', [30, 20, 25]],
      ['2022年', [40, null, null]],
    ]);
    expect(series[0]!.markLine!.data).toEqual([{ yAxis: 25 }]);
    expect(series[1]!.markLine).toBeUndefined();
  });

  it('leaves out the 合计 bar for a single city', () => {
    const o = greenOption(view([city('460100', '海口市', 2021, 30)]));
    expect(o.xAxis).toMatchObject({ data: ['海口市'] });
  });

  describe('in English', () => {
    afterEach(() => setCurrentLang('zh'));
    const CJK = /[\u4e00-\u9fff]/;
    /** Every text of an option but the data's own (city names are data, drawn as recorded). */
    const texts = (o: object, data: string[] = []): string[] =>
      JSON.stringify(o)
        .match(/"(?:[^"\\]|\\.)*"/g)!
        .map((q) => JSON.parse(q) as string)
        .filter((x) => CJK.test(x) && !data.includes(x));

    it('names series, axes, legends and goal lines in English', () => {
      setCurrentLang('en');
      const v = view([city('460100', '海口市', 2021, 30), city('460200', '三亚市', 2021, 20)]);
      const cumulative = cumulativeOption(v);
      expect(texts(cumulative)).toEqual([]);
      expect((cumulative.series as Series).map((s) => s.name)).toContain('Annual target');
      expect(cumulative.xAxis).toMatchObject({ data: ['2021', '2022'] });
      expect(texts(poolsOption(v))).toEqual([]);
      const green = greenOption(v);
      expect(texts(green, ['海口市', '三亚市'])).toEqual([]);
      expect(green.xAxis).toMatchObject({ data: ['海口市', '三亚市', 'Total'] });
    });
  });
});
