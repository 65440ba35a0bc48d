import { describe, expect, it } from 'vitest';
import { countByStatus } from './community-map.ts';

describe('the map counts', () => {
  it('counts by status', () => {
    expect(
      countByStatus([{ status: 'plan' }, { status: 'completed' }, { status: 'completed' }]),
    ).toEqual({ plan: 1, started: 0, completed: 2 });
  });
});
