/**
 * `gaizao verify` (cli.md): every frozen record's hash recomputed from its stored content, every
 * sign-off against the version it signed, and the audit log's chain. Reads page by page, so the
 * whole country's records never sit in memory at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { sha256 } from '../../sha256.ts';
import { verifyAuditChain } from '../audit/audit.chain.ts';
import { regionCounts } from '../../domain/progress-plan.ts';
import type { SnapshotContent } from '../declarations/declarations.units.ts';
import {
  approvalHash,
  consultationHash,
  countsHash,
  recomputeHash,
  type FrozenKind,
} from './integrity.ts';

/**
 * The SHA-256 of a stored file, or null if it cannot be read. Read whole and synchronously: the
 * check reads one file at a time anyway, and node:fs/promises would add its 1.5 ms to the start of
 * every `gaizao verify`, files or none.
 */
function fileDigest(path: string): string | null {
  try {
    return sha256().update(readFileSync(path)).digest('hex');
  } catch {
    return null;
  }
}
import * as repo from './integrity.repository.ts';

type SnapshotRow = Awaited<ReturnType<typeof repo.snapshotsAfter>>[number];

/** A snapshot's counts by region as recomputed from its content, or null if that is not intact. */
function recount(s: SnapshotRow): string | null {
  if (recomputeHash(s.content) !== s.hash) return null;
  const content = JSON.parse(s.content) as Partial<SnapshotContent>;
  return JSON.stringify(regionCounts(content.communities ?? []));
}

/**
 * The counts stored beside a snapshot (what the progress table reads) against their hash and,
 * where the snapshot is intact, against its content counted again.
 */
function countsMismatch(s: SnapshotRow, label: string): Mismatch | null {
  const problem = (text: string, recomputed: string) => ({
    kind: 'declaration_snapshot' as const,
    id: `${s.id}/counts`,
    region: s.unit_code,
    stored: s.counts_hash,
    recomputed,
    problem: `${label}${text}`,
  });
  const counted = recount(s);
  if (s.counts === null)
    return counted === null
      ? null // the content's own mismatch is reported; readers refuse it
      : problem(
          '缺少按区划的计数（gaizao verify --rebuild-figures 可重建）',
          countsHash(s.hash, counted),
        );
  const recomputed = countsHash(s.hash, s.counts);
  if (recomputed !== s.counts_hash) return problem('按区划的计数与其校验码不符', recomputed);
  if (counted !== null && counted !== s.counts)
    return problem(
      '按区划的计数与版本内容重新统计的结果不符（gaizao verify --rebuild-figures 可重建）',
      countsHash(s.hash, counted),
    );
  return null;
}

/**
 * Counts every intact snapshot again where its stored counts are missing or differ, each in its
 * own statement of the caller's transaction; a snapshot whose content no longer matches its hash is
 * left as it is (readers refuse it). Returns how many were written.
 */
export async function recountSnapshots(db: Kysely<Database>): Promise<number> {
  let written = 0;
  for (let after = 0; ;) {
    const rows = await repo.snapshotsAfter(db, after);
    for (const s of rows) {
      after = s.id;
      const counted = recount(s);
      if (counted === null || counted === s.counts) continue;
      await repo.replaceCounts(db, {
        snapshot_id: s.id,
        counts: counted,
        hash: countsHash(s.hash, counted),
      });
      written++;
    }
    if (rows.length < repo.PAGE_SIZE) break;
  }
  return written;
}

export interface Mismatch {
  kind: FrozenKind;
  id: string;
  region: string | null;
  stored: string | null;
  recomputed: string;
  problem: string;
}

export interface VerifyResult {
  checked: Record<FrozenKind, number>;
  mismatches: Mismatch[];
}

/**
 * `uploadDir`: where the approvals' files are (UPLOAD_DIR); given, each file with a recorded
 * digest is read and its SHA-256 compared, so a file replaced on disk is found too.
 */
export async function verifyAll(
  db: Kysely<Database>,
  { uploadDir }: { uploadDir?: string } = {},
): Promise<VerifyResult> {
  const checked: Record<FrozenKind, number> = {
    declaration_snapshot: 0,
    monthly_report: 0,
    signoff: 0,
    consultation: 0,
    approval: 0,
    audit_log: 0,
  };
  const mismatches: Mismatch[] = [];
  const frozen = async (
    kind: FrozenKind,
    page: (after: number) => Promise<repo.FrozenRow[]>,
    label: (r: repo.FrozenRow) => string,
    recompute: (r: repo.FrozenRow) => string = (r) => recomputeHash(r.content),
    alsoCheck: (r: repo.FrozenRow, label: string) => Mismatch | null = () => null,
  ) => {
    for (let after = 0; ;) {
      const rows = await page(after);
      for (const r of rows) {
        checked[kind]++;
        const recomputed = recompute(r);
        if (recomputed !== r.hash)
          mismatches.push({
            kind,
            id: String(r.id),
            region: r.unit_code,
            stored: r.hash,
            recomputed,
            problem: `${label(r)}的内容与冻结时的校验码不符`,
          });
        const also = alsoCheck(r, label(r));
        if (also) mismatches.push(also);
        after = Number(r.id);
      }
      if (rows.length < repo.PAGE_SIZE) break;
    }
  };
  await frozen(
    'declaration_snapshot',
    (a) => repo.snapshotsAfter(db, a),
    (r) => {
      const s = r as Awaited<ReturnType<typeof repo.snapshotsAfter>>[number];
      return `${s.plan_year}年度计划${s.kind === 'candidate' ? '会签版本' : '上报版本'}第 ${s.version} 版`;
    },
    undefined,
    (r, label) => countsMismatch(r as SnapshotRow, label),
  );
  await frozen(
    'monthly_report',
    (a) => repo.reportsAfter(db, a),
    (r) => {
      const m = r as Awaited<ReturnType<typeof repo.reportsAfter>>[number];
      return `${m.period} 月报第 ${m.version} 版`;
    },
  );
  await frozen(
    'consultation',
    async (a) => (await repo.consultationsAfter(db, a)).map((c) => ({ ...c, content: '' })),
    (r) => {
      const c = r as unknown as Awaited<ReturnType<typeof repo.consultationsAfter>>[number];
      return `小区 ${c.community_id} 于 ${c.held_on} 的居民协商记录`;
    },
    (r) => consultationHash(r as unknown as Record<string, unknown>),
  );
  for (const a of await repo.approvals(db)) {
    checked.approval++;
    const label = `${a.plan_year}年度计划的省级人民政府同意文件（${a.document_no}）`;
    const recomputed = approvalHash(a);
    if (recomputed !== a.hash)
      mismatches.push({
        kind: 'approval',
        id: String(a.id),
        region: a.unit_code,
        stored: a.hash,
        recomputed,
        problem: `${label}的记录与录入时的校验码不符`,
      });
    if (uploadDir && a.file_sha256) {
      const onDisk = fileDigest(join(uploadDir, a.file_path));
      if (onDisk !== a.file_sha256)
        mismatches.push({
          kind: 'approval',
          id: `${a.id}/file`,
          region: a.unit_code,
          stored: a.file_sha256,
          recomputed: onDisk ?? '(文件不存在)',
          problem: `${label}的文件与录入时不符`,
        });
    }
  }
  for (const s of await repo.signoffsWithSnapshots(db)) {
    checked.signoff++;
    if (s.hash !== s.snapshot_hash)
      mismatches.push({
        kind: 'signoff',
        id: `${s.snapshot_id}/${s.role}`,
        region: s.unit_code ?? null,
        stored: s.hash,
        recomputed: s.snapshot_hash ?? '(版本不存在)',
        problem: '会签所确认的校验码与所签版本的校验码不符',
      });
  }
  checked.audit_log = await repo.countAuditEntries(db);
  for (const b of await verifyAuditChain(db))
    mismatches.push({
      kind: 'audit_log',
      id: String(b.id),
      region: null,
      stored: b.stored,
      recomputed: b.recomputed,
      problem: b.problem,
    });
  return { checked, mismatches };
}
