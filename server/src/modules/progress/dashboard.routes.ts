import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { dashboard } from './dashboard.service.ts';

const rate = z.number().nullable().describe('开工率（%，一位小数）；无计划时为空');
const figures = {
  planCommunities: z.number().int(),
  planHouseholds: z.number().int(),
  startedCommunities: z.number().int(),
  startedHouseholds: z.number().int(),
  completedCommunities: z.number().int(),
  startRateByCommunities: rate,
  startRateByHouseholds: rate,
  investmentDone: z.string().describe('累计完成投资（万元，两位小数）'),
};

const dashboardSchema = z.object({
  scope: z.object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['country', 'province', 'prefecture', 'county']),
    path: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  year: z.number().int(),
  month: z.number().int(),
  breakdown: z.enum(['province', 'prefecture', 'county', 'community']),
  totals: z.object(figures),
  planBasis: z
    .string()
    .describe('计划数的来源：上报版本，或台账工作底稿（未冻结），全国时按省份计数'),
  units: z.array(z.object({ code: z.string(), name: z.string(), ...figures })),
  investmentByMonth: z.array(z.object({ month: z.number().int(), investmentDone: z.string() })),
  outcomes: z.object({
    elevators: z.number().int(),
    pipelinesKm: z.string(),
    parking: z.number().int(),
    chargers: z.number().int(),
    elderlyCare: z.number().int(),
    childcare: z.number().int(),
    housekeeping: z.number().int(),
    health: z.number().int(),
    energyAreaM2: z.string(),
  }),
  communities: z
    .array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        households: z.number().int(),
        period: z.string().nullable(),
        startDate: z.string().nullable(),
        completionDate: z.string().nullable(),
        investmentDone: z.string(),
        elevators: z.number().int(),
      }),
    )
    .nullable(),
});

export function dashboardRoutes(
  app: App,
  db: Kysely<Database>,
  clock: () => Date = () => new Date(),
): void {
  app.get('/api/dashboard', {
    schema: {
      tags: ['进展统计'],
      summary:
        '进展看板：本年计划、开工、完工和开工率，下级单位按开工率排名，逐月累计完成投资，改造成效；县级单位列出小区',
      querystring: z.object({
        scope: z
          .string()
          .regex(/^(all|\d{2}|[0-9A-Z]{6})$/, '地区应为2位或6位代码，或 all')
          .optional(),
        year: z.coerce.number().int().min(2000).max(2100),
        month: z.coerce.number().int().min(1).max(12).optional(),
      }),
      response: {
        200: dashboardSchema,
        400: errorSchema,
        401: errorSchema,
        403: errorSchema,
        404: errorSchema,
      },
    },
    handler: async (req) => dashboard(db, actorOf(req), req.query, clock()),
  });
}
