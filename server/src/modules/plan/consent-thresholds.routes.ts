/** The provinces' own consent thresholds (居民协商同意比例) beside the plan-year policies. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import {
  consentThresholdBody,
  consentThresholdParams as params,
  consentThresholds,
  yearOnly,
} from '../../../../common/api/plan.ts';
import {
  clearProvinceThreshold,
  listThresholds,
  setProvinceThreshold,
} from './consent-thresholds.service.ts';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema };

export function consentThresholdRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/consent-thresholds', {
    schema: {
      tags: ['年度计划'],
      summary: '某计划年度的居民同意比例：全国默认值与各省自定的比例',
      querystring: yearOnly,
      response: { 200: consentThresholds, ...errors },
    },
    handler: async (req) => listThresholds(db, actorOf(req), req.query.year),
  });

  app.put('/api/consent-thresholds/:province/:year', {
    schema: {
      tags: ['年度计划'],
      summary: '设置本省某计划年度起的居民同意比例（省级或全国系统管理员）',
      params,
      body: consentThresholdBody,
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
