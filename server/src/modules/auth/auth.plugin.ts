/**
 * Authentication and CSRF protection for every /api/ route but health and login: the session
 * cookie must name a live session, and a state-changing request must carry that session's
 * CSRF token in X-CSRF-Token (synchronizer token; SameSite=Lax on the cookie as a second wall).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PasswordChange } from '../../../../common/api/auth.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, unauthenticated } from '../../errors.ts';
import type { App } from '../../http.ts';
import type { SecurityConfig } from '../../config.ts';
import type { Authenticated } from './auth.service.ts';
import { checkSession, passwordChangeReason, SESSION_END_MESSAGES } from './session.service.ts';
import { isApiPath, normalisedPath } from './request-path.ts';

export const SESSION_COOKIE = 'gaizao_sid';
const PUBLIC_API = new Set(['/api/health', '/api/auth/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user who must change the password may still do. */
const WHILE_PASSWORD_CHANGE = new Set([
  'GET /api/me',
  'HEAD /api/me',
  'POST /api/me/password',
  'PUT /api/me/lang',
  'POST /api/auth/logout',
]);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyInstance {
    gaizaoSecurity: SecurityConfig;
  }
}

/** Why this user must change the password before other work ('PASSWORD_INITIAL' or 'PASSWORD_EXPIRED'), or null. */
export function passwordChangeOf(
  req: FastifyRequest,
  user: Parameters<typeof passwordChangeReason>[0],
): PasswordChange {
  const r = passwordChangeReason(user, req.server.gaizaoSecurity, new Date());
  return r === null ? null : r === 'INITIAL' ? 'PASSWORD_INITIAL' : 'PASSWORD_EXPIRED';
}

export function sessionCookieOptions(req: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
    // No Max-Age: the cookie ends with the browser; the server ends the session when it idles
    // or reaches its lifetime (session.service.ts).
  };
}

function sameToken(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether a request's Origin header, if any, names this site; an unparsable one (`null`) does not. */
export function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (!URL.canParse(origin)) return false;
  return new URL(origin).host === req.host;
}

export function registerAuth(app: App, db: Kysely<Database>, security: SecurityConfig): void {
  app.decorateRequest('auth', null);
  app.decorate('gaizaoSecurity', security);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Deny by default: the route the router chose decides, and so does the decoded, normalised
    // path (for a request no route answers); only health and login are open under /api.
    const route = req.routeOptions.url;
    if (route !== undefined && PUBLIC_API.has(route)) return;
    if (!(route?.startsWith('/api') ?? false) && !isApiPath(normalisedPath(req.url))) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated('请先登录');
    const session = await checkSession(db, token, new Date(), security);
    if (!('auth' in session)) {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError('UNAUTHENTICATED', SESSION_END_MESSAGES[session.reason], undefined, {
        reason: session.reason,
      });
    }
    const auth = session.auth;
    req.auth = auth;
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, auth.csrfToken))
        throw new AppError('CSRF', '请求缺少有效的安全令牌（CSRF），请刷新页面后重试');
    }
    const change = passwordChangeReason(auth.user, security, new Date());
    if (change && !WHILE_PASSWORD_CHANGE.has(`${req.method} ${route}`))
      throw new AppError(
        'PASSWORD_CHANGE_REQUIRED',
        change === 'INITIAL'
          ? '首次登录须先修改管理员设置的初始密码'
          : `密码已超过 ${security.passwordMaxAgeDays} 天未修改，请先修改密码`,
        undefined,
        { reason: change === 'INITIAL' ? 'PASSWORD_INITIAL' : 'PASSWORD_EXPIRED' },
      );
  });
}

/** The actor of an authenticated request (routes behind registerAuth). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw unauthenticated();
  return req.auth.actor;
}
