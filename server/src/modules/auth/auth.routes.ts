import type { Kysely } from 'kysely';
import { z } from 'zod';
import { loginAnswer, loginBody } from '../../../../common/api/auth.ts';
import type { Database } from '../../db/schema.ts';
import { DEFAULT_THROTTLE_RULES, type ThrottleRules } from '../../domain/throttle.ts';
import { AppError } from '../../errors.ts';
import { errorSchema, type App } from '../../http.ts';
import { presentMe } from '../users/users.presenter.ts';
import {
  passwordChangeOf,
  sameOrigin,
  SESSION_COOKIE,
  sessionCookieOptions,
} from './auth.plugin.ts';
import { login, logout } from './auth.service.ts';

const tags = ['认证'];

export function authRoutes(
  app: App,
  db: Kysely<Database>,
  throttle: ThrottleRules = DEFAULT_THROTTLE_RULES,
): void {
  app.post('/api/auth/login', {
    schema: {
      tags,
      summary: '登录（设置会话 Cookie）',
      body: loginBody,
      response: {
        200: loginAnswer,
        400: errorSchema,
        401: errorSchema,
        403: errorSchema,
        429: errorSchema,
      },
    },
    handler: async (req, reply) => {
      // Login CSRF: a cross-site form cannot send JSON without a preflight, and a browser's
      // cross-site fetch carries an Origin we refuse.
      if (!sameOrigin(req)) throw new AppError('CSRF', '拒绝来自其他站点的登录请求');
      const { sessionToken, csrfToken, user } = await login(
        db,
        { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
        new Date(),
        throttle,
      );
      void reply.setCookie(SESSION_COOKIE, sessionToken, sessionCookieOptions(req));
      return { user: await presentMe(db, user, csrfToken, passwordChangeOf(req, user)) };
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags, summary: '退出登录', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await logout(db, req.auth!, req.ip);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });
}
