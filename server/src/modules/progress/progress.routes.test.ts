import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { importProgress } from './progress-import.service.ts';
import { iterateStatisticsCommunities } from './progress.repository.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const Y = 2026;
const NOW = new Date('2026-11-25T08:00:00Z');

describeEachEngine('progress', (ctx) => {
  let app: App;
  let county: Client;
  let sanya: Client;
  let ids: number[];
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,滨海一村,1990,5,90,7000,200,2026',
        '460106,滨海二村,1992,4,60,5000,150,2026',
        '460202,鹿城小区,1995,3,30,2500,80,2026',
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    county = await loginAs(app, 'longhua');
    sanya = await loginAs(app, 'sanya');
    ids = (await county.get('/api/communities?sort=name'))
      .json()
      .items.map((c: { id: number }) => c.id);
  });
  afterAll(() => app.close());

  it('refuses a start until a consultation reaches two thirds of households, with the reason', async () => {
    const [first] = ids;
    const refused = await county.send('PUT', `/api/communities/${first}/progress/2026-04`, {
      startDate: '2026-04-10',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/未经居民充分协商取得共识的，不得开工改造/);
    expect(
      (
        await county.send('POST', `/api/communities/${first}/consultations`, {
          heldOn: '2026-03-01',
          method: 'meeting',
          householdsConsulted: 80,
          householdsAgreeing: 59,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await county.send('PUT', `/api/communities/${first}/progress/2026-04`, {
          startDate: '2026-04-10',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await county.send('POST', `/api/communities/${first}/consultations`, {
          heldOn: '2026-03-20',
          method: 'door_to_door',
          householdsConsulted: 90,
          householdsAgreeing: 61,
          agreedScheme: true,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await county.send('PUT', `/api/communities/${first}/progress/2026-04`, {
          startDate: '2026-04-10',
          investmentDone: '50.5',
          elevators: 1,
        })
      ).statusCode,
    ).toBe(204);
    const p = (await county.get(`/api/communities/${first}/progress`)).json();
    expect(p).toMatchObject({
      consentReached: true,
      records: [{ period: '2026-04', startDate: '2026-04-10', elevators: 1 }],
    });
    expect(
      (
        await county.send('POST', `/api/communities/${first}/consultations`, {
          heldOn: '2026-03-20',
          method: 'meeting',
          householdsConsulted: 91,
          householdsAgreeing: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect((await sanya.get(`/api/communities/${first}/progress`)).statusCode).toBe(404);
  });

  it('refuses a start in an import too, all or nothing, by line and column', async () => {
    const path = join(dir, `progress-${ctx.engine}.csv`);
    writeFileSync(
      path,
      [
        '区划代码,小区名称,计划年度,报告期,开工日期,累计完成投资（万元）,加装电梯（部）',
        '460106,滨海一村,2026,2026-05,2026-04-10,80,1',
        '460106,滨海二村,2026,2026年5月,2026-05-02,10,0',
        '460106,不存在小区,2026,2026-05,,,',
      ].join('\n'),
    );
    const report = await importProgress(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false, now: NOW });
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [3, '开工日期'],
      [4, '小区名称'],
    ]);
    expect(report.errors[0]!.message).toMatch(/不得开工改造/);
    const fixed = join(dir, `progress-ok-${ctx.engine}.csv`);
    writeFileSync(
      fixed,
      [
        '区划代码,小区名称,计划年度,报告期,开工日期,完工日期,累计完成投资（万元）,加装电梯（部）,改造管线（公里）,增设养老服务设施（个）',
        '460106,滨海一村,2026,2026-05,2026-04-10,,80,1,1.234,1',
        '460106,滨海二村,2026,2026-05,,,0,0,,',
      ].join('\n'),
    );
    expect(
      (await importProgress(ctx.db.db, SYSTEM_ACTOR, fixed, { dryRun: false, now: NOW })).errors,
    ).toEqual([]);
    const down = join(dir, `progress-down-${ctx.engine}.csv`);
    writeFileSync(
      down,
      [
        '区划代码,小区名称,计划年度,报告期,开工日期,累计完成投资（万元）',
        '460106,滨海一村,2026,2026-06,2026-04-10,70',
      ].join('\n'),
    );
    expect(
      (await importProgress(ctx.db.db, SYSTEM_ACTOR, down, { dryRun: true, now: NOW })).errors[0]!
        .message,
    ).toMatch(/少于上月/);
    // A start, a facility or a length counted to May's end is not taken back in June unsaid; an
    // unreadable investment is not also reported as less than May's.
    const erased = join(dir, `progress-erased-${ctx.engine}.csv`);
    const june = (start: string, more = '') =>
      writeFileSync(
        erased,
        [
          `区划代码,小区名称,计划年度,报告期,开工日期,累计完成投资（万元）,加装电梯（部）,改造管线（公里）${more ? ',更正' : ''}`,
          `460106,滨海一村,2026,2026-06,${start},NaN,0,1.2${more}`,
        ].join('\n'),
      );
    june('');
    const taken = await importProgress(ctx.db.db, SYSTEM_ACTOR, erased, { dryRun: true, now: NOW });
    expect(taken.errors.map((e) => e.column)).toEqual([
      '累计完成投资（万元）',
      '开工日期',
      '改造管线（公里）',
      '加装电梯（部）',
      // Left out of the file, May's one facility would have become none.
      '增设养老服务设施（个）',
    ]);
    expect(taken.errors[1]!.message).toMatch(
      /^上月（2026-05）已记开工（2026-04-10），本月不能为空/,
    );
    expect(taken.errors[2]!.message).toMatch(/^少于上月（2026-05）的累计数（1.234）/);
    june('', ',是');
    const marked = await importProgress(ctx.db.db, SYSTEM_ACTOR, erased, {
      dryRun: true,
      now: NOW,
    });
    expect(marked.errors.map((e) => e.column)).toEqual(['累计完成投资（万元）']);
    // A cell under no header refuses its row, as in a project list.
    const stray = join(dir, `progress-stray-${ctx.engine}.csv`);
    writeFileSync(
      stray,
      [
        '区划代码,小区名称,计划年度,报告期,开工日期,累计完成投资（万元）',
        '460106,滨海一村,2026,2026-06,2026-04-10,90,备注',
      ].join('\n'),
    );
    const refused = await importProgress(ctx.db.db, SYSTEM_ACTOR, stray, {
      dryRun: true,
      now: NOW,
    });
    expect(refused.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'G列（无表头）', '备注'],
    ]);
  });

  it('rolls progress up into the table of the spec, with rates from exact counts', async () => {
    const res = await county.get(`/api/progress-table?scope=46&year=${Y}&month=5`);
    expect(res.statusCode).toBe(404); // a county does not see the province's table
    await addUser(ctx.db.db, 'hn', '460000', ['province']);
    const province = await loginAs(app, 'hn');
    const t = (await province.get(`/api/progress-table?scope=46&year=${Y}&month=5`)).json();
    expect(t.header[0]).toBe('地区');
    const haikou = t.rows.find((r: unknown[]) => r[0] === '海口市');
    expect(haikou).toEqual(['海口市', 2, 150, 1, 90, '50.0%', '60.0%', 0, '80.00', 1, '1.23', 1]);
    expect(t.rows.at(-1)).toEqual([
      '合计',
      3,
      180,
      1,
      90,
      '33.3%',
      '50.0%',
      0,
      '80.00',
      1,
      '1.23',
      1,
    ]);
    const april = (await province.get(`/api/progress-table?scope=46&year=${Y}&month=4`)).json();
    expect(april.rows.at(-1).slice(3, 5)).toEqual([1, 90]);
    const march = (await province.get(`/api/progress-table?scope=46&year=${Y}&month=3`)).json();
    expect(march.rows.at(-1).slice(3, 5)).toEqual([0, 0]);
    const csv = (await province.get(`/api/progress-table?scope=46&year=${Y}&month=5&format=csv`))
      .body;
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFF地区,计划改造小区数,计划改造户数,新开工小区数,新开工户数,按小区数开工率,按户数开工率,完工小区数,累计完成投资（万元）,加装电梯（部）,改造管线（公里）,增设养老托育设施（个）',
    );
    const xlsx = await province.get(`/api/progress-table?scope=46&year=${Y}&month=5&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    // Under the table, which plan its 计划 column counts, as the json and the page say.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const { planNote } = (
      await province.get(`/api/progress-table?scope=46&year=${Y}&month=5`)
    ).json();
    expect(planNote).toMatch(/[\u4e00-\u9fff]/);
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe(`注：${planNote}`);
  });

  it('exports every project with its stable ID and this year’s indicators for the statistics bureau', async () => {
    await addUser(ctx.db.db, 'tj', '460000', ['statistics']);
    const stats = await loginAs(app, 'tj');
    const csv = (await stats.get(`/api/statistics-export?scope=46&year=${Y}&month=5&format=csv`))
      .body;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.startsWith('项目编号,项目名称,项目库,小区编号,小区名称')).toBe(true);
    expect(lines).toHaveLength(4);
    const first = lines.find((l) => l.includes('滨海一村'))!.split(',');
    expect(first[0]).toMatch(/^XM2026460106\d{7}$/);
    expect(first.slice(11, 15)).toEqual(['2026-04-10', '', '80.0000', '1']);
    // As at March, April's start is not there yet: the latest record up to the month, not after.
    const march = (
      await stats.get(`/api/statistics-export?scope=46&year=${Y}&month=3&format=csv`)
    ).body
      .split('\r\n')
      .find((l) => l.includes('滨海一村'))!
      .split(',');
    expect(march.slice(11, 14)).toEqual(['', '', '0.0000']);
    // The xlsx (streamed) holds the same rows as the csv, and the sheet of definitions.
    const xlsx = await stats.get(`/api/statistics-export?scope=46&year=${Y}&month=5&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('改造项目清单')!;
    const cells = (n: number) =>
      (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(sheet.actualRowCount).toBe(lines.length);
    // Figures are numbers in the xlsx (7000.00 reads back as 7000), text in the csv.
    const asRead = (field: string) => (/^\d+\.\d+$/.test(field) ? String(Number(field)) : field);
    for (let n = 1; n <= lines.length; n++)
      expect(cells(n).join(',')).toBe(
        lines[n - 1]!.split(',').map(asRead).join(',').replace(/,+$/, ''),
      );
    expect(book.getWorksheet('指标说明')!.actualRowCount).toBe(21);
    // Read a row at a time, the export returns the same rows in the same order.
    const region = (await ctx.db.db
      .selectFrom('regions')
      .selectAll()
      .where('code', '=', '460000')
      .executeTakeFirstOrThrow())!;
    const read = async (batch: number) => {
      const all = [];
      for await (const b of iterateStatisticsCommunities(
        ctx.db.db,
        region.path,
        Y,
        `${Y}-05`,
        batch,
      ))
        all.push(...b.map((r) => `${r.code}/${r.id}/${r.start_date ?? ''}`));
      return all;
    };
    expect(await read(1)).toEqual(await read(2000));
    expect(await read(1)).toHaveLength(3);
    expect((await sanya.get(`/api/statistics-export?scope=46&year=${Y}&month=5`)).statusCode).toBe(
      404,
    );
  });
});
