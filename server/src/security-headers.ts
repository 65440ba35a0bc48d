/**
 * Security headers on every answer (issue 10, item 11): a strict Content-Security-Policy (scripts
 * only from this site, never inline; no framing), X-Frame-Options, Referrer-Policy,
 * X-Content-Type-Options, Permissions-Policy and, over https (direct TLS, or a trusted proxy's
 * X-Forwarded-Proto), Strict-Transport-Security. Set in onRequest so that refusals and errors
 * carry them too. docs/security-http.md says what each does and how it is tested.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './http.ts';

/**
 * Styles may be inline: antd writes its CSS-in-JS into <style> elements and style attributes.
 * Scripts may not: the built web app loads only /assets/*.js modules.
 */
export const contentSecurityPolicy = (tileOrigins: readonly string[] = []): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // The community map's tiles, only from the service the deployment configured (ADR 0005).
    ["img-src 'self' data: blob:", ...tileOrigins].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** One year, subdomains included: once a browser has seen https here, it never tries http. */
export const HSTS = 'max-age=31536000; includeSubDomains';

export function applySecurityHeaders(
  req: FastifyRequest,
  reply: FastifyReply,
  headers: Readonly<Record<string, string>> = SECURITY_HEADERS,
): void {
  void reply.headers(headers);
  if (req.protocol === 'https') void reply.header('strict-transport-security', HSTS);
}

/** The headers of a deployment: with a tile service, its origins may serve images. */
export const securityHeadersFor = (
  tileOrigins: readonly string[],
): Readonly<Record<string, string>> =>
  tileOrigins.length
    ? { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy(tileOrigins) }
    : SECURITY_HEADERS;

export function registerSecurityHeaders(
  app: App,
  headers: Readonly<Record<string, string>> = SECURITY_HEADERS,
): void {
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) =>
    applySecurityHeaders(req, reply, headers),
  );
}
