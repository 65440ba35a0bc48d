/**
 * Concurrent edits of one five-year figure (issue 10): of 20 saves from the same version exactly
 * one goes through and the rest answer 409. On both engines, and across two servers on one
 * PostgreSQL.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { answer, oneWins } from '../../test-support/races.ts';
import { split, twoServers } from '../../test-support/two-servers.ts';
import { fiveYearWorld } from './five-year.fixture.ts';

describeEachEngine('five-year edit races', (ctx) => {
  const world = fiveYearWorld(ctx);
  const stored = (year: number) =>
    ctx.db.db
      .selectFrom('start_targets')
      .selectAll()
      .where('region_code', '=', '460000')
      .where('year', '=', year)
      .execute();

  it('keeps one of 20 parallel first saves, and one of 20 parallel saves from version 1', async () => {
    const url = '/api/five-year/targets/460000/2024';
    const first = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        answer(await world.province.send('PUT', url, { communities: 100 + i, version: 0 })),
      ),
    );
    oneWins(first);
    const next = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        answer(await world.province.send('PUT', url, { communities: 200 + i, version: 1 })),
      ),
    );
    oneWins(next);
    const rows = await stored(2024);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.version).toBe(2);
  });

  it.skipIf(ctx.engine !== 'postgres')(
    'keeps one of 20 saves across two servers on one PostgreSQL',
    async () => {
      const servers = await twoServers(ctx.url);
      const c = world.province;
      const headers = { cookie: c.cookie, 'x-csrf-token': c.csrf };
      const url = '/api/five-year/targets/460000/2025';
      try {
        for (const version of [0, 1])
          oneWins(
            await split(20, async (s, i) =>
              answer(
                await servers.request(s, 'PUT', url, { communities: 10 + i, version }, headers),
              ),
            ),
          );
        expect((await stored(2025))[0]!.version).toBe(2);
      } finally {
        await servers.close();
      }
    },
  );
});
