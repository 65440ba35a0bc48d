/**
 * Authentication and CSRF protection for every /api/ route but health and login: the session
 * cookie must name a live session, and a state-changing request must carry that session's
 * CSRF token in X-CSRF-Token (synchronizer token; SameSite=Lax on the cookie as a second wall).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, unauthenticated } from '../../errors.ts';
import type { App } from '../../http.ts';
import { authenticate, SESSION_IDLE_MS, type Authenticated } from './auth.service.ts';
import { isApiPath, normalisedPath } from './request-path.ts';

export const SESSION_COOKIE = 'gaizao_sid';
const PUBLIC_API = new Set(['/api/health', '/api/auth/login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

export function sessionCookieOptions(req: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
    maxAge: SESSION_IDLE_MS / 1000,
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

export function registerAuth(app: App, db: Kysely<Database>): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // Deny by default: the route the router chose decides, and so does the decoded, normalised
    // path (for a request no route answers); only health and login are open under /api.
    const route = req.routeOptions.url;
    if (route !== undefined && PUBLIC_API.has(route)) return;
    if (!(route?.startsWith('/api') ?? false) && !isApiPath(normalisedPath(req.url))) return;
    const token = req.cookies[SESSION_COOKIE];
    const auth = token ? await authenticate(db, token) : undefined;
    if (!auth) {
      if (token) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw unauthenticated(token ? '登录已过期，请重新登录' : '请先登录');
    }
    req.auth = auth;
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, auth.csrfToken))
        throw new AppError('CSRF', '请求缺少有效的安全令牌（CSRF），请刷新页面后重试');
    }
  });
}

/** The actor of an authenticated request (routes behind registerAuth). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.auth) throw unauthenticated();
  return req.auth.actor;
}
