import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { assessAndPassAll } from '../../test-support/fiscal.ts';
import { declareAccepted } from '../../test-support/declarations.ts';
import { ASSESSMENT, fiscalWorld, Y } from './fiscal.fixture.ts';

const URL = `/api/fiscal-assessments/460100/${Y}`;
const REVIEW = { decision: 'passed', reviewer: '王审核', reviewedOn: '2021-06-10', remark: '' };

describeEachEngine('fiscal-capacity assessments: the province’s review and submission', (ctx) => {
  const w = fiscalWorld(ctx);

  it('walks 401/404/403/400/409/200 for reviewing; a city or county never reviews its own', async () => {
    const { u } = w;
    expect((await u.haikou!.send('PUT', URL, ASSESSMENT)).statusCode).toBe(200);
    expect(
      (await u.longhua!.send('PUT', `/api/fiscal-assessments/460106/${Y}`, ASSESSMENT)).statusCode,
    ).toBe(200);
    const review = `${URL}/review`;
    const body = { ...REVIEW, version: 1 };
    expect((await w.anonymous('PUT', review, body)).statusCode).toBe(401);
    for (const who of ['hubei', 'sanya'])
      expect((await u[who]!.send('PUT', review, body)).statusCode, who).toBe(404);
    for (const [who, url] of [
      ['haikou', review],
      ['longhua', `/api/fiscal-assessments/460106/${Y}/review`],
      ['haikou', `/api/fiscal-assessments/460106/${Y}/review`],
      ['ndrc', review],
    ] as const)
      expect((await u[who]!.send('PUT', url, body)).statusCode, `${who} ${url}`).toBe(403);
    // No assessment to review.
    expect(
      (await u.hainan!.send('PUT', `/api/fiscal-assessments/460200/${Y}/review`, body)).statusCode,
    ).toBe(404);
    const bad = await u.hainan!.send('PUT', review, {
      ...body,
      decision: 'returned',
      reviewer: '',
      reviewedOn: '2021-13-45',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['remark', 'reviewedOn', 'reviewer']);
    expect((await u.hainan!.send('PUT', review, { ...body, decision: 'maybe' })).statusCode).toBe(
      400,
    );
    const returned = await u.hainan!.send('PUT', review, {
      ...body,
      decision: 'returned',
      remark: '债务率口径与财政部门不一致，请核实',
    });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      version: 2,
      review: { status: 'returned', reviewer: '王审核', reviewedBy: 'hainan' },
    });
    expect((await u.finance!.send('PUT', review, body)).statusCode).toBe(409);
    // The city corrects it: back to the province, pending.
    const fixed = await u.haikou!.send('PUT', URL, { ...ASSESSMENT, version: 2, debtRatio: '80' });
    expect(fixed.json()).toMatchObject({
      version: 3,
      review: { status: 'pending', reviewer: null },
    });
    // The finance department of the province may review too.
    const passed = await u.finance!.send('PUT', review, { ...body, version: 3 });
    expect(passed.json()).toMatchObject({ version: 4, review: { status: 'passed' } });
  });

  it('refuses the province’s submission while a city in the plan has no assessment or one not passed; warns a city', async () => {
    const { u } = w;
    const submit = () => u.hainan!.send('POST', `/api/declarations/460000/${Y}/submit`);
    const blockingPaths = async () => {
      const r = await submit();
      expect(r.statusCode).toBe(400);
      return {
        message: r.json().error.message as string,
        subCode: r.json().error.subCode as string,
        paths: (r.json().error.details ?? []).map((d: { path: string }) => d.path) as string[],
        details: r.json().error.details as { path: string; message: string }[],
      };
    };
    const waiting = (await u.hainan!.get(`/api/declarations/460000/${Y}`)).json()
      .unacceptedChildren as { code: string }[];
    for (const c of waiting) await declareAccepted(ctx.db.db, c.code, Y);

    // 三亚市 and the other cities have recorded nothing.
    const first = await blockingPaths();
    expect(first.paths).toContain('fiscal_assessed');
    expect(first.subCode).toBe('CHECKS_BLOCKING');
    expect(first.details.find((d) => d.path === 'fiscal_assessed')!.message).toMatch(/三亚市/);

    // Everyone else assessed and passed; 龙华区 (from the test above) still pending.
    await u.longhua!.send('PUT', `/api/fiscal-assessments/460106/${Y}`, {
      ...ASSESSMENT,
      version: 1,
      available: '900',
    });
    await assessAndPassAll(ctx.db.db, '460000', Y);
    const second = await blockingPaths();
    expect(second.paths).not.toContain('fiscal_assessed');
    expect(second.paths).toContain('fiscal_reviewed');
    expect(second.details.find((d) => d.path === 'fiscal_reviewed')!.message).toMatch(
      /待省级审核：龙华区/,
    );
    // Below the province the same finding is a warning.
    const cityChecks = (await u.haikou!.get(`/api/plan-checks?region=460100&year=${Y}`)).json()
      .checks as { id: string; severity: string; passed: boolean; outcome?: string }[];
    expect(cityChecks.find((c) => c.id === 'fiscal_reviewed')).toMatchObject({
      severity: 'warning',
      passed: false,
      outcome: 'pending',
    });

    const longhua = (await u.hainan!.get(`/api/fiscal-assessments/460106/${Y}`)).json();
    expect(
      (
        await u.hainan!.send('PUT', `/api/fiscal-assessments/460106/${Y}/review`, {
          ...REVIEW,
          version: longhua.version,
        })
      ).statusCode,
    ).toBe(200);
    const third = await blockingPaths();
    expect(third.paths.filter((p) => p.startsWith('fiscal_'))).toEqual([]);
    // What holds it now is the next step of the journey: the provincial government's approval.
    expect(third.message).toMatch(/省级人民政府/);
    const provinceChecks = (await u.hainan!.get(`/api/plan-checks?region=460000&year=${Y}`)).json()
      .checks as { id: string; passed: boolean; outcome?: string }[];
    expect(
      provinceChecks.filter((c) => ['fiscal_assessed', 'fiscal_reviewed'].includes(c.id)),
    ).toEqual([
      expect.objectContaining({ id: 'fiscal_assessed', passed: true, outcome: 'all_assessed' }),
      expect.objectContaining({ id: 'fiscal_reviewed', passed: true, outcome: 'all_passed' }),
    ]);
  });
});
