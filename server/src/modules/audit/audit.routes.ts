import type { Kysely } from 'kysely';
import { auditFilter, auditPage, auditQuery } from '../../../../common/api/audit.ts';
import type { Database } from '../../db/schema.ts';
import { errorSchema, type App } from '../../http.ts';
import { CSV, fileResponse } from '../../file-response.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { insertAudit } from './audit.repository.ts';
import { auditCsv, listAuditLog } from './audit.service.ts';

const tags = ['审计'];
const errors = { 400: errorSchema, 403: errorSchema };
export function auditRoutes(app: App, db: Kysely<Database>): void {
  // Permission refusals are audited (等保三级): who was refused what, from where. Before the answer
  // leaves (onSend, not onResponse), so the entry is stored by the time the client reads the 403.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode !== 403 || !req.auth) return payload;
    const actor = req.auth.actor;
    await insertAudit(db, {
      actorUserId: actor.userId || null,
      actorUsername: actor.username,
      action: 'access.denied',
      target: `${req.method} ${req.url.split('?')[0]!.slice(0, 180)}`,
      ip: req.ip,
    }).catch((err: unknown) => req.log.error({ err }, '拒绝访问的审计记录写入失败'));
    return payload;
  });

  app.get('/api/audit', {
    schema: {
      tags,
      summary: '审计日志（审计管理员）：按用户、区划、操作、日期筛选，分页',
      querystring: auditQuery,
      response: {
        200: auditPage,
        ...errors,
      },
    },
    handler: async (req) => listAuditLog(db, actorOf(req), req.query),
  });

  app.get('/api/audit.csv', {
    schema: {
      tags,
      summary: '导出审计日志（csv，审计管理员）',
      querystring: auditFilter,
      response: { 200: fileResponse('审计日志 csv', CSV) },
    },
    handler: async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit.csv"`)
        .send(await auditCsv(db, actorOf(req), req.query)),
  });
}
