import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  saveCompletionTarget,
  saveGreenCommunities,
  saveStartTarget,
} from './five-year-edit.service.ts';
import { fiveYearView } from './five-year.service.ts';
import { fiveYearView as fiveYearResponse } from './five-year.schemas.ts';

const tags = ['十四五'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const code = z.string().regex(/^[0-9A-Z]{6}$/, '地区代码应为6位');
const year = z.coerce.number().int();
const count = z.number().int();
const source = z.string().max(500).optional().describe('依据（文件、出处）');
const version = z.number().int().min(0).optional().describe('修改前读到的版本号；新建时不填或填 0');
const saved = { 200: z.object({ version: z.number() }), ...errors };

export function fiveYearRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/five-year', {
    schema: {
      tags,
      summary:
        '十四五目标与进展：2021—2025年各年目标、计划、开工、完工及累计，项目储备，绿色社区创建（scope 默认为本人所属区划）',
      querystring: z.object({ scope: code.optional() }),
      response: { 200: fiveYearResponse, ...errors },
    },
    handler: async (req) => fiveYearView(db, actorOf(req), req.query.scope),
  });

  app.put('/api/five-year/targets/:code/:year', {
    schema: {
      tags,
      summary: '设置某年新开工改造目标（全国：系统管理员；省：省级住建部门；市：市级住建部门）',
      params: z.object({ code, year }),
      body: z.object({
        communities: count.describe('新开工改造小区数（个）'),
        households: count.nullable().optional().describe('新开工改造户数（户），可不填'),
        source,
        version,
      }),
      response: saved,
    },
    handler: async (req) =>
      saveStartTarget(db, actorOf(req), req.params.code, req.params.year, req.body),
  });

  app.put('/api/five-year/completion-targets/:code', {
    schema: {
      tags,
      summary: '设置十四五期末完成改造目标（2000年底前建成的小区数）',
      params: z.object({ code }),
      body: z.object({
        communities: count.describe('到2025年底完成改造的小区数（个）'),
        source,
        version,
      }),
      response: saved,
    },
    handler: async (req) => saveCompletionTarget(db, actorOf(req), req.params.code, req.body),
  });

  app.put('/api/five-year/green-communities/:code/:year', {
    schema: {
      tags,
      summary: '填报某市某年末绿色社区创建情况（市级住建部门填本市，省级住建部门可填本省各市）',
      params: z.object({ code, year }),
      body: z.object({
        urbanCommunities: count.describe('城市社区总数（个）'),
        participating: count.describe('参与绿色社区创建的社区数（个）'),
        meeting: count.describe('达到创建要求的社区数（个）'),
        source,
        version,
      }),
      response: saved,
    },
    handler: async (req) =>
      saveGreenCommunities(db, actorOf(req), req.params.code, req.params.year, req.body),
  });
}
