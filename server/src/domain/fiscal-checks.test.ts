import { describe, expect, it } from 'vitest';
import { fiscalChecks, type FiscalCheckInput } from './fiscal-checks.ts';

const haikou = { code: '460100', name: '海口市', communities: 12 };
const longhua = { code: '460106', name: '龙华区', communities: 5 };
const assessment = (
  regionCode: string,
  name: string,
  reviewStatus: 'pending' | 'passed' | 'returned',
) => ({ regionCode, name, reviewStatus });

const outcomes = (i: FiscalCheckInput) =>
  fiscalChecks(i).map((c) => [c.id, c.severity, c.passed, c.outcome, c.units.map((u) => u.code)]);

describe('fiscal-capacity checks (建办城〔2021〕28号 三(二))', () => {
  it('blocks the province while a unit in the plan has no assessment; warns below', () => {
    const input: FiscalCheckInput = {
      level: 'province',
      units: [haikou, longhua],
      assessments: [assessment('460106', '龙华区', 'passed')],
    };
    expect(outcomes(input)).toEqual([
      ['fiscal_assessed', 'blocking', false, 'missing', ['460100']],
      ['fiscal_reviewed', 'blocking', true, 'all_passed', []],
    ]);
    expect(fiscalChecks(input)[0]!.message).toContain('海口市');
    expect(outcomes({ ...input, level: 'prefecture' })[0]).toEqual([
      'fiscal_assessed',
      'warning',
      false,
      'missing',
      ['460100'],
    ]);
  });

  it.each([
    [['passed', 'passed'], true, 'all_passed', []],
    [['passed', 'pending'], false, 'pending', ['460106']],
    [['returned', 'pending'], false, 'returned', ['460100', '460106']],
  ] as const)('reviews %j → passed %s, outcome %s', (statuses, passed, outcome, units) => {
    const [review] = fiscalChecks({
      level: 'province',
      units: [haikou, longhua],
      assessments: [
        assessment('460100', '海口市', statuses[0]),
        assessment('460106', '龙华区', statuses[1]),
      ],
    }).slice(1);
    expect(review).toMatchObject({ id: 'fiscal_reviewed', passed, outcome });
    expect(review!.units.map((u) => u.code)).toEqual(units);
  });

  it('passes a plan with no communities', () => {
    expect(outcomes({ level: 'province', units: [], assessments: [] })).toEqual([
      ['fiscal_assessed', 'blocking', true, 'no_units', []],
      ['fiscal_reviewed', 'blocking', true, 'all_passed', []],
    ]);
  });
});
