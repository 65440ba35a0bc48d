/**
 * The home page's figures (issue 13, defect 1): each changes after the action it counts, within
 * the user's region only, for the year being declared (the plan table's default, /api/plan-year).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { declareProvinceSubmitted } from '../../test-support/declarations.ts';
import type { Client } from '../../test-support/fixtures.ts';
import { declarationWorld, justifyAll, Y } from '../declarations/declarations.fixture.ts';

const home = async (c: Client, year?: number) => {
  const r = await c.get(`/api/home${year ? `?year=${year}` : ''}`);
  expect(r.statusCode).toBe(200);
  return r.json();
};

describeEachEngine('home figures', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;

  it('opens on the year whose policy deadline is ahead, for the home page and the plan table alike', async () => {
    // The fixture gives 2022's policy a deadline in 2099; no other year has one ahead.
    expect((await u.county!.get('/api/plan-year')).json()).toMatchObject({
      year: Y,
      basis: 'policy',
    });
    expect((await home(u.province!)).year).toBe(Y);
    expect((await home(u.ministry!)).planYear).toMatchObject({ year: Y, basis: 'policy' });
  });

  it('counts the plan, the submissions, the reviews, the sign-offs and the receipts, each after its action', async () => {
    const county0 = await home(u.county!);
    expect(county0.scope.code).toBe('460106');
    expect(county0.planCommunities).toBeGreaterThan(0);
    expect(county0.own).toMatchObject({ state: 'draft', toDo: 1 });
    expect(county0.deadline).toBe('2099-06-30');
    // Another year's plan is empty: the figures are of the year asked for.
    expect((await home(u.county!, 2031)).planCommunities).toBe(0);

    const city0 = await home(u.city!);
    expect(city0.children).toMatchObject({ submitted: 0, awaitingReview: 0 });
    expect(city0.children.total).toBeGreaterThan(0);
    expect(city0.planCommunities).toBeGreaterThanOrEqual(county0.planCommunities);

    // The county submits: its to-do is done, and its city has one submitted and one to review.
    await justifyAll(u.county!, '460106');
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/submit`)).statusCode).toBe(
      200,
    );
    expect((await home(u.county!)).own).toMatchObject({ state: 'submitted', toDo: 0 });
    expect((await home(u.city!)).children).toMatchObject({ submitted: 1, awaitingReview: 1 });
    // Within the user's region only: 三亚市 sees none of 海口's.
    expect((await home(u.sanya!)).children).toMatchObject({ submitted: 0, awaitingReview: 0 });

    // The city accepts: still submitted, no longer waiting.
    expect((await u.city!.send('POST', `/api/declarations/460106/${Y}/accept`)).statusCode).toBe(
      200,
    );
    expect((await home(u.city!)).children).toMatchObject({ submitted: 1, awaitingReview: 0 });

    const province0 = await home(u.province!);
    expect(province0.planCommunities).toBeGreaterThanOrEqual(city0.planCommunities);
    expect(province0.deadline).toBe('2099-06-30');
    expect(province0.children.submitted).toBe(0);

    // A version frozen for sign-off waits for the department; its sign-off counts it as signed.
    expect((await home(u.ndrc!)).signoff).toEqual({ pending: 0, signed: 0 });
    const frozen = (await u.province!.send('POST', `/api/declarations/460000/${Y}/freeze`)).json();
    expect((await home(u.ndrc!)).signoff).toEqual({ pending: 1, signed: 0 });
    expect((await home(u.finance!)).signoff).toEqual({ pending: 1, signed: 0 });
    expect(
      (await u.ndrc!.send('POST', `/api/signoffs/${frozen.id}`, { hash: frozen.hash })).statusCode,
    ).toBe(200);
    expect((await home(u.ndrc!)).signoff).toEqual({ pending: 0, signed: 1 });
    expect((await home(u.finance!)).signoff).toEqual({ pending: 1, signed: 0 });

    // The province submits: the ministry counts it; 财政部 has it to sign for, then signed.
    expect((await home(u.ministry!)).children.submitted).toBe(0);
    await declareProvinceSubmitted(ctx.db.db, '460000', Y, join(tmpdir(), 'gaizao-uploads'));
    const ministry = await home(u.ministry!);
    expect(ministry.children.submitted).toBe(1);
    // The programme's reporting units: 31 provinces and 新疆生产建设兵团, as on the tile map — no
    // 香港, 澳门 or 台湾, which have no plans in it: 31 not yet submitted.
    expect(ministry.children.total).toBe(32);
    expect(ministry.children.total - ministry.children.submitted).toBe(31);
    expect(ministry.planCommunities).toBeNull();
    expect((await home(u.mof!)).receipts).toEqual({ signed: 0, pending: 1 });
    expect((await u.mof!.send('POST', `/api/declarations/460000/${Y}/receipts`)).statusCode).toBe(
      200,
    );
    expect((await home(u.mof!)).receipts).toEqual({ signed: 1, pending: 0 });
    expect((await home(u['ndrc-national']!)).receipts).toEqual({ signed: 0, pending: 1 });
  });

  it('reports an empty plan as having no data, not as passing its checks', async () => {
    const r = (await u.county!.get('/api/plan-checks?region=460106&year=2031')).json();
    expect(r.checks.length).toBeGreaterThan(0);
    for (const c of r.checks)
      expect(c).toMatchObject({ passed: false, outcome: 'no_data', message: '本年度尚无计划数据' });
    // A year with communities keeps its real outcomes.
    const real = (await u.county!.get(`/api/plan-checks?region=460106&year=${Y}`)).json();
    expect(real.checks.some((c: { outcome: string }) => c.outcome === 'no_data')).toBe(false);
  });

  it('falls back to the latest year with plans in the region once no deadline lies ahead', async () => {
    const policy = (await u.admin!.get('/api/plan-policies')).json().items[0];
    expect(
      (
        await u.admin!.send('PUT', `/api/plan-policies/${Y}`, {
          version: policy.version,
          cutoffYear: 2000,
          latestBuildYear: 2005,
          maxPostCutoffSharePercent: 15,
          deadline: '2001-06-30',
          recipients: '住房和城乡建设部、国家发展改革委、财政部',
          source: '测试',
        })
      ).statusCode,
    ).toBe(200);
    expect((await u.county!.get('/api/plan-year')).json()).toMatchObject({
      year: Y,
      basis: 'records',
    });
    // A later year's policy with its deadline ahead is the year being declared.
    expect(
      (
        await u.admin!.send('POST', '/api/plan-policies', {
          planYear: 2030,
          deadline: '2099-12-31',
        })
      ).statusCode,
    ).toBe(201);
    expect((await u.county!.get('/api/plan-year')).json()).toMatchObject({
      year: 2030,
      basis: 'policy',
    });
    expect((await home(u.city!)).year).toBe(2030);
  });
});
