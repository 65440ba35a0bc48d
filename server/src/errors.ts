/** The small error family of gaizao: each with a stable code, mapped to HTTP in one place (app.ts). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CSRF'
  | 'NOT_FOUND'
  | 'VALIDATION'
  | 'CONFLICT'
  | 'THROTTLED'
  | 'TOO_LARGE'
  | 'BUSY'
  /** Signed in, but the password must be changed first (initial or expired). */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** a frozen record whose content no longer matches its hash (issue 10) */
  | 'INTEGRITY'
  | 'INTERNAL';

/**
 * What kind of refusal a 409 or 400 is (issue 12 §1), sent as `error.subCode`, so that a client
 * knows what to do without reading the message: reload and edit again, pick another name, wait…
 */
export type SubCode =
  /** saved from an old version: someone else saved meanwhile (the body has currentVersion) */
  | 'STALE_VERSION'
  /** two writes at the same moment; a unique key kept one */
  | 'CONCURRENT'
  /** the name is taken (a user, a community of the same unit) */
  | 'DUPLICATE_NAME'
  /** the thing exists already (a year's policy) */
  | 'ALREADY_EXISTS'
  /** the community is in an earlier year's plan already (建办城〔2021〕28号 三(四)) */
  | 'ALREADY_PLANNED'
  /** the record's state does not allow this (a declaration, an import job) */
  | 'STATE_REFUSED'
  /** a newer version replaced the one acted on */
  | 'SUPERSEDED'
  /** done already, by this department or user */
  | 'ALREADY_DONE'
  /** the version confirmed is not the version on file */
  | 'HASH_MISMATCH'
  /** a plan check that cannot pass blocks the submission */
  | 'CHECKS_BLOCKING'
  /** a warning without its explanation blocks the submission */
  | 'JUSTIFICATION_REQUIRED'
  /** units below have not all been accepted */
  | 'CHILDREN_PENDING';

export interface ErrorDetail {
  path: string;
  message: string;
}

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  THROTTLED: 429,
  TOO_LARGE: 413,
  BUSY: 503,
  PASSWORD_CHANGE_REQUIRED: 403,
  INTEGRITY: 409,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = '资源'): AppError => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (message = '没有执行此操作的权限'): AppError =>
  new AppError('FORBIDDEN', message);
export const unauthenticated = (message = '请先登录'): AppError =>
  new AppError('UNAUTHENTICATED', message);
export const validation = (message: string, details?: ErrorDetail[], subCode?: SubCode): AppError =>
  new AppError('VALIDATION', message, details, subCode && { subCode });
export const conflict = (
  subCode: SubCode,
  message: string,
  more: { details?: ErrorDetail[]; extra?: Record<string, unknown> } = {},
): AppError => new AppError('CONFLICT', message, more.details, { subCode, ...more.extra });
