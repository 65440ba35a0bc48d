/** buildApp: registers plugins and modules; never listens (STYLE.md, after fastify/demo). */
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from './db/create-db.ts';
import { errorHandler, type App } from './http.ts';
import { registerAuth } from './modules/auth/auth.plugin.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { declarationRoutes } from './modules/declarations/declarations.routes.ts';
import { fiveYearRoutes } from './modules/five-year/five-year.routes.ts';
import { planRoutes } from './modules/plan/plan.routes.ts';
import { progressAttachmentRoutes } from './modules/progress/attachments.routes.ts';
import { dashboardRoutes } from './modules/progress/dashboard.routes.ts';
import { progressRoutes } from './modules/progress/progress.routes.ts';
import { projectRoutes } from './modules/projects/projects.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import { startLateNotices, type LateNoticeTimer } from './modules/reports/late-notices.timer.ts';
import { monthlyReportRoutes } from './modules/reports/monthly-reports.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';

z.config(z.locales.zhCN());

export const WEB_DIST = join(import.meta.dirname, '../../web/dist');

export interface AppOptions {
  db: Db;
  demo?: boolean;
  serveWeb?: boolean;
  logLevel?: string;
  /** Behind a reverse proxy: trust X-Forwarded-* for the client address and https. */
  trustProxy?: boolean;
  /** Where uploaded files wait between check and import; shared by all servers of a deployment. */
  uploadDir?: string;
  /** Send the automatic late notices of monthly reports while running (serve does; tests need not). */
  lateNotices?: boolean;
}

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'warn' },
    trustProxy: opts.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // An empty JSON body (a bodiless POST from a fetch that still sets the header) reads as no body.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(
        Object.assign(new Error('invalid json'), {
          code: 'FST_ERR_CTP_INVALID_JSON_BODY',
          statusCode: 400,
        }),
        undefined,
      );
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'gaizao 城镇老旧小区改造信息系统 API',
        version: '0.1.0',
        description:
          '除 /api/health 和 /api/auth/login 外，所有接口都需要登录会话；修改类请求须携带 X-CSRF-Token 头。',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const db = opts.db.db;
  registerAuth(app, db);
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['系统'],
        summary: '健康检查',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  authRoutes(app, db);
  auditRoutes(app, db);
  userRoutes(app, db);
  regionRoutes(app, db);
  const uploadDir = opts.uploadDir ?? join(tmpdir(), 'gaizao-uploads');
  ledgerRoutes(app, db, uploadDir, () => opts.db.detached());
  projectRoutes(app, db);
  planRoutes(app, db);
  declarationRoutes(app, db, uploadDir);
  progressRoutes(app, db);
  monthlyReportRoutes(app, db);
  fiveYearRoutes(app, db);
  progressAttachmentRoutes(app, db, uploadDir);
  dashboardRoutes(app, db);
  if (opts.lateNotices) sendLateNoticesWhileRunning(app, db);

  if (opts.serveWeb !== false) await serveWeb(app, opts.demo ?? false);
  else
    app.setNotFoundHandler((_req, reply) =>
      reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } }),
    );
  return app;
}

/** From ready to close: closing waits for a run under way, before the database is closed. */
function sendLateNoticesWhileRunning(app: App, db: Db['db']): void {
  let timer: LateNoticeTimer | undefined;
  app.addHook('onReady', async () => {
    timer = startLateNotices(db, app.log);
  });
  app.addHook('onClose', async () => {
    await timer?.stop();
  });
}

/** The built web app, with the single-page fallback; index.html learns whether this is a demo. */
async function serveWeb(app: App, demo: boolean): Promise<void> {
  const indexPath = join(WEB_DIST, 'index.html');
  const hasWeb = existsSync(indexPath);
  if (hasWeb)
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      decorateReply: false,
    });
  const index = hasWeb
    ? readFileSync(indexPath, 'utf8').replace(
        '<!--gaizao-meta-->',
        `<meta name="gaizao-demo" content="${demo}">`,
      )
    : '<!doctype html><meta charset="utf-8"><p>网页尚未构建：请运行 npm run build:web</p>';
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET')
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  });
}
