import type { Kysely } from 'kysely';
import { homeQuery, homeResponse } from '../../../../common/api/home.ts';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { homeFigures } from './home.service.ts';

export function homeRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/home', {
    schema: {
      tags: ['首页'],
      summary:
        '首页数字：申报年度（默认正在申报的年度），本单位计划小区数、申报状态和待办，下级单位已上报和待审核数，待会签和已会签，各省签收；只计本单位区划之内',
      querystring: homeQuery,
      response: {
        200: homeResponse,
        401: errorSchema,
        404: errorSchema,
      },
    },
    handler: async (req) => homeFigures(db, actorOf(req), req.query.year),
  });
}
