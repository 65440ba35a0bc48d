/**
 * The server's Chinese on the progress pages, as the server's own functions write it, comes out
 * in English through the catalogs (../../i18n/t.ts): the record checks the progress import
 * reports row by row, the table's header and plan note, the monthly reports' statuses and
 * refusals. Data (a province's name) comes back as recorded.
 */
import { describe, expect, it } from 'vitest';
import { PROGRESS_HEADER, progressProblems } from '../../../../server/src/domain/progress.ts';
import { planNote } from '../../../../server/src/domain/progress-plan.ts';
import {
  periodProblem,
  REPORT_STATUS_LABELS,
} from '../../../../server/src/domain/monthly-report.ts';
import { CATALOG } from '../../i18n/catalogs/index.ts';
import { english } from '../../i18n/t.ts';

const CJK = /[\u4e00-\u9fff]/;
const en = (text: string) => english(text, CATALOG);

describe('the server’s progress texts in English', () => {
  it('the record checks of the progress import', () => {
    const record = {
      period: '2027-02',
      startDate: '2027-03-02',
      completionDate: '2027-03-01',
      investmentDoneYuan: 100,
      corrected: false,
    };
    const consent = { households: 100, bestAgreeing: 50, threshold: 2 / 3 };
    const problems = [
      ...progressProblems(record as never, {
        planYear: 2028,
        today: '2026-12-06',
        previous: { ...record, investmentDoneYuan: 2_000_000 } as never,
        consent: { ...consent, rule: '本省规定' },
      }),
      ...progressProblems({ ...record, startDate: null } as never, {
        planYear: 2027,
        today: '2027-12-06',
        consent,
      }),
    ];
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const p of problems) {
      expect(en(p.field), p.field).toBeDefined();
      const message = en(p.message);
      expect(message, p.message).toBeDefined();
      expect(message).not.toMatch(CJK);
    }
    expect(en(problems.find((p) => p.message.startsWith('未经'))!.message)).toBe(
      'No renovation may start without consensus from full consultation of residents: agreement must reach 66.67% (set by the province) (the consultations recorded have at most 50/100 households agreeing)',
    );
  });

  it('the progress table’s header and its plan note, the province’s name as recorded', () => {
    for (const h of PROGRESS_HEADER) expect(en(h), h).not.toMatch(CJK);
    const province = { code: '460000', name: '海南省', revision: 0 };
    const notes = [
      planNote(
        [{ ...province, basis: 'accepted', version: 2, acceptedAt: '2026-03-01T02:00:00Z' }],
        2026,
        9,
      ),
      planNote(
        [
          {
            ...province,
            basis: 'accepted',
            version: 3,
            revision: 1,
            acceptedAt: '2026-05-01T02:00:00Z',
          },
        ],
        2026,
        9,
      ),
      planNote([{ ...province, basis: 'submitted', version: 1, acceptedAt: null }], 2026, 9),
      planNote([{ ...province, basis: 'live', version: null, acceptedAt: null }], 2026, 9),
      planNote(
        [
          { ...province, basis: 'live', version: null, acceptedAt: null },
          { ...province, code: '110000', basis: 'submitted', version: 1, acceptedAt: null },
        ],
        2026,
        9,
      ),
    ];
    for (const note of notes) {
      const text = en(note);
      expect(text, note).toBeDefined();
      expect(text!.replaceAll('海南省', ''), note).not.toMatch(CJK);
    }
    expect(en(notes[0]!)).toBe(
      'Planned figures: 海南省: version 2 of the plan accepted and in force at the end of 2026-9 (accepted 1 Mar 2026).',
    );
  });

  it('the monthly reports’ statuses and refusals', () => {
    for (const label of Object.values(REPORT_STATUS_LABELS)) expect(en(label)).not.toMatch(CJK);
    const now = new Date('2026-12-06T04:00:00Z');
    for (const problem of [
      periodProblem('2027-01', 2026, now),
      periodProblem('2025-12', 2026, now),
    ])
      expect(en(problem!), problem).not.toMatch(CJK);
    expect(en('海南省城镇老旧小区改造进展情况（2026年度计划，截至2026年11月末）')).toBe(
      '海南省: progress of old urban residential community renovation (plan year 2026, as at the end of 2026-11)',
    );
    expect(en('全国城镇老旧小区改造进展情况（2026年11月）')).toBe(
      'Nationwide: progress of old urban residential community renovation (2026-11)',
    );
  });
});
