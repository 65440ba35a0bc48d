/**
 * The setting of the fiscal-capacity route tests: 海南's 2022 project list (test-support/samples.ts),
 * a user at each unit the tests need, an upload folder of their own, and a multipart helper.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse as Response } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import type { EngineContext } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { HAINAN_PROJECT_LIST } from '../../test-support/samples.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { multipart, type Multipart } from '../progress/attachments.fixture.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

export const Y = 2022;
export const PDF = Buffer.from('%PDF-1.4\n% 海口市财政承受能力评估报告\n', 'utf8');
export const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
export { multipart };

/** A first assessment of the city, as its form sends it. */
export const ASSESSMENT = {
  available: '1500',
  document: '海财债〔2021〕12号',
  debtIndicators: '政府债务率、财政自给率',
  debtRatio: '85.5',
  debtBalance: '2500000',
  conclusion: 'within',
  conclusionNote: '',
};

export interface FiscalWorld {
  app: App;
  /**
   * Signed in, by name: haikou (海口市, city), longhua (龙华区, county), sanya (三亚市, city),
   * hainan (海南省, province), finance (海南省财政厅), ndrc (海南省发改委), hubei (湖北省, province).
   */
  u: Record<string, Client>;
  /** A multipart POST, as `who` or without a session. */
  post(who: Client | undefined, url: string, form: Multipart): Promise<Response>;
  anonymous(method: 'GET' | 'PUT', url: string, payload?: object): Promise<Response>;
  stored(): number;
}

export function fiscalWorld(ctx: EngineContext): FiscalWorld {
  const dir = mkdtempSync(join(tmpdir(), 'gaizao-fiscal-'));
  const uploads = join(dir, 'uploads');
  const world = {
    u: {},
    post: (who, url, form) =>
      world.app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': form.contentType,
          ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
        },
        payload: form.payload,
      }),
    anonymous: (method, url, payload) =>
      world.app.inject({ method, url, ...(payload ? { payload } : {}) }),
    stored: () => (existsSync(uploads) ? readdirSync(uploads).length : 0),
  } as FiscalWorld;
  beforeAll(async () => {
    world.app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir: uploads });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, HAINAN_PROJECT_LIST, { dryRun: false });
    const accounts: [string, string, Parameters<typeof addUser>[3]][] = [
      ['haikou', '460100', ['city']],
      ['longhua', '460106', ['county']],
      ['sanya', '460200', ['city']],
      ['hainan', '460000', ['province']],
      ['finance', '460000', ['province_finance']],
      ['ndrc', '460000', ['province_ndrc']],
      ['hubei', '420000', ['province']],
    ];
    for (const [name, region, roles] of accounts) {
      await addUser(ctx.db.db, name, region, roles);
      world.u[name] = await loginAs(world.app, name);
    }
  });
  afterAll(async () => {
    await world.app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return world;
}
