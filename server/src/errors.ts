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
export const validation = (message: string, details?: ErrorDetail[]): AppError =>
  new AppError('VALIDATION', message, details);
export const conflict = (message: string, extra?: Record<string, unknown>): AppError =>
  new AppError('CONFLICT', message, undefined, extra);
