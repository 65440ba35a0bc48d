/**
 * A declaration's submitted versions: each as it was frozen, and what changed between two of them
 * (communities added, removed, changed), for the reviewer.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SnapshotTable } from '../../db/schema.ts';
import { receivesOnly, type Actor } from '../../domain/actor.ts';
import { diffSnapshots } from '../../domain/declaration.ts';
import { notFound } from '../../errors.ts';
import { checkOnRead } from '../integrity/integrity.ts';
import * as repo from './declarations.repository.ts';
import * as signoffRepo from './signoff.repository.ts';
import { SIGNOFF_ROLES } from '../../../../common/declaration.ts';
import { policyFor } from '../plan/policies.repository.ts';
import { readableUnit, visibleUnit, type SnapshotContent } from './declarations.units.ts';

/** What changed between two submitted versions (default: the last two). */
export async function declarationDiff(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  from?: number,
  to?: number,
) {
  const { region } = await readableUnit(db, actor, unitCode, year);
  const latest = await repo.latestSnapshot(db, region.code, year, 'submission');
  if (!latest) throw notFound('已上报的版本');
  const b = to ?? latest.version;
  const a = from ?? b - 1;
  const [sa, sb] = await Promise.all([
    repo.snapshotByVersion(db, region.code, year, a),
    repo.snapshotByVersion(db, region.code, year, b),
  ]);
  if (!sb) throw notFound(`第 ${b} 版`);
  const before = sa ? (JSON.parse(sa.content) as SnapshotContent).communities : [];
  const after = (JSON.parse(sb.content) as SnapshotContent).communities;
  return { from: sa ? a : 0, to: b, ...diffSnapshots(before, after) };
}

/** A submitted version as it was frozen (the plan rows and the table), with its hash. */
export async function submittedSnapshot(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
  version: number,
) {
  const { region } = await readableUnit(db, actor, unitCode, year);
  const s = await repo.snapshotByVersion(db, region.code, year, version);
  if (!s) throw notFound(`第 ${version} 版`);
  return presentSnapshot(db, actor, s);
}

/**
 * The version a province's three departments sign (会签版本), as it was frozen: what they read
 * before they sign is exactly what their sign-off names. Not for the national recipients, who
 * receive submitted versions only.
 */
export async function candidateSnapshot(
  db: Kysely<Database>,
  actor: Actor,
  unitCode: string,
  year: number,
) {
  const { region, level } = await visibleUnit(db, actor, unitCode);
  const s =
    level === 'province' && !receivesOnly(actor)
      ? await repo.latestSnapshot(db, region.code, year, 'candidate')
      : undefined;
  if (!s) throw notFound(`${region.name}${year}年度计划的会签版本`);
  return {
    ...(await presentSnapshot(db, actor, s)),
    cutoffYear: (await policyFor(db, year)).cutoffYear,
  };
}

async function presentSnapshot(db: Kysely<Database>, actor: Actor, s: Selectable<SnapshotTable>) {
  return {
    version: s.version,
    hash: s.hash,
    /** recomputed from the stored content now: 'mismatch' is shown as 数据校验失败 */
    integrity: await checkOnRead(db, actor, 'declaration_snapshot', s),
    createdAt: s.created_at,
    createdBy: s.created_by,
    content: JSON.parse(s.content) as SnapshotContent,
  };
}

/**
 * The signed version of a province's plan: the latest submitted version whose hash is that of a
 * sign-off candidate all three departments confirmed (each on that hash), or undefined.
 */
export async function signedSubmission(db: Kysely<Database>, unitCode: string, year: number) {
  const [submissions, candidates] = await Promise.all([
    repo.snapshotsOf(db, unitCode, year, 'submission'),
    repo.snapshotsOf(db, unitCode, year, 'candidate'),
  ]);
  const signoffs = await signoffRepo.signoffsOfMany(
    db,
    candidates.map((c) => c.id),
  );
  const signed = new Set(
    candidates
      .filter((c) =>
        SIGNOFF_ROLES.every((role) =>
          signoffs.some((s) => s.snapshot_id === c.id && s.role === role && s.hash === c.hash),
        ),
      )
      .map((c) => c.hash),
  );
  return submissions.find((s) => signed.has(s.hash));
}
