/**
 * Frozen records verified (issue 10): a submitted version's hash is recomputed from the content
 * stored beside it on every read, the same way it was computed when frozen (SHA-256 of the
 * canonical JSON). A row edited in the database no longer matches; the reader is told
 * (`integrity: 'mismatch'`, 数据校验失败), the event is audited, and sign-off, acceptance and
 * export of that version are refused with 409 INTEGRITY.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { canonicalJson } from '../../domain/declaration.ts';
import { AppError } from '../../errors.ts';
import { sha256 } from '../../sha256.ts';
import { insertAudit } from '../audit/audit.repository.ts';

export type Integrity = 'ok' | 'mismatch';
export type FrozenKind =
  'declaration_snapshot' | 'monthly_report' | 'signoff' | 'consultation' | 'approval' | 'audit_log';

export const FROZEN_LABELS: Record<FrozenKind, string> = {
  declaration_snapshot: '年度计划版本',
  monthly_report: '月报',
  signoff: '会签',
  consultation: '居民协商记录',
  approval: '省级人民政府同意文件',
  audit_log: '审计日志',
};

/** The hash the stored content has now; content that is not JSON any more hashes as text. */
export function recomputeHash(storedContent: string): string {
  let text: string;
  try {
    text = canonicalJson(JSON.parse(storedContent));
  } catch {
    text = storedContent;
  }
  return sha256().update(text).digest('hex');
}

/** The fields of a consultation record its hash covers: everything but its id and the hash. */
export const CONSULTATION_HASHED = [
  'community_id',
  'held_on',
  'method',
  'households_consulted',
  'households_agreeing',
  'agreed_scheme',
  'agreed_contribution',
  'agreed_aftercare',
  'notes',
  'username',
  'created_at',
  'source',
  'import_id',
] as const;

/** The fields of a province's approval its hash covers (the file by its SHA-256). */
export const APPROVAL_HASHED = [
  'province_code',
  'plan_year',
  'approved_on',
  'document_no',
  'file_name',
  'file_sha256',
  'username',
  'at',
  'candidate_version',
  'candidate_hash',
] as const;

/** SHA-256 of the canonical JSON of a row's `fields` as stored (absent ones as `defaults` or null). */
function rowHash(
  fields: readonly string[],
  row: object,
  defaults: Record<string, unknown> = {},
): string {
  const r = row as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const k of fields) picked[k] = r[k] ?? defaults[k] ?? null;
  return sha256().update(canonicalJson(picked)).digest('hex');
}

/** A consultation record's hash, from its fields as stored (an absent source is 'form'). */
export const consultationHash = (row: object): string =>
  rowHash(CONSULTATION_HASHED, row, { source: 'form' });

/** An approval's hash, from its fields as stored. */
export const approvalHash = (row: object): string => rowHash(APPROVAL_HASHED, row);

export interface FrozenRecord {
  id: number;
  unit_code: string;
  hash: string;
  content: string;
}

/**
 * The hash of a snapshot's counts (snapshot_counts): SHA-256 of the snapshot's own hash, a newline
 * and the counts as stored, so that counts edited, or moved to another snapshot, no longer match.
 */
export const countsHash = (snapshotHash: string, counts: string): string =>
  sha256().update(`${snapshotHash}\n${counts}`).digest('hex');

export const integrityOf = (r: FrozenRecord): Integrity =>
  recomputeHash(r.content) === r.hash ? 'ok' : 'mismatch';

/** For a read (outside any transaction): 'ok' or 'mismatch', and a mismatch audited. */
export async function checkOnRead(
  db: Kysely<Database>,
  actor: Actor | null,
  kind: FrozenKind,
  r: FrozenRecord,
): Promise<Integrity> {
  const integrity = integrityOf(r);
  if (integrity === 'mismatch')
    await insertAudit(db, {
      actorUserId: actor?.userId || null,
      actorUsername: actor?.username ?? null,
      action: 'integrity.mismatch',
      target: `${kind}/${r.id}`,
      detail: { kind, id: r.id, region: r.unit_code, stored: r.hash },
    });
  return integrity;
}

export const integrityError = (kind: FrozenKind, r: FrozenRecord, what: string): AppError =>
  new AppError(
    'INTEGRITY',
    `数据校验失败：${FROZEN_LABELS[kind]}（编号 ${r.id}，单位 ${r.unit_code}）的内容与其冻结时的校验码（${r.hash.slice(0, 12)}…）不符，可能已被篡改，不能${what}。请联系系统管理员核查。`,
    undefined,
    { kind, id: r.id, region: r.unit_code, stored: r.hash, what },
  );

/** Refuses `what` (会签, 接收, 导出) on a record whose content no longer matches its hash. */
export function assertIntact(kind: FrozenKind, r: FrozenRecord, what: string): void {
  if (integrityOf(r) === 'mismatch') throw integrityError(kind, r, what);
}

/**
 * Runs a use case and audits an integrity refusal it ends with, after its transaction has rolled
 * back (an audit entry written inside it would be rolled back with it).
 */
export async function auditingRefusals<T>(
  db: Kysely<Database>,
  actor: Actor | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError && e.code === 'INTEGRITY') {
      const x = e.extra as {
        kind: FrozenKind;
        id: number;
        region: string;
        stored: string;
        what: string;
      };
      await insertAudit(db, {
        actorUserId: actor?.userId || null,
        actorUsername: actor?.username ?? null,
        action: 'integrity.refused',
        target: `${x.kind}/${x.id}`,
        detail: { ...x },
      });
    }
    throw e;
  }
}
