/** The provinces' own consent thresholds (居民协商同意比例) beside the plan-year policies. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  clearProvinceThreshold,
  listThresholds,
  setProvinceThreshold,
} from './consent-thresholds.service.ts';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema };
const year = z.coerce.number().int().min(2000).max(2100);
const params = z.object({
  province: z.string().regex(/^\d{2}(0000)?$/, '省份应为2位或6位代码'),
  year,
});

export function consentThresholdRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/consent-thresholds', {
    schema: {
      tags: ['年度计划'],
      summary: '某计划年度的居民同意比例：全国默认值与各省自定的比例',
      querystring: z.object({ year }),
      response: {
        200: z.object({
          planYear: z.number(),
          national: z.number().describe('全国默认比例，0.6667 即三分之二'),
          nationalLabel: z.string(),
          items: z.array(
            z.object({
              provinceCode: z.string(),
              provinceName: z.string(),
              threshold: z.number(),
              label: z.string(),
              fromYear: z.number().describe('该比例自哪一计划年度起适用'),
              updatedAt: z.string(),
              updatedBy: z.string().nullable(),
            }),
          ),
        }),
        ...errors,
      },
    },
    handler: async (req) => listThresholds(db, actorOf(req), req.query.year),
  });

  app.put('/api/consent-thresholds/:province/:year', {
    schema: {
      tags: ['年度计划'],
      summary: '设置本省某计划年度起的居民同意比例（省级或全国系统管理员）',
      params,
      body: z.object({
        percent: z
          .number()
          .gt(0, '居民同意比例应大于 0')
          .max(100, '居民同意比例不能超过 100%')
          .describe('开工前须同意的居民户数比例（%），如 75'),
      }),
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await setProvinceThreshold(
        db,
        actorOf(req),
        req.params.province,
        req.params.year,
        req.body.percent,
      );
      return reply.code(204).send(null);
    },
  });

  app.delete('/api/consent-thresholds/:province/:year', {
    schema: {
      tags: ['年度计划'],
      summary: '取消本省某计划年度的居民同意比例，恢复全国默认值（或本省较早年度的比例）',
      params,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await clearProvinceThreshold(db, actorOf(req), req.params.province, req.params.year);
      return reply.code(204).send(null);
    },
  });
}
