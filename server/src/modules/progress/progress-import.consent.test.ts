/**
 * The progress import records the consultations its rows carry (issue 9 §3): a file of a few
 * thousand rows with 居民同意户数 and start dates goes into a ledger with no consultations in one
 * go, whatever the rows' order; a row under the threshold is refused naming its figures; a
 * province's own threshold changes the outcome.
 */
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { importWorld, NOW, PROGRESS_HEADER, Y } from './progress-import.fixture.ts';
import { importProgress } from './progress-import.service.ts';
import { setProvinceThreshold } from '../plan/consent-thresholds.service.ts';

const SIZE = 3000;

describeEachEngine('progress import: consultations and consent', (ctx) => {
  const world = importWorld(ctx, SIZE);
  const run = (path: string, dryRun = false) =>
    importProgress(ctx.db.db, SYSTEM_ACTOR, path, { dryRun, now: NOW, fileName: 'may.csv' });
  const consultations = () =>
    ctx.db.db.selectFrom('consultations').selectAll().orderBy('id').execute();

  describe('in order', () => {
    it('refuses a start under two thirds with its figures, storing nothing', async () => {
      const path = world.csv('short', [
        `${PROGRESS_HEADER},协商日期`,
        `460106,样本小区3,${Y},${Y}-05,66,${Y}-05-10,`,
        `460106,样本小区4,${Y},${Y}-05,67,${Y}-05-10,${Y}-04-20`,
      ]);
      const report = await run(path);
      expect(report.errors.map((e) => [e.line, e.column, e.value])).toEqual([
        [2, '开工日期', `${Y}-05-10`],
      ]);
      expect(report.errors[0]!.message).toMatch(
        /同意户数须达到 66\.67%（全国默认）（现有协商记录最多 66\/100 户同意）/,
      );
      expect(report.imported).toBe(0);
      expect(await consultations()).toEqual([]);
    });

    it("uses the province's own threshold, from its year on, in the gate and its message", async () => {
      const row = (agreed: number) => `460106,样本小区3,${Y},${Y}-05,${agreed},${Y}-05-10`;
      await setProvinceThreshold(ctx.db.db, SYSTEM_ACTOR, '46', Y - 1, 50);
      const lenient = await run(world.csv('lenient', [PROGRESS_HEADER, row(60)]), true);
      expect(lenient.errors).toEqual([]);
      await setProvinceThreshold(ctx.db.db, SYSTEM_ACTOR, '46', Y, 80);
      const strict = await run(world.csv('strict', [PROGRESS_HEADER, row(79)]), true);
      expect(strict.errors[0]!.message).toMatch(
        /同意户数须达到 80%（本省规定）（现有协商记录最多 79\/100 户同意）/,
      );
      expect((await run(world.csv('strict-ok', [PROGRESS_HEADER, row(80)]), true)).errors).toEqual(
        [],
      );
      await ctx.db.db.deleteFrom('province_consent_thresholds').execute();
      const back = await run(world.csv('back', [PROGRESS_HEADER, row(60)]), true);
      expect(back.errors[0]!.message).toMatch(/66\.67%（全国默认）（现有协商记录最多 60\/100/);
      expect(await consultations()).toEqual([]);
    });

    it('imports a few thousand rows with 居民同意户数 and starts in one go, whatever the order', async () => {
      // 样本小区1's start comes first; the other community of its project agrees only in the
      // file's last row, and a later row carries a consultation date of its own.
      const rows = world.ids.map(
        (_, i) =>
          `460106,样本小区${i + 1},${Y},${Y}-05,${70 + (i % 30)},${i === 1 ? '' : `${Y}-05-10`},${i === 2 ? `${Y}-04-20` : ''}`,
      );
      const path = world.csv('may', [
        `${PROGRESS_HEADER},协商日期`,
        rows[0]!,
        ...rows.slice(2),
        rows[1]!,
      ]);
      const report = await run(path);
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ rows: SIZE, imported: SIZE, consultationsRecorded: SIZE });
      const stored = await consultations();
      expect(stored).toHaveLength(SIZE);
      const third = stored.find((c) => c.community_id === world.ids[2])!;
      expect(third).toMatchObject({
        held_on: `${Y}-04-20`,
        method: 'unrecorded',
        households_consulted: 72,
        households_agreeing: 72,
        source: 'import',
      });
      expect(stored.find((c) => c.community_id === world.ids[0])!.held_on).toBe(`${Y}-05-31`);
      expect(new Set(stored.map((c) => c.import_id)).size).toBe(1);
      const imp = await ctx.db.db.selectFrom('consultation_imports').selectAll().execute();
      expect(imp).toMatchObject([{ kind: 'progress', file_name: 'may.csv', rows: SIZE }]);
      expect(stored[0]!.import_id).toBe(imp[0]!.id);
      const started = await ctx.db.db
        .selectFrom('progress')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('start_date', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(Number(started.n)).toBe(SIZE - 1);
    }, 120_000);

    it('records a figure carried to the next month once, and takes the months in any order', async () => {
      const path = world.csv('june-april', [
        PROGRESS_HEADER + ',累计完成投资（万元）',
        `460106,样本小区1,${Y},${Y}-06,70,${Y}-05-10,30`,
        `460106,样本小区1,${Y},${Y}-07,70,${Y}-05-10,20`,
      ]);
      const report = await run(path);
      // June is taken before July whatever the lines say: July's decrease is the error.
      expect(report.errors.map((e) => [e.line, e.column])).toEqual([[3, '累计完成投资（万元）']]);
      const ok = world.csv('june', [
        PROGRESS_HEADER + ',累计完成投资（万元）',
        `460106,样本小区1,${Y},${Y}-07,70,${Y}-05-10,40`,
        `460106,样本小区1,${Y},${Y}-06,70,${Y}-05-10,30`,
      ]);
      const before = (await consultations()).length;
      expect(await run(ok)).toMatchObject({
        errors: [],
        imported: 2,
        consultationsRecorded: 0,
        consultationsKnown: 2,
      });
      expect(await consultations()).toHaveLength(before);
    });

    it('refuses a column the template does not have, naming it, and 协商日期 without 居民同意户数', async () => {
      const path = world.csv('unknown', [
        `${PROGRESS_HEADER},协商方式,备注`,
        `460106,样本小区5,${Y},${Y}-05,80,,会议,x`,
      ]);
      const report = await run(path, true);
      expect(report.errors.map((e) => [e.line, e.column])).toEqual([
        [1, '协商方式'],
        [1, '备注'],
      ]);
      expect(report.errors[0]!.message).toMatch(/模板中没有这一列/);
      const dated = world.csv('dated', [
        `区划代码,小区名称,计划年度,报告期,协商日期`,
        `460106,样本小区5,${Y},${Y}-05,${Y}-05-03`,
        `460106,样本小区5,${Y},${Y}-06,${Y}-07-03`,
      ]);
      expect((await run(dated, true)).errors.map((e) => [e.line, e.column, e.message])).toEqual([
        [2, '协商日期', '填写了协商日期，须同时填写居民同意户数'],
        [3, '协商日期', '协商日期晚于报告期末'],
        [3, '协商日期', '填写了协商日期，须同时填写居民同意户数'],
      ]);
    });
  });
});
