import { describe, expect, it } from 'vitest';
import {
  provinceProgress,
  removedWithoutReason,
  revisionLabel,
  stateLabel,
  transition,
  type DeclarationState,
} from './declaration.ts';

describe('revising an accepted plan (计划调整)', () => {
  it.each<[DeclarationState, 'self' | 'above', DeclarationState | RegExp]>([
    ['accepted', 'self', 'draft'],
    ['accepted', 'above', /只能由本单位上报或调整计划/],
    ['draft', 'self', /当前状态为“编制中”，不能调整计划/],
    ['submitted', 'self', /当前状态为“已上报”，不能调整计划/],
    ['returned', 'self', /当前状态为“已退回”，不能调整计划/],
  ])('revise from %s by %s → %s', (state, side, expected) => {
    const next = transition(state, 'revise', side);
    if (typeof expected === 'string') expect(next).toBe(expected);
    else expect((next as { refused: string }).refused).toMatch(expected);
  });

  it('labels a draft after acceptance 计划调整中, and names the revision', () => {
    expect(stateLabel('draft', 0)).toBe('编制中');
    expect(stateLabel('draft', 2)).toBe('计划调整中');
    expect(stateLabel('submitted', 2)).toBe('已上报');
    expect(revisionLabel(0)).toBeNull();
    expect(revisionLabel(3)).toBe('计划调整（第3次）');
  });

  it('lists the removed communities that have no reason yet', () => {
    const removed = [
      { id: 1, name: '甲' },
      { id: 2, name: '乙' },
      { id: 3, name: '丙' },
    ];
    expect(removedWithoutReason(removed, new Set([2])).map((c) => c.name)).toEqual(['甲', '丙']);
    expect(removedWithoutReason(removed, new Set([1, 2, 3]))).toEqual([]);
  });

  it('does not count a province revising its accepted plan as late', () => {
    const after = new Date('2022-09-01T00:00:00+08:00');
    expect(provinceProgress('draft', '2022-03-01T00:00:00Z', '2022-06-30', after, 1)).toBe(
      'revising',
    );
    expect(provinceProgress('draft', null, '2022-06-30', after, 0)).toBe('late');
  });
});
