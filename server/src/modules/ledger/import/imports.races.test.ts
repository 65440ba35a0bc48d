/**
 * Concurrent confirmations of one checked import (issue 10): exactly one starts the import, the
 * rest answer 409, and the ledger holds the file's rows once. On both engines, and across two
 * servers on one PostgreSQL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import type { App } from '../../../http.ts';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../../test-support/fixtures.ts';
import { answer, oneWins } from '../../../test-support/races.ts';
import { split, twoServers } from '../../../test-support/two-servers.ts';

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';

function multipart(fileName: string, content: string) {
  const boundary = '----gaizaorace' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.from(`${head}${content}\r\n--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeEachEngine('import confirm races', (ctx) => {
  let app: App;
  let haikou: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    haikou = await loginAs(app, 'haikou');
  });
  afterAll(() => app.close());

  /** Uploads a one-row file naming `community`, checked and ready to confirm. */
  async function checkedImport(community: string): Promise<string> {
    const form = multipart('list.csv', `${HEADER}\n460106,${community},1992,3,60,5000,100,2023\n`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: haikou.cookie,
        'x-csrf-token': haikou.csrf,
        'content-type': form.contentType,
      },
      payload: form.payload,
    });
    expect(res.json().status).toBe('checked');
    return res.json().id as string;
  }
  async function settled(id: string, community: string) {
    await expect
      .poll(async () => (await haikou.get(`/api/imports/${id}`)).json().status)
      .toBe('imported');
    const found = await haikou.get(`/api/communities?q=${encodeURIComponent(community)}`);
    expect(found.json().total).toBe(1);
  }

  it('starts one of 20 parallel confirmations; the rest answer 409', async () => {
    const id = await checkedImport('并发小区甲');
    oneWins(
      await Promise.all(
        Array.from({ length: 20 }, async () =>
          answer(await haikou.send('POST', `/api/imports/${id}/confirm`)),
        ),
      ),
      202,
    );
    await settled(id, '并发小区甲');
  });

  it.skipIf(ctx.engine !== 'postgres')(
    'starts one of 20 confirmations across two servers on one PostgreSQL',
    async () => {
      const id = await checkedImport('并发小区乙');
      const servers = await twoServers(ctx.url);
      const headers = { cookie: haikou.cookie, 'x-csrf-token': haikou.csrf };
      try {
        oneWins(
          await split(20, async (s) =>
            answer(
              await servers.request(s, 'POST', `/api/imports/${id}/confirm`, undefined, headers),
            ),
          ),
          202,
        );
        await settled(id, '并发小区乙');
      } finally {
        await servers.close();
      }
    },
  );
});
