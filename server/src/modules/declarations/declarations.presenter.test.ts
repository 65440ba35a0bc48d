/**
 * The declaration page decided from facts alone (declarations.presenter.ts): who sees the live
 * ledger and who only the submitted version, whether the submitted version still matches the
 * ledger, what the user may do, and whether the province's candidate is the current content.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/actor.ts';
import type { Role } from '../../../../common/roles.ts';
import type { DeclarationFacts } from './declarations.facts.ts';
import { presentDeclaration } from './declarations.presenter.ts';

const actor = (roles: Role[], regionCode: string, regionLevel: Actor['regionLevel']): Actor => ({
  userId: 1,
  username: 'u',
  roles,
  regionCode,
  regionPath: `/${regionCode}/`,
  regionLevel,
});

const totals = (communities: number) => ({ communities }) as never;

/** Facts of a city (430100, under 430000) or a province (430000) with one submitted version. */
function facts(over: Partial<DeclarationFacts> = {}): DeclarationFacts {
  const base = {
    region: { code: '430100', name: '长沙市', parent_code: '430000' },
    level: 'city',
    year: 2022,
    now: new Date('2021-10-01T00:00:00Z'),
    declaration: { state: 'submitted', revision: 0, version: 1, submitted_at: '2021-09-20' },
    deadline: { deadline: '2021-10-15', internal: null, capped: false, policy: null, parent: null },
    reviewer: '湖南省',
    checks: [{ id: 'post_cutoff_share', title: '2000年后', passed: false }],
    justifications: [{ check_id: 'post_cutoff_share', text: '确有必要' }],
    notes: [],
    events: [],
    submitted: {
      version: 1,
      hash: 'h-submitted',
      created_at: '2021-09-20',
      created_by: 'city',
      content: JSON.stringify({ totals: totals(3) }),
    },
    current: { hash: 'h-submitted', content: { totals: totals(5) } },
    children: [{ code: '430102', name: '芙蓉区', state: 'submitted', stateLabel: '已上报' }],
    revision: { revision: 0, revisionLabel: '', revisionInfo: null, inForce: null },
    province: null,
    people: {},
  };
  return { ...base, ...over } as unknown as DeclarationFacts;
}

describe('presentDeclaration', () => {
  it('shows the reviewer above the live ledger, its checks with their justification and the units below', () => {
    const view = presentDeclaration(actor(['province'], '430000', 'province'), facts());
    expect(view.side).toBe('above');
    expect(view.can).toMatchObject({ accept: true, return: true, submit: false });
    expect(view.totals).toEqual(totals(5));
    expect(view.checks).toEqual([expect.objectContaining({ justification: '确有必要' })]);
    expect(view.children).toHaveLength(1);
    expect(view.submitted).toMatchObject({ version: 1, unchanged: true });
  });

  it('shows a national recipient the submitted figures only: no live checks, no units below', () => {
    const view = presentDeclaration(
      actor(['ndrc_national'], '000000', 'country'),
      facts({
        region: { code: '430000', name: '湖南省', parent_code: '000000' },
        level: 'province',
      } as never),
    );
    expect(view.totals).toEqual(totals(3));
    expect(view.checks).toEqual([]);
    expect(view.children).toEqual([]);
    expect(view.unacceptedChildren).toEqual([]);
    expect(view.side).toBeNull();
    expect(Object.values(view.can).some(Boolean)).toBe(false);
  });

  it('tells the declarer that the ledger has moved since the submitted version', () => {
    const view = presentDeclaration(
      actor(['city'], '430100', 'prefecture'),
      facts({ current: { hash: 'h-now', content: { totals: totals(5) } } } as never),
    );
    expect(view.side).toBe('self');
    expect(view.submitted?.unchanged).toBe(false);
    expect(view.currentHash).toBe('h-now');
  });

  it('marks a province’s candidate current only when it is the content now', () => {
    const province = (hash: string) =>
      facts({
        region: { code: '430000', name: '湖南省', parent_code: '000000' },
        level: 'province',
        province: { candidate: { version: 2, hash, current: false } },
      } as never);
    const self = actor(['province'], '430000', 'province');
    expect(presentDeclaration(self, province('h-submitted')).province?.candidate?.current).toBe(
      true,
    );
    expect(presentDeclaration(self, province('h-old')).province?.candidate?.current).toBe(false);
  });

  it('counts a draft with no declaration row as 0 versions, and lets its declarer submit', () => {
    const view = presentDeclaration(
      actor(['city'], '430100', 'prefecture'),
      facts({ declaration: undefined, submitted: undefined } as never),
    );
    expect(view.state).toBe('draft');
    expect(view.version).toBe(0);
    expect(view.submitted).toBeNull();
    expect(view.can.submit).toBe(true);
  });
});
