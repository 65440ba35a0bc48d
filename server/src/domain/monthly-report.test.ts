import { describe, expect, it } from 'vitest';
import {
  chinaMonth,
  communityMeasures,
  dueDate,
  inTime,
  lastOverduePeriod,
  nextPeriod,
  periodProblem,
  reportOpensOn,
  submitProblem,
  previousPeriod,
  reportingUnits,
  reportStatus,
  statusCounts,
} from './monthly-report.ts';

describe('monthly report dates', () => {
  it.each([
    ['2026-05', '2026-06', '2026-04'],
    ['2026-12', '2027-01', '2026-11'],
    ['2026-01', '2026-02', '2025-12'],
  ])('%s: next %s, previous %s', (p, next, prev) => {
    expect(nextPeriod(p)).toBe(next);
    expect(previousPeriod(p)).toBe(prev);
  });

  it.each([
    ['2026-05', 5, '2026-06-05'],
    ['2026-12', 10, '2027-01-10'],
    ['2026-01', 28, '2026-02-28'],
  ])('%s due on day %i of the next month: %s', (p, day, due) => expect(dueDate(p, day)).toBe(due));

  it.each([
    // the month turns at midnight in Beijing, eight hours before UTC
    ['2026-05-31T15:59:59Z', '2026-05'],
    ['2026-05-31T16:00:00Z', '2026-06'],
    ['2026-12-31T16:00:00Z', '2027-01'],
  ])('%s is in %s in China', (at, month) => expect(chinaMonth(new Date(at))).toBe(month));

  it.each([
    ['2026-06-05T15:59:59Z', true], // 23:59:59 on the due day in Beijing
    ['2026-06-05T16:00:00Z', false], // 00:00 the day after
    ['2026-06-01T00:00:00Z', true],
  ])('submitted at %s is in time for 2026-06-05: %s', (at, ok) =>
    expect(inTime(at, '2026-06-05')).toBe(ok),
  );
});

describe('the month automatic late notices chase', () => {
  it.each([
    // due on the 5th: May is overdue from 00:00 on 6 June in Beijing, April until then
    ['2026-06-05T15:59:59Z', 5, '2026-04'],
    ['2026-06-05T16:00:00Z', 5, '2026-05'],
    ['2026-06-30T12:00:00Z', 5, '2026-05'],
    // a later due day moves the turn; December's report falls due in January
    ['2026-06-09T12:00:00Z', 10, '2026-04'],
    ['2026-06-10T16:00:00Z', 10, '2026-05'],
    ['2027-01-04T12:00:00Z', 5, '2026-11'],
    ['2027-01-05T16:00:00Z', 5, '2026-12'],
  ])('at %s with due day %i: %s', (now, day, period) =>
    expect(lastOverduePeriod(new Date(now), day)).toBe(period),
  );

  it("names every unit on a community's path but the country", () => {
    expect(reportingUnits('/000000/460000/460100/460106/')).toEqual(['460000', '460100', '460106']);
    expect(reportingUnits('/000000/460000/469001/')).toEqual(['460000', '469001']);
  });
});

describe('monthly report status', () => {
  const due = '2026-06-05';
  it.each([
    ['2026-06-03T02:00:00Z', '2026-06-10T00:00:00Z', 'on_time'],
    ['2026-06-07T02:00:00Z', '2026-06-10T00:00:00Z', 'late'],
    [null, '2026-06-04T00:00:00Z', 'pending'],
    [null, '2026-06-06T00:00:00Z', 'overdue'],
  ] as const)('first submitted %s, now %s → %s', (first, now, status) =>
    expect(reportStatus(first, due, new Date(now))).toBe(status),
  );

  it('counts the statuses, reported = on time + late', () => {
    expect(statusCounts(['on_time', 'late', 'late', 'pending', 'overdue', 'overdue'])).toEqual({
      total: 6,
      reported: 3,
      onTime: 1,
      late: 2,
      pending: 1,
      overdue: 2,
    });
    expect(statusCounts([])).toMatchObject({ total: 0, reported: 0 });
  });
});

describe('which periods may be reported', () => {
  const now = new Date('2026-06-03T02:00:00Z');
  it.each([
    ['2026-06', 2026, undefined],
    ['2026-05', 2026, undefined],
    ['2026-07', 2026, /尚未到来/],
    ['2025-12', 2026, /早于计划年度/],
    ['2027-01', 2025, /尚未到来/],
    ['2026-03', 2025, undefined],
  ] as const)('%s for plan year %i', (period, year, problem) => {
    const p = periodProblem(period, year, now);
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });
});

describe('when a period may be submitted', () => {
  it.each([
    ['2026-12', '2026-12-31'],
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-04', '2026-04-30'],
  ])('%s opens on %s', (period, day) => expect(reportOpensOn(period)).toBe(day));

  it.each([
    // 6 December: December's report is not yet open, and the message names the day it opens.
    [
      '2026-12-06T02:00:00Z',
      '2026-12',
      /尚未结束：月报自2026年12月31日（报告期最后一天，北京时间）起方可上报/,
    ],
    // 30 December 23:59 in China is still before the last day; 16:00 UTC is already the 31st there.
    ['2026-12-30T15:59:00Z', '2026-12', /2026年12月31日/],
    ['2026-12-30T16:00:00Z', '2026-12', undefined],
    ['2027-01-02T02:00:00Z', '2026-12', undefined],
    ['2026-12-06T02:00:00Z', '2026-11', undefined],
    ['2026-12-06T02:00:00Z', '2027-01', /尚未到来/],
  ] as const)('at %s, %s', (at, period, problem) => {
    const p = submitProblem(period, 2026, new Date(at));
    if (problem) expect(p).toMatch(problem);
    else expect(p).toBeUndefined();
  });
});

describe('a community in the frozen table', () => {
  const c = {
    households: 90,
    startDate: '2026-04-10',
    completionDate: '2026-06-02',
    investmentDoneYuan: 805_000,
    elevators: 1,
    pipelinesM: 1234,
    elderlyCare: 1,
    childcare: 2,
  };
  it('counts a start and a completion only up to the month end', () => {
    expect(communityMeasures(c, '2026-05-31')).toEqual({
      planCommunities: 1,
      planHouseholds: 90,
      startedCommunities: 1,
      startedHouseholds: 90,
      completedCommunities: 0,
      investmentDoneYuan: 805_000,
      elevators: 1,
      pipelinesM: 1234,
      elderlyChildcare: 3,
    });
    expect(communityMeasures(c, '2026-03-31')).toMatchObject({
      startedCommunities: 0,
      startedHouseholds: 0,
    });
    expect(communityMeasures(c, '2026-06-30').completedCommunities).toBe(1);
  });
});
