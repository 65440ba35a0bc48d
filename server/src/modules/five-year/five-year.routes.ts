import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  saveCompletionTarget,
  saveGreenCommunities,
  saveStartTarget,
} from './five-year-edit.service.ts';
import { fiveYearView } from './five-year.service.ts';
import {
  codeParams,
  codeYearParams,
  completionTargetBody,
  fiveYearQuery,
  fiveYearView as fiveYearResponse,
  greenBody,
  saved as savedVersion,
  startTargetBody,
} from '../../../../common/api/five-year.ts';

const tags = ['十四五'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const saved = { 200: savedVersion, ...errors };

export function fiveYearRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/five-year', {
    schema: {
      tags,
      summary:
        '十四五目标与进展：2021—2025年各年目标、计划、开工、完工及累计，项目储备，绿色社区创建（scope 默认为本人所属区划）',
      querystring: fiveYearQuery,
      response: { 200: fiveYearResponse, ...errors },
    },
    handler: async (req) => fiveYearView(db, actorOf(req), req.query.scope),
  });

  app.put('/api/five-year/targets/:code/:year', {
    schema: {
      tags,
      summary: '设置某年新开工改造目标（全国：系统管理员；省：省级住建部门；市：市级住建部门）',
      params: codeYearParams,
      body: startTargetBody,
      response: saved,
    },
    handler: async (req) =>
      saveStartTarget(db, actorOf(req), req.params.code, req.params.year, req.body),
  });

  app.put('/api/five-year/completion-targets/:code', {
    schema: {
      tags,
      summary: '设置十四五期末完成改造目标（2000年底前建成的小区数）',
      params: codeParams,
      body: completionTargetBody,
      response: saved,
    },
    handler: async (req) => saveCompletionTarget(db, actorOf(req), req.params.code, req.body),
  });

  app.put('/api/five-year/green-communities/:code/:year', {
    schema: {
      tags,
      summary: '填报某市某年末绿色社区创建情况（市级住建部门填本市，省级住建部门可填本省各市）',
      params: codeYearParams,
      body: greenBody,
      response: saved,
    },
    handler: async (req) =>
      saveGreenCommunities(db, actorOf(req), req.params.code, req.params.year, req.body),
  });
}
