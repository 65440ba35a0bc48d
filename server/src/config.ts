/** The only reader of process.env (STYLE.md). */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  DEFAULT_THROTTLE_RULES,
  type ThrottleRule,
  type ThrottleRules,
} from './domain/throttle.ts';

export interface Config {
  /** `postgres://…` or an SQLite path (`file:PATH` or a plain path). */
  databaseUrl: string;
  port: number;
  host: string;
  /** Seed the demo province and accounts into an empty database. */
  demo: boolean;
  /** Serve the built web app from web/dist. */
  serveWeb: boolean;
  logLevel: string;
  /**
   * Where uploaded files are kept (approval documents, consultation documents, photos, imports
   * awaiting confirmation): beside the SQLite file, or ./data/uploads for PostgreSQL, unless
   * UPLOAD_DIR says otherwise. Never the system's temporary folder, which a reboot may empty.
   */
  uploadDir: string;
  /**
   * TRUST_PROXY=N: the server sits behind N reverse proxies; the client's address is the one the
   * N-th proxy from here saw (X-Forwarded-For read from the right), so a client cannot rotate
   * addresses by sending its own header. 0 (unset): the socket's address.
   */
  trustProxyHops: number;
  /** Login throttle; LOGIN_PAIR_FAILURES, LOGIN_ACCOUNT_FAILURES, LOGIN_ADDRESS_FAILURES. */
  loginThrottle: ThrottleRules;
  /**
   * A user's pending import uploads (checked, not yet imported or cancelled): at most this many
   * files (IMPORT_PENDING_FILES) and bytes (IMPORT_PENDING_MB); beyond, an upload is refused.
   */
  importQuota: { files: number; bytes: number };
  /** How long a checked or interrupted import waits to be run before it expires (IMPORT_KEEP_HOURS). */
  importKeepHours: number;
  /** Sessions and passwords (issue 10): idle timeout, absolute lifetime, optional password expiry. */
  security: SecurityConfig;
  /** The community map's tile service (MAP_TILE_URL …; ADR 0005), or none: no external request. */
  mapTiles: MapTilesConfig | null;
  /**
   * The server's time where a rule turns on the date (when a month's report opens): the real
   * clock, or one started at CLOCK_AT (an ISO instant) and running on from there, for browser
   * tests and demonstrations of a given day. Never set in production.
   */
  clock: () => Date;
}

export interface MapTilesConfig {
  /** one template a layer, drawn in order (天地图: the base layer, then its annotation layer) */
  urls: string[];
  /** 审图号 of the service's map, shown on the map (MAP_TILE_REVIEW_NO, required with a URL) */
  reviewNo: string;
  attribution: string;
}

const TILE_TEMPLATE = /^https?:\/\/[^/\s]+\/\S*$/;

/**
 * MAP_TILE_URL: http(s) templates of Web Mercator tiles with {z}, {x} and {y} (天地图 with its
 * tk key, or an internal server), several separated by spaces for layers drawn one over another;
 * MAP_TILE_REVIEW_NO: the service's 审图号; MAP_TILE_ATTRIBUTION: whose tiles (the host if unset).
 */
export function loadMapTiles(env: NodeJS.ProcessEnv = process.env): MapTilesConfig | null {
  const urls = (env.MAP_TILE_URL ?? '').split(/\s+/).filter(Boolean);
  if (!urls.length) return null;
  for (const url of urls)
    if (!TILE_TEMPLATE.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p)))
      throw new Error(
        `环境变量 MAP_TILE_URL 应为含 {z}、{x}、{y} 的 http(s) 瓦片地址模板（多个以空格分隔），其中“${url}”不是`,
      );
  const reviewNo = env.MAP_TILE_REVIEW_NO?.trim();
  if (!reviewNo)
    throw new Error(
      '设置了 MAP_TILE_URL 时须设置 MAP_TILE_REVIEW_NO（底图的审图号，显示在地图上）',
    );
  return {
    urls,
    reviewNo,
    attribution:
      env.MAP_TILE_ATTRIBUTION?.trim() || tileOrigins(urls)[0]!.replace(/^https?:\/\//, ''),
  };
}

/** The origins the tiles come from (for the Content-Security-Policy's img-src). */
export const tileOrigins = (urls: readonly string[]): string[] => [
  ...new Set(urls.map((u) => new URL(u.replace(/[{}]/g, '')).origin)),
];

export interface SecurityConfig {
  /** A session ends after this many minutes without a request (SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** …and this many hours after login whatever happens (SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /** A password older than this must be changed (PASSWORD_MAX_AGE_DAYS; unset or 0: never). */
  passwordMaxAgeDays: number | null;
}

export const DEFAULT_SECURITY: SecurityConfig = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  passwordMaxAgeDays: null,
};

function positive(name: string, raw: string | undefined, fallback: number | null): number | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负数：${raw}`);
  return n === 0 ? fallback : n;
}

export function loadSecurity(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  return {
    sessionIdleMinutes: positive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30)!,
    sessionMaxHours: positive('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12)!,
    passwordMaxAgeDays: positive('PASSWORD_MAX_AGE_DAYS', env.PASSWORD_MAX_AGE_DAYS, null),
  };
}

export const DEFAULT_SQLITE_PATH = './data/gaizao.db';

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const env = process.env;
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_SQLITE_PATH;
  return {
    databaseUrl,
    uploadDir: overrides.uploadDir ?? env.UPLOAD_DIR ?? defaultUploadDir(databaseUrl),
    port: overrides.port ?? Number(env.PORT ?? 3000),
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    demo: overrides.demo ?? false,
    serveWeb: overrides.serveWeb ?? true,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'warn',
    trustProxyHops: overrides.trustProxyHops ?? count('TRUST_PROXY', env.TRUST_PROXY, 0),
    loginThrottle: overrides.loginThrottle ?? loginThrottle(env),
    security: overrides.security ?? loadSecurity(env),
    mapTiles: overrides.mapTiles === undefined ? loadMapTiles(env) : overrides.mapTiles,
    importQuota: overrides.importQuota ?? {
      files: count('IMPORT_PENDING_FILES', env.IMPORT_PENDING_FILES, 5, 1),
      bytes: count('IMPORT_PENDING_MB', env.IMPORT_PENDING_MB, 256, 1) * 1024 * 1024,
    },
    importKeepHours:
      overrides.importKeepHours ?? count('IMPORT_KEEP_HOURS', env.IMPORT_KEEP_HOURS, 24, 1),
    clock: overrides.clock ?? clockFrom(env.CLOCK_AT),
  };
}

/** The real clock, or one that starts at `at` and keeps running. */
export function clockFrom(at: string | undefined, real = () => new Date()): () => Date {
  if (at === undefined || at.trim() === '') return real;
  const start = Date.parse(at);
  if (Number.isNaN(start))
    throw new Error(`环境变量 CLOCK_AT 应为 ISO 时间（如 2026-12-31T10:00:00+08:00），现为“${at}”`);
  const offset = start - real().getTime();
  return () => new Date(real().getTime() + offset);
}

/** A whole number from the environment, or a clear error naming the variable. */
function count(name: string, value: string | undefined, fallback: number, min = 0): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`环境变量 ${name} 应为不小于 ${min} 的整数，现为“${value}”`);
  return n;
}

function loginThrottle(env: NodeJS.ProcessEnv): ThrottleRules {
  const d = DEFAULT_THROTTLE_RULES;
  const rule = (name: string, r: ThrottleRule): ThrottleRule => ({
    ...r,
    failuresBeforeWait: count(name, env[name], r.failuresBeforeWait, 1),
  });
  return {
    ...d,
    pair: rule('LOGIN_PAIR_FAILURES', d.pair),
    account: rule('LOGIN_ACCOUNT_FAILURES', d.account),
    address: rule('LOGIN_ADDRESS_FAILURES', d.address),
  };
}

function defaultUploadDir(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return './data/uploads';
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  return path === ':memory:' ? join(tmpdir(), 'gaizao-uploads') : join(dirname(path), 'uploads');
}

/** For tests: the PostgreSQL server to run the database suites against, if any. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;
