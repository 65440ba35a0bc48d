/** Shared HTTP pieces: the typed app, the error envelope, and the error handler (one place). */
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUniqueViolation } from './db/unique-violation.ts';
import { writeBusy } from './db/sqlite-writers.ts';
import { AppError } from './errors.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const errorSchema = z
  .object({
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      })
      .passthrough(),
  })
  .describe('错误');

const FASTIFY_MESSAGES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'VALIDATION',
    '不支持的请求内容类型，请使用 application/json',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'VALIDATION', '请求内容过大'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION', '请求内容为空'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION', '请求内容不是有效的 JSON'],
};

function where(path: string): string {
  return path.replace(/^\//, '').replace(/\//g, '.') || '(请求)';
}

function sendAppError(err: AppError, reply: FastifyReply): FastifyReply {
  if (
    (err.code === 'THROTTLED' || err.code === 'BUSY') &&
    typeof err.extra?.retryAfterSeconds === 'number'
  )
    void reply.header('retry-after', String(err.extra.retryAfterSeconds));
  return reply.code(err.status).send({
    error: { code: err.code, message: err.message, details: err.details, ...err.extra },
  });
}

export function errorHandler(
  err: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (err instanceof AppError) return sendAppError(err, reply);
  // Another process holding SQLite's write lock past busy_timeout: busy, not broken.
  if (/^SQLITE_BUSY/.test(String(err.code))) return sendAppError(writeBusy(), reply);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: where(v.instancePath),
      message: v.message ?? '格式不正确',
    }));
    const first = details[0]!;
    return reply
      .code(400)
      .send({ error: { code: 'VALIDATION', message: `${first.path}：${first.message}`, details } });
  }
  // The backstop of a race no service foresaw: a unique key refused the second writer (issue 10).
  if (isUniqueViolation(err))
    return reply.code(409).send({
      error: { code: 'CONFLICT', message: '数据已被他人同时修改，本次操作未保存，请刷新后重试' },
    });
  const known = err.code ? FASTIFY_MESSAGES[err.code] : undefined;
  if (known) {
    const [status, code, message] = known;
    return reply.code(status).send({ error: { code, message } });
  }
  if (err.statusCode && err.statusCode < 500)
    return reply
      .code(err.statusCode)
      .send({ error: { code: 'VALIDATION', message: `请求有误：${err.message}` } });
  req.log.error(err);
  return reply
    .code(500)
    .send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
}
