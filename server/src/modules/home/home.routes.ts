import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { homeFigures } from './home.service.ts';

const count = z.number().int();

export function homeRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/home', {
    schema: {
      tags: ['首页'],
      summary:
        '首页数字：申报年度（默认正在申报的年度），本单位计划小区数、申报状态和待办，下级单位已上报和待审核数，待会签和已会签，各省签收；只计本单位区划之内',
      querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
      response: {
        200: z.object({
          year: count,
          planYear: z.object({
            year: count,
            basis: z.enum(['policy', 'records', 'calendar']),
            basisLabel: z.string(),
          }),
          scope: z.object({ code: z.string(), name: z.string(), level: z.string() }),
          deadline: z.string().describe('本单位的报送截止日期（部委为年度政策的截止日期）'),
          planCommunities: count.nullable(),
          own: z.object({ state: z.string(), stateLabel: z.string(), toDo: count }).nullable(),
          children: z.object({ total: count, submitted: count, awaitingReview: count }).nullable(),
          signoff: z.object({ pending: count, signed: count }).nullable(),
          receipts: z.object({ signed: count, pending: count }).nullable(),
        }),
        401: errorSchema,
        404: errorSchema,
      },
    },
    handler: async (req) => homeFigures(db, actorOf(req), req.query.year),
  });
}
