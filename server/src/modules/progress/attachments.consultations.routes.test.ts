/**
 * Consultations, the project-level start rule and funds in place, through the API: every endpoint
 * walks 401 → 403/404 → 400 → 200.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { progressWorld, Y } from './attachments.fixture.ts';
import { importProgress } from './progress-import.service.ts';

describeEachEngine('community progress: consultations and funds', (ctx) => {
  const world = progressWorld(ctx);
  const { anonymous } = world;

  describe('consultations and the start rule', () => {
    it('POST consultations: 401 → 403 → 404 → 400 → 201', async () => {
      const body = {
        heldOn: `${Y}-01-05`,
        method: 'written',
        householdsConsulted: 30,
        householdsAgreeing: 25,
      };
      const url = `/api/communities/${world.west}/consultations`;
      expect((await anonymous('POST', url, body)).statusCode).toBe(401);
      expect((await world.stats.send('POST', url, body)).statusCode).toBe(403);
      expect((await world.sanya.send('POST', url, body)).statusCode).toBe(404);
      const bad = await world.county.send('POST', url, { ...body, householdsConsulted: 31 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/不能超过小区居民户数（30 户）/);
      expect((await world.county.send('POST', url, { ...body, method: 'phone' })).statusCode).toBe(
        400,
      );
      expect((await world.county.send('POST', url, body)).statusCode).toBe(201);
    });

    it('refuses a start of a project while another of its communities lacks consent, in the API and an import', async () => {
      const url = `/api/communities/${world.west}/progress/${Y}-01`;
      const refused = await world.county.send('PUT', url, { startDate: `${Y}-01-10` });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toMatch(
        /项目“东湖片区改造”的小区须全部经居民协商达到 2\/3 同意后方可开工，尚未达到：东湖一村（0\/40 户同意）/,
      );
      const view = (await world.county.get(`/api/communities/${world.west}/progress`)).json();
      expect(view.consent).toMatchObject({ reached: true, share: '83.3%', thresholdLabel: '2/3' });
      expect(view.startBlockedBy).toMatch(/东湖一村/);

      const csv = join(world.dir, `start-${ctx.engine}.csv`);
      writeFileSync(
        csv,
        [
          '区划代码,小区名称,计划年度,报告期,开工日期',
          `460106,东湖二村,${Y},${Y}-01,${Y}-01-10`,
        ].join('\n'),
      );
      const report = await importProgress(ctx.db.db, SYSTEM_ACTOR, csv, { dryRun: false });
      expect(report.imported).toBe(0);
      expect(report.errors.map((e) => [e.line, e.column])).toEqual([[2, '开工日期']]);
      expect(report.errors[0]!.message).toMatch(/东湖一村/);

      // 26/40 = 65 % is short of two thirds; 27/40 reaches it.
      for (const agreeing of [26, 27])
        expect(
          (
            await world.county.send('POST', `/api/communities/${world.east}/consultations`, {
              heldOn: `${Y}-01-06`,
              method: 'meeting',
              householdsConsulted: 40,
              householdsAgreeing: agreeing,
              agreedScheme: true,
              agreedContribution: true,
              agreedAftercare: true,
            })
          ).statusCode,
        ).toBe(201);
      expect((await world.county.send('PUT', url, { startDate: `${Y}-01-10` })).statusCode).toBe(
        204,
      );
      const east2 = (await world.county.get(`/api/communities/${world.east}/progress`)).json();
      expect(east2.startBlockedBy).toBeNull();
      expect(east2.consultations.map((c: { share: string }) => c.share)).toEqual([
        '65.0%',
        '67.5%',
      ]);
    });

    it('GET progress: 401 → 403 → 404 → 400 → 200', async () => {
      const url = `/api/communities/${world.binhai}/progress`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await world.ndrc.get(url)).statusCode).toBe(403);
      expect((await world.sanya.get(url)).statusCode).toBe(404);
      expect((await world.county.get('/api/communities/abc/progress')).statusCode).toBe(400);
      const res = await world.county.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        households: 90,
        consent: { households: 90, bestAgreeing: 0, reached: false, share: '0.0%' },
        consultations: [],
        records: [],
        photos: [],
      });
      expect(res.json().fundingSources).toHaveLength(7);
    });
  });

  describe('funds in place', () => {
    it('PUT progress with funds: 401 → 403 → 404 → 400 → 204, kept when omitted', async () => {
      const url = `/api/communities/${world.binhai}/progress/${Y}-01`;
      const body = {
        investmentDone: '12.5',
        funds: [
          { source: 'central', amount: '10' },
          { source: 'residents', amount: '0.2500' },
        ],
      };
      expect((await anonymous('PUT', url, body)).statusCode).toBe(401);
      expect((await world.stats.send('PUT', url, body)).statusCode).toBe(403);
      expect((await world.sanya.send('PUT', url, body)).statusCode).toBe(404);
      expect(
        (await world.county.send('PUT', url, { funds: [{ source: 'lottery', amount: '1' }] }))
          .statusCode,
      ).toBe(400);
      const bad = await world.county.send('PUT', url, {
        funds: [{ source: 'central', amount: '1.23456' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/资金到位：中央补助资金（万元）：应为不小于0的数/);
      const twice = await world.county.send('PUT', url, {
        funds: [
          { source: 'central', amount: '1' },
          { source: 'central', amount: '2' },
        ],
      });
      expect(twice.json().error.message).toMatch(/同一资金来源填写了两次/);
      expect((await world.county.send('PUT', url, body)).statusCode).toBe(204);
      expect(
        (await world.county.send('PUT', url, { investmentDone: '13', elevators: 1 })).statusCode,
      ).toBe(204);
      const [record] = (await world.county.get(`/api/communities/${world.binhai}/progress`)).json()
        .records;
      expect(record).toMatchObject({
        period: `${Y}-01`,
        investmentDone: '13',
        elevators: 1,
        fundsTotal: '10.25',
        funds: [
          { source: 'central', label: '中央补助资金', amount: '10' },
          { source: 'residents', label: '居民出资', amount: '0.25' },
        ],
      });
      expect(
        (await world.county.send('PUT', url, { investmentDone: '13', funds: [] })).statusCode,
      ).toBe(204);
      expect(
        (await world.county.get(`/api/communities/${world.binhai}/progress`)).json().records[0]
          .funds,
      ).toEqual([]);
    });
  });
});
