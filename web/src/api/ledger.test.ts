import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportUrl, staleSaveOf, updateCommunity } from './ledger.ts';

afterEach(() => vi.unstubAllGlobals());

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status }));
}

const update = () =>
  updateCommunity(7, {
    version: 1,
    regionCode: '460106',
    name: '幸福小区',
    buildYear: '1990',
    buildings: '3',
    households: '61',
    floorArea: '4000.50',
    investment: '200',
    planYear: '2022',
  }).catch((e: unknown) => e);

describe('ledger api', () => {
  it('reads what changed meanwhile from a stale save', async () => {
    const meanwhile = [
      {
        at: '2026-11-25T19:38:48.214Z',
        username: 'county',
        action: 'update',
        version: 2,
        changes: [{ field: '居民户数', old: 60, new: 61 }],
      },
    ];
    answer(409, {
      error: {
        code: 'CONFLICT',
        subCode: 'STALE_VERSION',
        message: '保存失败',
        currentVersion: 2,
        meanwhile,
      },
    });
    expect(staleSaveOf(await update())).toEqual({ currentVersion: 2, meanwhile });
  });

  it('does not take a duplicate name for a stale save', async () => {
    answer(409, {
      error: {
        code: 'CONFLICT',
        subCode: 'DUPLICATE_NAME',
        message: '已有同名小区',
        details: [{ path: 'name', message: '重复' }],
      },
    });
    expect(staleSaveOf(await update())).toBeNull();
  });

  it('exports with the filter, leaving out what is not set', () => {
    expect(
      exportUrl('csv', { region: '460106', q: '解放', excluded: false, pool: undefined }),
    ).toBe('/api/communities/export?format=csv&region=460106&q=%E8%A7%A3%E6%94%BE&excluded=false');
  });
});
