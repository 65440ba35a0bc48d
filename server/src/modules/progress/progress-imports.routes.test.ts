/**
 * The progress and consultations imports over HTTP, and the provinces' consent thresholds: each
 * endpoint walks 401 → 403/404 → 400 → 200/204; a province's figure changes what an import takes.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import type { Client } from '../../test-support/fixtures.ts';
import { multipart } from './attachments.fixture.ts';
import { importWorld, PROGRESS_HEADER, Y } from './progress-import.fixture.ts';

const CONSULTATION_HEADER =
  '区划代码,小区名称,计划年度,协商日期,方式,参与户数,同意户数,是否同意改造方案,是否同意长效管理';

describeEachEngine('progress and consultations imports, consent thresholds: API', (ctx) => {
  const world = importWorld(ctx, 10);
  const upload = (who: Client | undefined, kind: string, dryRun: boolean, lines: string[]) => {
    const form = multipart({}, { name: `${kind}.csv`, content: Buffer.from(lines.join('\n')) });
    return world.app.inject({
      method: 'POST',
      url: `/api/progress-imports?kind=${kind}&dryRun=${dryRun}`,
      headers: {
        'content-type': form.contentType,
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
      },
      payload: form.payload,
    });
  };

  describe('consultations import', () => {
    it('POST: 401 → 403 → 400 → 200, errors by line and column, then stored with every column', async () => {
      const good = [
        CONSULTATION_HEADER,
        `460106,样本小区1,${Y},${Y}-03-02,入户走访,90,80,是,否`,
        `460106,样本小区2,${Y},${Y}-03-05,,100,70,否,是`,
      ];
      expect((await upload(undefined, 'consultations', true, good)).statusCode).toBe(401);
      expect((await upload(world.stats, 'consultations', true, good)).statusCode).toBe(403);
      const bad = await upload(world.county, 'consultations', false, [
        `${CONSULTATION_HEADER},参会人`,
        `460106,样本小区1,${Y},${Y}-03-02,电话,90,91,可以,否,张三`,
      ]);
      expect(bad.statusCode).toBe(200);
      expect(bad.json().errors.map((e: { column: string }) => e.column)).toEqual(['参会人']);
      const rows = await upload(world.county, 'consultations', false, [
        CONSULTATION_HEADER,
        `460106,样本小区1,${Y},${Y}-03-02,电话,101,91,可以,否`,
        `460106,样本小区9,${Y},2099-01-01,会议,90,80,是,是`,
      ]);
      expect(
        rows.json().errors.map((e: { line: number; column: string }) => [e.line, e.column]),
      ).toEqual([
        [2, '方式'],
        [2, '是否同意改造方案'],
        [2, '参与户数'],
        [3, '协商日期'],
      ]);
      expect((await upload(world.county, 'consultations', false, ['x'])).statusCode).toBe(200);
      const checked = (await upload(world.county, 'consultations', true, good)).json();
      expect(checked).toMatchObject({ kind: 'consultations', dryRun: true, rows: 2, errors: [] });
      const done = (await upload(world.county, 'consultations', false, good)).json();
      expect(done).toMatchObject({ rows: 2, imported: 2, known: 0, errorCount: 0 });
      const again = (await upload(world.county, 'consultations', false, good)).json();
      expect(again).toMatchObject({ imported: 0, known: 2 });
      const stored = await ctx.db.db
        .selectFrom('consultations')
        .selectAll()
        .orderBy('community_id')
        .execute();
      expect(stored).toMatchObject([
        {
          community_id: world.ids[0],
          held_on: `${Y}-03-02`,
          method: 'door_to_door',
          households_consulted: 90,
          households_agreeing: 80,
          agreed_scheme: 1,
          agreed_aftercare: 0,
          source: 'import',
        },
        { method: 'unrecorded', agreed_scheme: 0, agreed_aftercare: 1, source: 'import' },
      ]);
      const view = (await world.county.get(`/api/communities/${world.ids[0]}/progress`)).json();
      expect(view.consultations[0]).toMatchObject({ source: 'import', householdsAgreeing: 80 });
      // The upload is not kept.
      expect(readdirSync(join(world.dir, 'uploads'))).toEqual([]);
    });

    it('lets a progress file start what the consultations import recorded', async () => {
      const res = await upload(world.county, 'progress', false, [
        PROGRESS_HEADER,
        `460106,样本小区1,${Y},${Y}-04,,${Y}-04-10`,
        `460106,样本小区2,${Y},${Y}-04,,${Y}-04-12`,
      ]);
      expect(res.json()).toMatchObject({ kind: 'progress', imported: 2, errors: [] });
    });
  });

  describe('consent thresholds', () => {
    const url = `/api/consent-thresholds/46/${Y}`;
    it('PUT and DELETE: 401 → 403 → 404 → 400 → 204, and the GET lists them', async () => {
      expect(
        (await world.app.inject({ method: 'PUT', url, payload: { percent: 75 } })).statusCode,
      ).toBe(401);
      expect((await world.county.send('PUT', url, { percent: 75 })).statusCode).toBe(403);
      expect((await world.guangdong.send('PUT', url, { percent: 75 })).statusCode).toBe(404);
      expect((await world.hainan.send('PUT', url, { percent: 0 })).statusCode).toBe(400);
      expect((await world.hainan.send('PUT', url, { percent: 101 })).statusCode).toBe(400);
      expect((await world.hainan.send('PUT', url, { percent: 75 })).statusCode).toBe(204);
      expect(
        (await world.root.send('PUT', `/api/consent-thresholds/44/${Y}`, { percent: 90 }))
          .statusCode,
      ).toBe(204);
      const list = (await world.hainan.get(`/api/consent-thresholds?year=${Y + 1}`)).json();
      expect(list).toMatchObject({ national: 0.6667, nationalLabel: '2/3' });
      // A province sees its own figure only; it holds in later years until it sets another.
      expect(list.items).toMatchObject([
        {
          provinceCode: '460000',
          provinceName: '海南省',
          threshold: 0.75,
          label: '3/4',
          fromYear: Y,
        },
      ]);
      expect((await world.root.get(`/api/consent-thresholds?year=${Y}`)).json().items).toHaveLength(
        2,
      );
      const view = (await world.county.get(`/api/communities/${world.ids[2]}/progress`)).json();
      expect(view).toMatchObject({ consentThreshold: 0.75, consentThresholdSource: 'province' });
      expect(view.consent.thresholdLabel).toBe('3/4');
    });

    it("changes what an import takes, and the province's DELETE goes back to the national figure", async () => {
      const row = [PROGRESS_HEADER, `460106,样本小区3,${Y},${Y}-05,70,${Y}-05-10`];
      const strict = (await upload(world.county, 'progress', true, row)).json();
      expect(strict.errors[0].message).toMatch(
        /75%（本省规定）（现有协商记录最多 70\/100 户同意）/,
      );
      expect((await world.county.send('DELETE', url)).statusCode).toBe(403);
      expect((await world.hainan.send('DELETE', url)).statusCode).toBe(204);
      expect((await world.hainan.send('DELETE', url)).statusCode).toBe(404);
      expect((await upload(world.county, 'progress', true, row)).json().errors).toEqual([]);
    });
  });
});
