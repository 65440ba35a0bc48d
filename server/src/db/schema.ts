/** Row types of the tables, as Kysely sees them. Timestamps are ISO-8601 UTC text on both engines. */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface RegionTable {
  code: string;
  name: string;
  level: 'country' | 'province' | 'prefecture' | 'county';
  kind: string;
  parent_code: string | null;
  /** materialized path, '/000000/420000/420100/420102/' */
  path: string;
  /** 1 where communities are registered directly (county-level units and their equivalents) */
  is_ledger_unit: number;
  initials: string;
  /** 1 for a functional zone an administrator added */
  is_custom: number;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  region_code: string;
  disabled: number;
  version: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha-256 of the cookie token: a leaked table does not hand out sessions */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  /** 'user:<username>' or 'ip:<address>' */
  key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: string | null;
}

export interface Database {
  regions: RegionTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
}

export type RegionRow = Selectable<RegionTable>;
export type UserRow = Selectable<UserTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
