/** Shared HTTP pieces: the typed app, the error envelope, and the error handler (one place). */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
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
import { SECURITY_HEADERS } from './security-headers.ts';

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
        subCode: z
          .string()
          .optional()
          .describe(
            '409/400 的细分类别：STALE_VERSION、DUPLICATE_NAME、STATE_REFUSED、CHECKS_BLOCKING 等',
          ),
      })
      .passthrough(),
  })
  .describe('错误');

/**
 * The errors Fastify and its body parsers raise on a malformed request, in Chinese. Any other
 * 4xx they raise answers the generic message below, never their English text.
 */
const FASTIFY_MESSAGES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, '不支持的请求内容类型，请使用 application/json'],
  FST_ERR_CTP_INVALID_TYPE: [415, '请求内容类型（Content-Type）格式有误'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, '请求内容过大'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, '请求内容为空'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, '请求内容不是有效的 JSON'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, '请求内容的长度与 Content-Length 不符'],
  FST_ERR_BAD_URL: [400, '请求地址格式有误（含无效的百分号编码）'],
  FST_ERR_ASYNC_CONSTRAINT: [400, '请求地址格式有误'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, '请以 multipart/form-data 提交'],
  FST_PARTS_LIMIT: [413, '上传表单的部分过多'],
  FST_FILES_LIMIT: [413, '一次只能上传一个文件'],
  FST_FIELDS_LIMIT: [413, '上传表单的字段过多'],
  FST_REQ_FILE_TOO_LARGE: [413, '上传的文件过大'],
  FST_PROTO_VIOLATION: [400, '上传表单的字段名不允许（__proto__ 等）'],
  FST_INVALID_JSON_FIELD_ERROR: [400, '上传表单中声明为 JSON 的字段不是有效的 JSON'],
  FST_MP_PREMATURE_CLOSE: [400, '上传在完成前中断，请重新上传'],
};

/** An error raised while reading a multipart body (busboy): the request is malformed or cut off. */
const MULTIPART_PARSER = /[\\/]@fastify[\\/](busboy|multipart)[\\/]/;

export function isMalformedMultipart(err: Error): boolean {
  return MULTIPART_PARSER.test(err.stack ?? '');
}

/**
 * How zod's Chinese locale (z.locales.zhCN, app.ts) begins its own messages for a value of the
 * wrong type or out of range (a blank number parameter reads as 0): not a schema's own words.
 */
const ZOD_GENERIC = /^(无效输入|数值过小|数值过大)/;

/** What the request gave in the part a schema validated (body, query string, route or headers). */
function givenIn(req: FastifyRequest, context: string | undefined): unknown {
  if (context === 'body') return req.body;
  if (context === 'querystring') return req.query;
  if (context === 'params') return req.params;
  if (context === 'headers') return req.headers;
  return undefined;
}

/** Whether the value at `path` ('/a/0/b') of what was given is absent or blank. */
function isMissing(given: unknown, path: string): boolean {
  if (given === undefined) return false; // nothing to look in: the part itself was refused
  let at: unknown = given;
  for (const key of path.split('/').slice(1)) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Record<string, unknown>)[key];
  }
  return at === undefined || at === null || (typeof at === 'string' && at.trim() === '');
}

/**
 * U+0000 anywhere in what a request gives (its query, path and JSON body): PostgreSQL's text cannot
 * hold it, and no field has a use for it. Refused before a route sees it, naming the field, as a
 * 400 on both engines (PostgreSQL would otherwise fail the statement, and an export would break
 * off after its first line).
 */
export async function refuseNul(req: FastifyRequest): Promise<void> {
  const parts: [string, unknown][] = [
    ['查询参数', req.query],
    ['路径', req.params],
    ['请求内容', req.body],
  ];
  for (const [part, value] of parts) {
    const at = nulAt(value, []);
    if (at) throw nulRefused(at.join('.') || part);
  }
}

/** The path to the first string in `value` that holds U+0000, if any. */
function nulAt(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = nulAt(v, [...path, k]);
    if (at) return at;
  }
  return undefined;
}

/** A multipart text field, refused as a JSON body's would be if it holds U+0000. */
export function partText(name: string, value: unknown): string {
  const text = String(value);
  if (text.includes('\u0000')) throw nulRefused(name);
  return text;
}

const nulRefused = (path: string) =>
  new AppError('VALIDATION', `${path}：含有空字符（U+0000），请删去后重试`, [
    { path, message: '含有空字符（U+0000）' },
  ]);

/**
 * An uploaded file's name as kept and shown: without control characters (U+0000–U+001F, U+007F),
 * which no file name needs and PostgreSQL's text cannot hold (U+0000).
 */
export const uploadName = (name: string): string =>
  // eslint-disable-next-line no-control-regex
  name.replace(/[\u0000-\u001f\u007f]/g, '');

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
    const given = givenIn(req, err.validationContext);
    const details = err.validation.map((v) => ({
      path: where(v.instancePath),
      // A value not given at all is "必填", not a type the schema expected and did not receive
      // ("期望 数字，实际接收 NaN" for a number read from a missing query parameter). A schema's
      // own message stays.
      message:
        ZOD_GENERIC.test(v.message ?? '') && isMissing(given, v.instancePath)
          ? '必填'
          : (v.message ?? '格式不正确'),
    }));
    const first = details[0]!;
    return reply
      .code(400)
      .send({ error: { code: 'VALIDATION', message: `${first.path}：${first.message}`, details } });
  }
  // The backstop of a race no service foresaw: a unique key refused the second writer (issue 10),
  // or PostgreSQL broke a deadlock between two writers by failing one (40P01; the figures'
  // triggers of two changes over several units' totals). Either way nothing of it was saved.
  if (isUniqueViolation(err) || err.code === '40P01')
    return reply.code(409).send({
      error: {
        code: 'CONFLICT',
        subCode: 'CONCURRENT',
        message: '数据已被他人同时修改，本次操作未保存，请刷新后重试',
      },
    });
  // The backstop of refuseNul: a character PostgreSQL's text cannot hold (U+0000), from a part of
  // a request no check above reads (22021 character_not_in_repertoire, 22P05 untranslatable).
  if (err.code === '22021' || err.code === '22P05')
    return reply.code(400).send({
      error: {
        code: 'VALIDATION',
        message: '提交的内容含有无法保存的字符（如空字符 U+0000），请删去后重试',
      },
    });
  const known = err.code ? FASTIFY_MESSAGES[err.code] : undefined;
  if (known) {
    const [status, message] = known;
    return reply.code(status).send({ error: { code: 'VALIDATION', message } });
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return reply.code(err.statusCode).send({
      error: { code: 'VALIDATION', message: `请求格式有误（${err.code ?? err.statusCode}）` },
    });
  if (isMalformedMultipart(err)) {
    req.log.warn({ err: err.message }, 'malformed multipart request');
    return reply.code(400).send({
      error: {
        code: 'VALIDATION',
        message:
          '上传内容不是完整的 multipart/form-data（缺少分隔符 boundary 或内容被截断），请重新上传',
      },
    });
  }
  req.log.error(err);
  return reply
    .code(500)
    .send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
}

/** Requests Node's HTTP parser refuses before Fastify sees them: answered in Chinese, then closed. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message]: [number, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, '请求头过大']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, '请求超时，请重试']
        : [400, 'HTTP 请求格式有误，无法解析'];
  const body = JSON.stringify({ error: { code: 'VALIDATION', message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      Object.entries(SECURITY_HEADERS)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      'Connection: close\r\n\r\n' +
      body,
  );
}
