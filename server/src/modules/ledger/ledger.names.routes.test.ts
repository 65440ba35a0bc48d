/**
 * Issue 9 §1 and §6 through the API: upload → check → confirm. A suffix-only pair is checked with
 * one 疑似重复 and imported, both then in the 疑似重复 filter until dismissed; one name written two
 * ways is refused naming both lines; 620201 is filed under 嘉峪关市 with a note; a retired code is
 * refused naming its successor.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';

function multipart(rows: string[]) {
  const boundary = '----gaizaotest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="list.csv"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.from(`${head}${[HEADER, ...rows].join('\n')}\r\n--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
const row = (code: string, name: string) => `${code},${name},1990,3,60,5000,100,2023`;

describeEachEngine('ledger API: duplicates and region codes', (ctx) => {
  let app: App;
  let haikou: Client;
  let gansu: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'gansu', '620000', ['province']);
    haikou = await loginAs(app, 'haikou');
    gansu = await loginAs(app, 'gansu');
  });
  afterAll(() => app.close());

  const upload = async (client: Client, rows: string[]) => {
    const body = multipart(rows);
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrf,
        'content-type': body.contentType,
      },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const importAll = async (client: Client, rows: string[]) => {
    const job = await upload(client, rows);
    expect(job.status).toBe('checked');
    expect((await client.send('POST', `/api/imports/${job.id}/confirm`)).statusCode).toBe(202);
    await expect
      .poll(async () => (await client.get(`/api/imports/${job.id}`)).json().status)
      .toBe('imported');
    return (await client.get(`/api/imports/${job.id}`)).json();
  };

  it('refuses one name written two ways, naming both lines', async () => {
    const job = await upload(haikou, [row('460106', '建设路3号院'), row('460106', '建设路三号院')]);
    expect(job).toMatchObject({
      status: 'invalid',
      report: { errorCount: 1, suspectedCount: 0, errors: [{ line: 3, column: '小区名称' }] },
    });
    expect(job.report.errors[0].message).toMatch(/第 2 行“建设路3号院”与第 3 行“建设路三号院”/);
  });

  it('imports a suffix-only pair with one suspected duplicate, then filters, and dismisses it', async () => {
    const job = await importAll(haikou, [
      row('460106', '机械厂家属院'),
      row('460106', '机械厂小区'),
    ]);
    expect(job.report).toMatchObject({
      imported: 2,
      suspectedCount: 1,
      suspected: [
        {
          likeness: 'suffix',
          a: { line: 2, name: '机械厂家属院', regionName: '龙华区' },
          b: { line: 3, name: '机械厂小区', regionName: '龙华区' },
        },
      ],
    });
    const q = `/api/communities?suspected=true&q=${encodeURIComponent('机械厂')}`;
    const listed = (await haikou.get(q)).json();
    expect(listed.total).toBe(2);
    const [a, b] = listed.items.map((c: { id: number }) => c.id);
    expect(
      (await haikou.send('POST', `/api/communities/${a}/duplicates/${b}`, { status: 'dismissed' }))
        .statusCode,
    ).toBe(204);
    expect((await haikou.get(q)).json().total).toBe(0);
  });

  it('files 620201 under 嘉峪关市 with a note, and refuses a retired code naming its successor', async () => {
    const job = await importAll(gansu, [row('620201', '雄关小区')]);
    expect(job.report.codeAliases).toEqual([
      expect.objectContaining({
        code: '620201',
        unitCode: '620200',
        unitName: '嘉峪关市',
        rows: 1,
      }),
    ]);
    const stored = (await gansu.get(`/api/communities?q=${encodeURIComponent('雄关小区')}`)).json();
    expect(stored.items).toEqual([
      expect.objectContaining({ regionCode: '620200', regionName: '嘉峪关市' }),
    ]);
    const retired = await upload(haikou, [row('469003', '那大小区')]);
    expect(retired.status).toBe('invalid');
    expect(retired.report.errors[0].message).toMatch(
      /469003（儋州市）已于 2015 年撤销.*儋州市（460400）/,
    );
  });
});
