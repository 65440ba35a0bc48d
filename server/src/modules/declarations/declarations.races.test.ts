/**
 * Concurrent transitions of one declaration (issue 10, defect 2): of N at once exactly one goes
 * through and the rest answer 409 in Chinese: submit, return against accept, freeze and sign-off,
 * and the opening of a revision (计划调整) of an accepted plan.
 * On both engines through one server, and on PostgreSQL through two servers on one database.
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { split, twoServers, type TwoServers } from '../../test-support/two-servers.ts';
import { declareAccepted } from '../../test-support/declarations.ts';
import { declarationWorld, justifyAll, Y } from './declarations.fixture.ts';

describeEachEngine('declaration races', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;
  const db = () => ctx.db.db;

  const snapshots = async (unit: string, kind: 'submission' | 'candidate') =>
    (
      await db()
        .selectFrom('declaration_snapshots')
        .select('id')
        .where('unit_code', '=', unit)
        .where('plan_year', '=', Y)
        .where('kind', '=', kind)
        .execute()
    ).length;
  const events = async (unit: string, ...actions: string[]) =>
    (
      await db()
        .selectFrom('declaration_events')
        .select('id')
        .where('unit_code', '=', unit)
        .where('plan_year', '=', Y)
        .where('action', 'in', actions)
        .execute()
    ).length;
  const notices = async (region: string, kind: string, unit: string) =>
    (
      await db()
        .selectFrom('notifications')
        .select('link')
        .where('region_code', '=', region)
        .where('kind', '=', kind)
        .execute()
    ).filter((n) => n.link === `/declarations/${unit}/${Y}`).length;

  /** Exactly one 200; every other answer a 409 with a Chinese message. */
  function oneWins(answers: { status: number; message?: string }[]): void {
    expect(answers.map((a) => a.status).sort()).toEqual([
      200,
      ...Array<number>(answers.length - 1).fill(409),
    ]);
    for (const a of answers.filter((x) => x.status === 409))
      expect(a.message).toMatch(/[\u4e00-\u9fff]/);
  }
  const viaInject = async (c: Client, method: 'POST', url: string, body?: unknown) => {
    const r = await c.send(method, url, body);
    return { status: r.statusCode, message: r.json().error?.message as string | undefined };
  };
  const viaHttp = async (
    servers: TwoServers,
    i: number,
    c: Client,
    url: string,
    body?: unknown,
  ) => {
    const r = await servers.request(i, 'POST', url, body, {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    });
    return { status: r.status, message: r.body.error?.message };
  };

  it("lets one of 20 parallel submits of a county's declaration through: one snapshot, one event, one notice", async () => {
    await justifyAll(u.county!, '460106');
    const url = `/api/declarations/460106/${Y}/submit`;
    oneWins(await Promise.all(Array.from({ length: 20 }, () => viaInject(u.county!, 'POST', url))));
    expect(await snapshots('460106', 'submission')).toBe(1);
    expect(await events('460106', 'submit')).toBe(1);
    expect(await notices('460100', 'submit', '460106')).toBe(1);
  });

  it('lets one of parallel accepts and returns through', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? viaInject(u.city!, 'POST', `/api/declarations/460106/${Y}/accept`)
          : viaInject(u.city!, 'POST', `/api/declarations/460106/${Y}/return`, {
              reason: `退回测试 ${i}`,
            }),
      ),
    );
    oneWins(answers);
    expect(await events('460106', 'accept', 'return')).toBe(1);
  });

  it('freezes one candidate of 20 parallel freezes, and lets one of 20 parallel sign-offs by a department through', async () => {
    const freezes = await Promise.all(
      Array.from({ length: 20 }, () =>
        u.province!.send('POST', `/api/declarations/460000/${Y}/freeze`),
      ),
    );
    expect(freezes.map((r) => r.statusCode)).toEqual(Array<number>(20).fill(200));
    expect(new Set(freezes.map((r) => r.json().id)).size).toBe(1);
    expect(await snapshots('460000', 'candidate')).toBe(1);
    expect(await events('460000', 'freeze')).toBe(1);
    const { id, hash } = freezes[0]!.json();
    oneWins(
      await Promise.all(
        Array.from({ length: 20 }, () =>
          viaInject(u.ndrc!, 'POST', `/api/signoffs/${id}`, { hash }),
        ),
      ),
    );
    expect(await events('460000', 'signoff.province_ndrc')).toBe(1);
  });

  it('opens one revision of 20 parallel revises of an accepted plan: one revision, one event', async () => {
    await declareAccepted(db(), '460105', Y);
    const url = `/api/declarations/460105/${Y}/revise`;
    oneWins(
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          viaInject(u.xiuying!, 'POST', url, { reason: `计划调整测试 ${i}` }),
        ),
      ),
    );
    expect(await events('460105', 'revise')).toBe(1);
    const revisions = await db()
      .selectFrom('declaration_revisions')
      .select('revision')
      .where('unit_code', '=', '460105')
      .execute();
    expect(revisions).toEqual([{ revision: 1 }]);
    expect((await u.xiuying!.get(`/api/declarations/460105/${Y}`)).json()).toMatchObject({
      state: 'draft',
      stateLabel: '计划调整中',
      revision: 1,
    });
  });

  it.skipIf(ctx.engine !== 'postgres')(
    'across two servers on one PostgreSQL: one of 20 submits, one of 20 accepts and returns, one of 20 sign-offs, one of 20 revises',
    async () => {
      await addUser(db(), 'qiongshan', '460107', ['county']);
      await addUser(db(), 'finance2', '460000', ['province_finance']);
      const county = await loginAs(world.app, 'qiongshan');
      const finance = await loginAs(world.app, 'finance2');
      await justifyAll(county, '460107');
      const servers = await twoServers(ctx.url);
      try {
        const base = `/api/declarations/460107/${Y}`;
        oneWins(await split(20, (s) => viaHttp(servers, s, county, `${base}/submit`)));
        expect(await snapshots('460107', 'submission')).toBe(1);
        expect(await events('460107', 'submit')).toBe(1);
        expect(await notices('460100', 'submit', '460107')).toBe(1);

        oneWins(
          await split(20, (s, i) =>
            i % 4 < 2
              ? viaHttp(servers, s, u.city!, `${base}/accept`)
              : viaHttp(servers, s, u.city!, `${base}/return`, { reason: `退回测试 ${i}` }),
          ),
        );
        expect(await events('460107', 'accept', 'return')).toBe(1);

        const { id, hash } = (
          await u.province!.send('POST', `/api/declarations/460000/${Y}/freeze`)
        ).json();
        oneWins(
          await split(20, (s) => viaHttp(servers, s, finance, `/api/signoffs/${id}`, { hash })),
        );
        expect(await events('460000', 'signoff.province_finance')).toBe(1);

        await declareAccepted(db(), '460108', Y);
        await addUser(db(), 'meilan', '460108', ['county']);
        const meilan = await loginAs(world.app, 'meilan');
        oneWins(
          await split(20, (s, i) =>
            viaHttp(servers, s, meilan, `/api/declarations/460108/${Y}/revise`, {
              reason: `计划调整测试 ${i}`,
            }),
          ),
        );
        expect(await events('460108', 'revise')).toBe(1);
      } finally {
        await servers.close();
      }
    },
  );
});
