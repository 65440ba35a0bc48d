import { describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../../../../api/communityProgress.ts';
import {
  consentSentence,
  currentPeriod,
  inputOf,
  outcomesText,
  valuesFrom,
} from './progressLabels.ts';

const record: ProgressRecord = {
  period: '2026-10',
  startDate: '2026-09-01',
  completionDate: null,
  investmentDoneYuan: 1_205_000,
  investmentDone: '120.5',
  pipelinesM: 1250,
  pipelinesKm: '1.25',
  elevators: 2,
  parking: 0,
  chargers: 10,
  elderlyCare: 0,
  childcare: 0,
  housekeeping: 0,
  health: 0,
  energyAreaCenti: 0,
  energyArea: '0',
  corrected: false,
  funds: [{ source: 'central', label: '中央补助资金', amount: '80' }],
  fundsTotal: '80',
  username: 'county',
  updatedAt: '2026-10-31T00:00:00Z',
};

describe('progress labels', () => {
  it('says the consent status as the bureau says it', () => {
    const c = { households: 1000, bestAgreeing: 812, share: '81.2%', thresholdLabel: '2/3' };
    expect(consentSentence({ ...c, reached: true })).toBe(
      '同意 812/1000 户 = 81.2%，已达到 2/3 门槛',
    );
    expect(consentSentence({ ...c, bestAgreeing: 600, share: '60.0%', reached: false })).toBe(
      '同意 600/1000 户 = 60.0%，未达到 2/3 门槛，尚不能开工',
    );
  });

  it('lists the outcomes, leaving out zeros', () => {
    expect(outcomesText(record)).toBe('加装电梯 2 部、改造管线 1.25 公里、增设充电桩 10 个');
    expect(outcomesText({ ...record, elevators: 0, pipelinesKm: '0', chargers: 0 })).toBe('—');
  });

  it('starts next month from the latest record and sends it back unchanged', () => {
    const v = valuesFrom(record, '2026-11');
    expect(v).toMatchObject({
      period: '2026-11',
      startDate: '2026-09-01',
      investmentDone: '120.5',
      elevators: '2',
      parking: '',
      energyArea: '',
      funds: { central: '80' },
    });
    expect(inputOf(v)).toEqual({
      startDate: '2026-09-01',
      completionDate: undefined,
      investmentDone: '120.5',
      pipelinesKm: '1.25',
      energyArea: undefined,
      corrected: undefined,
      elevators: 2,
      parking: undefined,
      chargers: 10,
      elderlyCare: undefined,
      childcare: undefined,
      housekeeping: undefined,
      health: undefined,
      funds: [{ source: 'central', amount: '80' }],
    });
    expect(inputOf(valuesFrom(undefined, '2026-11')).funds).toEqual([]);
  });

  it('knows this month', () => expect(currentPeriod(new Date(2026, 0, 15))).toBe('2026-01'));
});
