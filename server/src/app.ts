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
import {
  DEFAULT_SECURITY,
  tileOrigins,
  type MapTilesConfig,
  type SecurityConfig,
} from './config.ts';
import type { Db } from './db/create-db.ts';
import type { ThrottleRules } from './domain/throttle.ts';
import { loadConfig } from './config.ts';
import { DEMO_ACCOUNTS } from './demo/seed.ts';
import { OTHER_UNIT_ACCOUNTS } from './demo/unit-accounts.ts';
import { clientErrorHandler, errorHandler, refuseNul, type App } from './http.ts';
import { startImportSweeper } from './modules/ledger/import/import-jobs.sweep.ts';
import { registerAuth } from './modules/auth/auth.plugin.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { passwordChangeRoutes } from './modules/auth/password-change.ts';
import { isApiPath, normalisedPath } from './modules/auth/request-path.ts';
import { ledgerRoutes } from './modules/ledger/ledger.routes.ts';
import { declarationRoutes } from './modules/declarations/declarations.routes.ts';
import { fiveYearRoutes } from './modules/five-year/five-year.routes.ts';
import { consentThresholdRoutes } from './modules/plan/consent-thresholds.routes.ts';
import { planRoutes } from './modules/plan/plan.routes.ts';
import { fiscalRoutes } from './modules/fiscal/fiscal.routes.ts';
import { progressAttachmentRoutes } from './modules/progress/attachments.routes.ts';
import { dashboardRoutes } from './modules/progress/dashboard.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { mapRoutes } from './modules/map/map.routes.ts';
import { progressImportRoutes } from './modules/progress/progress-imports.routes.ts';
import { progressRoutes } from './modules/progress/progress.routes.ts';
import { projectRoutes } from './modules/projects/projects.routes.ts';
import { regionRoutes } from './modules/regions/regions.routes.ts';
import {
  applySecurityHeaders,
  registerSecurityHeaders,
  securityHeadersFor,
} from './security-headers.ts';
import { startAuthSweep } from './modules/auth/auth.sweep.ts';
import type { Periodic } from './periodic.ts';
import { startLateNotices } from './modules/reports/late-notices.timer.ts';
import { monthlyReportRoutes } from './modules/reports/monthly-reports.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { withRequest } from './request-context.ts';

z.config(z.locales.zhCN());

export const WEB_DIST = join(import.meta.dirname, '../../web/dist');

export interface AppOptions {
  db: Db;
  demo?: boolean;
  serveWeb?: boolean;
  logLevel?: string;
  /**
   * Behind reverse proxies: how many hops to trust for X-Forwarded-For and -Proto (a number:
   * only the addresses those proxies appended count, so a client cannot choose its own).
   * `true` trusts every hop; tests only.
   */
  trustProxy?: boolean | number;
  /** Login throttle limits (config.ts); the defaults of domain/throttle.ts otherwise. */
  loginThrottle?: ThrottleRules;
  /** Where uploaded files wait between check and import; shared by all servers of a deployment. */
  uploadDir?: string;
  /** Session timeouts and password expiry (config.ts; defaults when absent). */
  security?: SecurityConfig;
  /** Send the automatic late notices of monthly reports while running (serve does; tests need not). */
  lateNotices?: boolean;
  /**
   * Sweep at start and while running (serve does): import jobs (dead ones 已中断, stale uploads
   * removed), ended sessions and login-throttle rows that no longer count.
   */
  sweepImports?: boolean;
  /** A user's pending import uploads, and how long they are kept (config.ts). */
  importQuota?: { files: number; bytes: number };
  importKeepHours?: number;
  /** The community map's tile service (config.ts MAP_TILE_*); none: the map draws no tiles. */
  mapTiles?: MapTilesConfig | null;
  /** The server's time for monthly reports and the dashboard's month (config.ts, CLOCK_AT); the real clock when absent. */
  clock?: () => Date;
}

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

export async function buildApp(opts: AppOptions): Promise<App> {
  const headers = securityHeadersFor(opts.mapTiles ? tileOrigins(opts.mapTiles.urls) : []);
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'warn' },
    trustProxy: trustedHops(opts.trustProxy),
    bodyLimit: 1024 * 1024,
    clientErrorHandler,
    // A bad escape in the path is refused before routing: the same Chinese envelope.
    frameworkErrors: (err, req, reply) => {
      applySecurityHeaders(req, reply, headers);
      return errorHandler(err, req, reply);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  registerSecurityHeaders(app, headers);
  app.addHook('preValidation', refuseNul);
  // The client's address for the audit log, from the first hook on; again once the body is read,
  // whose stream events run outside the request's asynchronous context.
  app.addHook('onRequest', (req, _reply, done) => withRequest(req.ip, done));
  app.addHook('preValidation', (req, _reply, done) => withRequest(req.ip, done));
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
  registerAuth(app, db, opts.security ?? DEFAULT_SECURITY);
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
  authRoutes(app, db, opts.loginThrottle);
  passwordChangeRoutes(app, db);
  auditRoutes(app, db);
  userRoutes(app, db);
  regionRoutes(app, db);
  const uploadDir = opts.uploadDir ?? join(tmpdir(), 'gaizao-uploads');
  ledgerRoutes(app, db, {
    uploadDir,
    connect: () => opts.db.detached(),
    quota: opts.importQuota ?? loadConfig().importQuota,
  });
  projectRoutes(app, db);
  planRoutes(app, db);
  fiscalRoutes(app, db, uploadDir);
  consentThresholdRoutes(app, db);
  declarationRoutes(app, db, uploadDir);
  progressRoutes(app, db);
  progressImportRoutes(app, db, uploadDir, () => opts.db.detached());
  monthlyReportRoutes(app, db, opts.clock);
  fiveYearRoutes(app, db);
  progressAttachmentRoutes(app, db, uploadDir);
  dashboardRoutes(app, db, opts.clock);
  homeRoutes(app, db);
  mapRoutes(app, db, opts.mapTiles ?? null);
  if (opts.lateNotices) whileRunning(app, () => startLateNotices(db, app.log));
  if (opts.sweepImports) {
    const keepHours = opts.importKeepHours ?? loadConfig().importKeepHours;
    whileRunning(app, () => startImportSweeper(db, uploadDir, app.log, { keepHours }));
    const security = opts.security ?? DEFAULT_SECURITY;
    whileRunning(app, () => startAuthSweep(db, app.log, security, opts.loginThrottle));
  }

  if (opts.serveWeb !== false) await serveWeb(app, opts.demo ?? false);
  else
    app.setNotFoundHandler((_req, reply) =>
      reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } }),
    );
  return app;
}

/** N trusted hops: the address N proxies from here (proxy-addr walks from the socket leftwards). */
function trustedHops(
  trust: boolean | number | undefined,
): boolean | ((addr: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust ?? false;
  return trust > 0 ? (_addr, hop) => hop < trust : false;
}

/** A periodic task from ready to close (closing waits for a run under way). */
function whileRunning(app: App, start: () => Periodic): void {
  let task: Periodic | undefined;
  app.addHook('onReady', async () => {
    task = start();
  });
  app.addHook('onClose', async () => {
    await task?.stop();
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
        // A demo names its accounts on the login page, from the one list the seed uses.
        `<meta name="gaizao-demo" content="${demo}">` +
          (demo
            ? `<meta name="gaizao-demo-accounts" content="${DEMO_ACCOUNTS.map((a) => a.username).join(',')}">` +
              `<meta name="gaizao-demo-unit-accounts" content="${OTHER_UNIT_ACCOUNTS.map((a) => `${a.username}:${a.displayName}`).join(',')}">`
            : ''),
      )
    : '<!doctype html><meta charset="utf-8"><p>网页尚未构建：请运行 npm run build:web</p>';
  app.setNotFoundHandler((req, reply) => {
    if (isApiPath(normalisedPath(req.url)) || req.method !== 'GET')
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  });
}
