import type { Kysely } from 'kysely';
import { communityMapQuery, communityMapSchema } from '../../../../common/api/map.ts';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { communityMap, type MapTiles } from './map.service.ts';

export function mapRoutes(app: App, db: Kysely<Database>, tiles: MapTiles | null): void {
  app.get('/api/map/communities', {
    schema: {
      tags: ['进展统计'],
      summary: '小区分布图：本年计划小区的位置与状态（计划、已开工、已完工），及未填经纬度的小区数',
      querystring: communityMapQuery,
      response: {
        200: communityMapSchema,
        400: errorSchema,
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
    handler: async (req) => communityMap(db, actorOf(req), req.query, tiles),
  });
}
