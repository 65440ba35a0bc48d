/**
 * Where background work reports what it did and what failed: Fastify's (pino's) logger in the
 * server. Background work has no request to answer, so its failures are logged, not thrown.
 */
export interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
