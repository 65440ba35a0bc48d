import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import * as s from '../../../../common/api/regions.ts';
import { addFunctionalZone, regionWithChildren, searchVisibleRegions } from './regions.service.ts';

const tags = ['区划'];

export function regionRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/regions/:code', {
    schema: {
      tags,
      summary: '区划及其下级',
      params: s.regionCodeParam,
      response: { 200: s.regionDetail, 404: errorSchema },
    },
    handler: async (req) => {
      const { region, trail, children } = await regionWithChildren(
        db,
        actorOf(req),
        req.params.code,
      );
      return {
        code: region.code,
        name: region.name,
        level: region.level,
        kind: region.kind,
        parentCode: region.parent_code,
        path: trail,
        isLedgerUnit: region.is_ledger_unit === 1,
        children: children.map((c) => ({
          code: c.code,
          name: c.name,
          level: c.level,
          kind: c.kind,
          isLedgerUnit: c.is_ledger_unit === 1,
          hasChildren: Boolean(c.has_children),
        })),
      };
    },
  });

  app.get('/api/regions', {
    schema: {
      tags,
      summary: '按名称、代码或拼音首字母搜索区划（限本人辖区）',
      querystring: s.regionSearchQuery,
      response: { 200: s.regionSearchResult, 400: errorSchema },
    },
    handler: async (req) => {
      const rows = await searchVisibleRegions(db, actorOf(req), req.query.q, req.query.limit);
      return {
        items: rows.map(({ region: r, fullName }) => ({
          code: r.code,
          name: r.name,
          level: r.level,
          kind: r.kind,
          fullName,
        })),
      };
    },
  });

  app.post('/api/regions', {
    schema: {
      tags,
      summary: '在地级单位下添加功能区（开发区、高新区、新区），仅系统管理员',
      body: s.newFunctionalZone,
      response: { 201: s.regionChild, 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
    handler: async (req, reply) => {
      const r = await addFunctionalZone(db, actorOf(req), req.body);
      return reply.code(201).send({
        code: r.code,
        name: r.name,
        level: r.level,
        kind: r.kind,
        isLedgerUnit: true,
        hasChildren: false,
      });
    },
  });
}
