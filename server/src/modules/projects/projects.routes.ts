import type { Kysely } from 'kysely';
import { z } from 'zod';
import { fundingSource } from '../../../../common/api/progress.ts';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { historyEntry, idParam } from '../../../../common/api/ledger.ts';
import { rowInt } from '../../../../common/api/row-int.ts';
import { mergeIntoProject, projectDetail, updateProject } from './projects.service.ts';

const tags = ['项目'];
const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const project = z.object({
  id: z.number(),
  code: z.string().describe('稳定的项目编号，与统计部门共用'),
  name: z.string(),
  prefectureCode: z.string(),
  planYear: z.number(),
  pool: z.enum(['implement', 'planning', 'reserve']),
  poolLabel: z.string(),
  version: z.number(),
  investment: z.string().describe('万元，所含小区预计投资之和'),
  households: z.number(),
  communities: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionCode: z.string(),
      households: z.number(),
      investment: z.string(),
    }),
  ),
  funding: z.array(z.object({ source: fundingSource, label: z.string(), amount: z.string() })),
  history: z.array(historyEntry),
});

export function projectRoutes(app: App, db: Kysely<Database>): void {
  app.get('/api/projects/:id', {
    schema: {
      tags,
      summary: '项目详情（所含小区、资金来源、修改历史）',
      params: idParam,
      response: { 200: project, ...errors },
    },
    handler: async (req) => projectDetail(db, actorOf(req), req.params.id),
  });

  app.put('/api/projects/:id', {
    schema: {
      tags,
      summary: '修改项目名称、项目库（实施/谋划/储备）和资金来源（带版本号）',
      params: idParam,
      body: z.object({
        version: rowInt(),
        name: z.string().trim().min(1).max(200).optional(),
        pool: z.enum(['implement', 'planning', 'reserve']).optional(),
        funding: z
          .array(z.object({ source: fundingSource, amount: z.string().max(20) }))
          .max(7)
          .optional(),
      }),
      response: { 200: project, ...errors },
    },
    handler: async (req) => updateProject(db, actorOf(req), req.params.id, req.body),
  });

  app.post('/api/projects/merge', {
    schema: {
      tags,
      summary: '将同一地级单位、同一计划年度的多个小区合并为一个项目（联动改造、集中成片）',
      body: z.object({
        communityIds: z.array(rowInt()).min(2, '至少选择两个小区').max(200),
        name: z.string().trim().min(1).max(200).optional(),
      }),
      response: { 200: project, ...errors },
    },
    handler: async (req) =>
      mergeIntoProject(db, actorOf(req), req.body.communityIds, req.body.name),
  });
}
