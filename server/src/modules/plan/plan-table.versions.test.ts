/**
 * The plan table from frozen versions (issue 11 §1): 海南's worked example submitted with its three
 * sign-offs, a small 宁夏 plan in the ledger that was never submitted.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildApp } from '../../app.ts';
import { LIVE_LABEL, ROUNDING_NOTE } from '../../domain/plan-table.ts';
import type { App } from '../../http.ts';
import { actorAt, declareProvinceSubmitted } from '../../test-support/declarations.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { assessAndPassAll } from '../../test-support/fiscal.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { HAINAN_PROJECT_LIST } from '../../test-support/samples.ts';
import { acceptDeclaration } from '../declarations/declarations.service.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { frozenRows, withKinds } from '../../domain/plan-table.ts';

const Y = 2022;
const dir = mkdtempSync(join(tmpdir(), 'gaizao-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Two communities of 银川市兴庆区 in the 2022 plan: 宁夏 has a plan in the ledger, not submitted. */
const NINGXIA = join(dir, 'ningxia.csv');
writeFileSync(
  NINGXIA,
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度\n' +
    '640104,文化街小区,1995,6,240,18000.5,900.25,2022\n' +
    '640104,新华东街小区,1998,4,160,12000.25,600.5,2022\n',
);

/** The figures of a csv body, without the BOM and header: one array of cells per line. */
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(','));
const asCells = (rows: { unit: string; label: string; values: (number | string)[] }[]) =>
  rows.map((r) => [r.unit, r.label, ...r.values.map(String)]);

async function sheetText(body: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === 'string') out.push(c.value);
    }),
  );
  out.push(wb.worksheets[0]!.headerFooter.oddFooter ?? '');
  return out;
}

describeEachEngine('plan table from frozen versions', (ctx) => {
  let app: App;
  let province: Client;
  let otherProvince: Client;
  let city: Client;
  let ministry: Client;
  let hash: string;
  let signedCsv: string;
  let signedXlsx: Buffer;
  const snapshot = async () => {
    const s = await ctx.db.db
      .selectFrom('declaration_snapshots')
      .selectAll()
      .where('unit_code', '=', '460000')
      .where('kind', '=', 'submission')
      .executeTakeFirstOrThrow();
    return { ...s, table: JSON.parse(s.content).table };
  };

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, HAINAN_PROJECT_LIST, { dryRun: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, NINGXIA, { dryRun: false });
    await assessAndPassAll(ctx.db.db, '460000', Y);
    hash = await declareProvinceSubmitted(ctx.db.db, '460000', Y, join(dir, 'uploads'));
    await addUser(ctx.db.db, 'hainan', '460000', ['province']);
    await addUser(ctx.db.db, 'hubei', '420000', ['province']);
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'mohurd', '000000', ['ministry']);
    province = await loginAs(app, 'hainan');
    otherProvince = await loginAs(app, 'hubei');
    city = await loginAs(app, 'haikou');
    ministry = await loginAs(app, 'mohurd');
  }, 120_000);
  afterAll(async () => {
    vi.useRealTimers();
    await app.close();
  });

  it('gives the signed version’s figures as frozen, with its number and hash, the same bytes at every download', async () => {
    const snap = await snapshot();
    expect(snap.hash).toBe(hash);
    const json = (
      await province.get(`/api/plan-table?province=46&year=${Y}&version=signed`)
    ).json();
    expect(json).toMatchObject({
      basis: 'version',
      basisLabel: '第 1 版（已会签）',
      version: { number: 1, hash },
      note: ROUNDING_NOTE,
      checks: [],
      versions: [{ number: 1, hash, signed: true, inForce: false }],
    });
    // The frozen rows, given back their kinds (subtotal, category, total) as the live table has.
    expect(frozenRows(json.blocks[0].rows)).toEqual(snap.table);
    expect(json.blocks[0].rows.at(-3).kind).toBe('total');
    const one = (await province.get(`/api/plan-table?province=46&year=${Y}&version=1`)).json();
    expect(one).toMatchObject({ basisLabel: '第 1 版', version: json.version });
    expect(frozenRows(one.blocks[0].rows)).toEqual(snap.table);

    vi.useFakeTimers({ toFake: ['Date'] });
    const url = `/api/plan-table?province=460000&year=${Y}&version=signed&format=`;
    const csv1 = await province.get(`${url}csv`);
    const xlsx1 = await province.get(`${url}xlsx`);
    // A minute later (the zip library stamps its entries with the time of writing, to 2 s).
    vi.setSystemTime(Date.now() + 60_000);
    const csv2 = await province.get(`${url}csv`);
    const xlsx2 = await province.get(`${url}xlsx`);
    vi.useRealTimers();
    expect(csv2.body).toBe(csv1.body);
    expect(xlsx1.rawPayload.length).toBeGreaterThan(1000);
    expect(xlsx2.rawPayload.equals(xlsx1.rawPayload)).toBe(true);
    expect(xlsx1.headers['content-disposition']).toContain(encodeURIComponent('第1版'));
    // csv: exactly the spec's columns and rows, the snapshot's figures.
    expect(csvLines(csv1.body)).toEqual(asCells(snap.table));
    signedCsv = csv1.body;
    signedXlsx = xlsx1.rawPayload;

    const text = (await sheetText(signedXlsx)).join('\n');
    expect(text).toContain(`校验码：${hash}`);
    expect(text).toContain(ROUNDING_NOTE);
    expect(text).not.toContain('工作底稿');
  });

  it('labels the live table 工作底稿 and changes it with the ledger; the signed version stays', async () => {
    const live = (await province.get(`/api/plan-table?province=46&year=${Y}`)).json();
    expect(live).toMatchObject({ basis: 'live', basisLabel: LIVE_LABEL, version: null });
    expect(live.checks.length).toBeGreaterThan(0);
    expect(
      (
        await sheetText(
          (await province.get(`/api/plan-table?province=46&year=${Y}&format=xlsx`)).rawPayload,
        )
      ).join('\n'),
    ).toContain(LIVE_LABEL);
    const liveBefore = (await province.get(`/api/plan-table?province=46&year=${Y}&format=csv`))
      .body;
    expect(liveBefore).toBe(signedCsv);

    const c = (await province.get('/api/communities?pageSize=1&sort=households&order=desc')).json()
      .items[0];
    const edited = await province.send('PUT', `/api/communities/${c.id}`, {
      version: c.version,
      regionCode: c.regionCode,
      name: c.name,
      buildYear: c.buildYear,
      buildings: c.buildings,
      households: c.households + 100,
      floorArea: c.floorArea,
      investment: c.investment,
      planYear: c.planYear,
    });
    expect(edited.statusCode).toBe(200);
    const liveAfter = (await province.get(`/api/plan-table?province=46&year=${Y}&format=csv`)).body;
    expect(liveAfter).not.toBe(liveBefore);
    const url = `/api/plan-table?province=46&year=${Y}&version=signed&format=`;
    expect((await province.get(`${url}csv`)).body).toBe(signedCsv);
    expect((await province.get(`${url}xlsx`)).rawPayload.equals(signedXlsx)).toBe(true);
  });

  it('builds the national table from the provinces’ versions, marking those without one', async () => {
    const snap = await snapshot();
    const hainanTotal = snap.table.at(-3).values;
    const submitted = (
      await ministry.get(`/api/plan-table?province=all&year=${Y}&basis=submitted`)
    ).json();
    expect(submitted.basis).toBe('submitted');
    const block = (code: string, t = submitted) =>
      t.blocks.find((b: { province: { code: string } }) => b.province.code === code);
    expect(block('460000')).toMatchObject({
      source: { kind: 'frozen', version: { number: 1, hash }, label: '第 1 版（最新上报）' },
      rows: withKinds(snap.table),
    });
    expect(block('640000')).toEqual({
      province: { code: '640000', name: '宁夏回族自治区' },
      rows: [],
      source: { kind: 'none', version: null, label: '未上报' },
    });
    // The national total: the exact sum over the versions' communities — here 海南's alone.
    expect(submitted.national[0]).toEqual({
      unit: '全国',
      label: '全国合计:',
      kind: 'total',
      values: hainanTotal,
    });

    // Accepted is the default: 海南 is submitted, not yet accepted.
    const beforeAccept = (await ministry.get(`/api/plan-table?province=all&year=${Y}`)).json();
    expect(beforeAccept.basis).toBe('accepted');
    expect(block('460000', beforeAccept).source).toEqual({
      kind: 'none',
      version: null,
      label: '尚无已接收的版本（已上报）',
    });
    expect(beforeAccept.national[0].values.slice(0, 3)).toEqual([0, 0, 0]);
    expect(
      (await ministry.get(`/api/plan-table?province=46&year=${Y}&version=signed`)).statusCode,
    ).toBe(404);

    await acceptDeclaration(ctx.db.db, await actorAt(ctx.db.db, '000000', 'ministry'), '460000', Y);
    const accepted = (await ministry.get(`/api/plan-table?province=all&year=${Y}`)).json();
    expect(block('460000', accepted).source.label).toBe('第 1 版（已接收）');
    expect(block('640000', accepted).source.label).toBe('未上报');
    expect(accepted.national[0].values).toEqual(hainanTotal);
    const text = (
      await sheetText(
        (await ministry.get(`/api/plan-table?province=all&year=${Y}&format=xlsx`)).rawPayload,
      )
    ).join('\n');
    expect(text).toContain(`海南省\u3000第 1 版（已接收）\u3000校验码：${hash}`);
    expect(text).toContain('宁夏回族自治区\u3000未上报');
    // For the ministry, the signed version is the accepted one.
    expect(
      (await ministry.get(`/api/plan-table?province=46&year=${Y}&version=signed`)).json(),
    ).toMatchObject({ basisLabel: '第 1 版（已接收）', version: { number: 1, hash } });

    // The dashboard's 计划 mixes the two the same way, and says so.
    expect(
      (await ministry.get(`/api/dashboard?scope=all&year=${Y}&month=12`)).json().planBasis,
    ).toBe('计划数：1 个省份为上报版本，1 个省份为台账工作底稿（未冻结）');

    // The live national table holds 宁夏's ledger (2 communities) and the edited 海南, labelled.
    const live = (await ministry.get(`/api/plan-table?province=all&year=${Y}&basis=live`)).json();
    expect(live.basisLabel).toBe(LIVE_LABEL);
    expect(live.national[0].values[2]).toBe(hainanTotal[2] + 2);
  });

  it('answers 404 for a version that does not exist or is another province’s, 400 for a bad one', async () => {
    const missing = await province.get(`/api/plan-table?province=46&year=${Y}&version=9`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('海南省2022年度计划第 9 版不存在');
    expect(
      (await province.get(`/api/plan-table?province=46&year=2023&version=signed`)).json().error
        .message,
    ).toBe('海南省2023年度计划尚无经三个部门会签的上报版本');
    for (const c of [otherProvince, city])
      expect((await c.get(`/api/plan-table?province=46&year=${Y}&version=1`)).statusCode).toBe(404);
    expect((await province.get(`/api/plan-table?province=46&year=${Y}&version=0`)).statusCode).toBe(
      400,
    );
    const national = await ministry.get(`/api/plan-table?province=all&year=${Y}&version=1`);
    expect(national.statusCode).toBe(400);
    expect(national.json().error.message).toMatch(/全国汇总表.*不能指定版本号/);
  });

  it('refuses a tampered version with 409 (数据校验失败) in every format and in the national table', async () => {
    const snap = await snapshot();
    const content = JSON.parse(snap.content);
    content.table[0].values[0] += 1;
    const tamper = (text: string) =>
      ctx.db.db
        .updateTable('declaration_snapshots')
        .set({ content: text })
        .where('id', '=', snap.id)
        .execute();
    await tamper(JSON.stringify(content));
    try {
      for (const format of ['json', 'csv', 'xlsx']) {
        const res = await province.get(
          `/api/plan-table?province=46&year=${Y}&version=1&format=${format}`,
        );
        expect(res.statusCode).toBe(409);
        expect(res.json().error.message).toContain('数据校验失败');
      }
      expect((await ministry.get(`/api/plan-table?province=all&year=${Y}`)).statusCode).toBe(409);
    } finally {
      await tamper(snap.content);
    }
    expect((await province.get(`/api/plan-table?province=46&year=${Y}&version=1`)).statusCode).toBe(
      200,
    );
  });
});
