import type { Kysely } from 'kysely';
import { dashboardQuery, dashboardSchema } from '../../../../common/api/dashboard.ts';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { dashboard } from './dashboard.service.ts';

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
      querystring: dashboardQuery,
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
