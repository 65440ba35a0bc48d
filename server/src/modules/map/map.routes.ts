import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { MAP_STATUSES } from '../../domain/community-map.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { communityMap, type MapTiles } from './map.service.ts';

const counts = z.object({
  plan: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
});

export const communityMapSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int().describe('计划年度'),
  asOf: z.string().describe('状态所依据的日期（北京时间）'),
  points: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
      households: z.number().int(),
      lng: z.number().describe('经度（WGS-84）'),
      lat: z.number().describe('纬度（WGS-84）'),
      status: z.enum(MAP_STATUSES).describe('plan 计划 · started 已开工 · completed 已完工'),
    }),
  ),
  counts: counts.describe('图上各状态的小区数'),
  unlocated: counts.describe('未填经纬度、未上图的小区数（同一筛选）'),
  tiles: z
    .object({ urls: z.array(z.string()), reviewNo: z.string(), attribution: z.string() })
    .nullable()
    .describe('部署配置的底图服务（MAP_TILE_URL）；未配置时为空，页面不加载任何外部资源'),
});

export function mapRoutes(app: App, db: Kysely<Database>, tiles: MapTiles | null): void {
  app.get('/api/map/communities', {
    schema: {
      tags: ['进展统计'],
      summary: '小区分布图：本年计划小区的位置与状态（计划、已开工、已完工），及未填经纬度的小区数',
      querystring: z.object({
        region: z.string().trim().max(6).optional().describe('区划代码：本人辖区内的任一级'),
        status: z.enum(MAP_STATUSES).optional(),
        year: z.coerce.number().int().min(2000).max(2100).optional().describe('计划年度，默认今年'),
      }),
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
