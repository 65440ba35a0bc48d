// The contract of 小区分布图, GET /api/map/communities (server/src/modules/map/map.routes.ts;
// web/src/api/communityMap.ts takes the types).
import { z } from 'zod';
import { MAP_STATUSES } from '../community-map.ts';

const status = z.enum(MAP_STATUSES);

export const communityMapQuery = z.object({
  region: z.string().trim().max(6).optional().describe('区划代码：本人辖区内的任一级'),
  status: status.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('计划年度，默认今年'),
});
export type MapQuery = z.infer<typeof communityMapQuery>;

const counts = z.object({
  plan: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
});

const point = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  households: z.number().int(),
  lng: z.number().describe('经度（WGS-84）'),
  lat: z.number().describe('纬度（WGS-84）'),
  status: status.describe('plan 计划 · started 已开工 · completed 已完工'),
});
export type MapPoint = z.infer<typeof point>;

/** A tile service the deployment configured (config.ts MAP_TILE_*), with its 审图号. */
const tiles = z.object({
  // templates with `{z}`, `{x}`, `{y}`, Web Mercator (EPSG:3857) tiles, one a layer in order
  urls: z.array(z.string()),
  // the service's map review number, shown on the map
  reviewNo: z.string(),
  attribution: z.string(),
});
export type MapTiles = z.infer<typeof tiles>;

export const communityMapSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  year: z.number().int().describe('计划年度'),
  asOf: z.string().describe('状态所依据的日期（北京时间）'),
  points: z.array(point),
  counts: counts.describe('图上各状态的小区数'),
  unlocated: counts.describe('未填经纬度、未上图的小区数（同一筛选）'),
  tiles: tiles
    .nullable()
    .describe('部署配置的底图服务（MAP_TILE_URL）；未配置时为空，页面不加载任何外部资源'),
});
export type CommunityMap = z.infer<typeof communityMapSchema>;
