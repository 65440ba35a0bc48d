/**
 * Consultations that arrive in a file (issue 9 §3): a progress row's 居民同意户数 or a row of the
 * consultations import. Stored with source 'import' and the import they came with, before any
 * start of the file is checked, so that a start counts every consultation of its file whatever
 * the rows' order. A consultation already on record is not stored twice: the same community, day
 * and households agreeing — or, for a progress row without 协商日期 (a figure carried from month to
 * month), the same households agreeing as an earlier imported one.
 */
import type { Kysely } from 'kysely';
import type { ConsultationTable, Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import * as repo from './progress.repository.ts';

export interface ConsultationCandidate {
  communityId: number;
  heldOn: string;
  /** true when the day is the report period's end because the row gave none */
  dayAssumed: boolean;
  method: ConsultationTable['method'];
  householdsConsulted: number;
  householdsAgreeing: number;
  agreedScheme: boolean;
  agreedAftercare: boolean;
  notes: string;
}

export interface RecordedConsultations {
  /** stored now */
  recorded: number;
  /** already on record, not stored again */
  known: number;
  /** the most households agreeing of each community named, on record and in the file */
  bestAgreeing: Map<number, number>;
}

export async function recordConsultations(
  db: Kysely<Database>,
  actor: Actor,
  file: { kind: 'progress' | 'consultations'; fileName: string; rows: number },
  candidates: ConsultationCandidate[],
  communityIds: number[],
  now: Date,
): Promise<RecordedConsultations> {
  const onRecord = await repo.consultationsOfMany(db, [
    ...communityIds,
    ...candidates.map((c) => c.communityId),
  ]);
  const bestAgreeing = new Map<number, number>();
  const exact = new Set<string>();
  const imported = new Set<string>();
  const remember = (id: number, day: string, agreeing: number, source: string) => {
    bestAgreeing.set(id, Math.max(bestAgreeing.get(id) ?? 0, agreeing));
    exact.add(`${id}|${day}|${agreeing}`);
    if (source === 'import') imported.add(`${id}|${agreeing}`);
  };
  for (const r of onRecord) remember(r.community_id, r.held_on, r.households_agreeing, r.source);
  const fresh: ConsultationCandidate[] = [];
  let known = 0;
  for (const c of candidates) {
    const same =
      exact.has(`${c.communityId}|${c.heldOn}|${c.householdsAgreeing}`) ||
      (c.dayAssumed && imported.has(`${c.communityId}|${c.householdsAgreeing}`));
    if (same) known++;
    else fresh.push(c);
    remember(c.communityId, c.heldOn, c.householdsAgreeing, 'import');
  }
  if (fresh.length) {
    const importId = await repo.insertConsultationImport(db, {
      kind: file.kind,
      file_name: file.fileName.slice(0, 255),
      rows: file.rows,
      username: actor.username,
      created_at: now.toISOString(),
    });
    await repo.insertConsultations(
      db,
      fresh.map((c) => ({
        community_id: c.communityId,
        held_on: c.heldOn,
        method: c.method,
        households_consulted: c.householdsConsulted,
        households_agreeing: c.householdsAgreeing,
        agreed_scheme: c.agreedScheme ? 1 : 0,
        agreed_contribution: 0,
        agreed_aftercare: c.agreedAftercare ? 1 : 0,
        notes: c.notes,
        username: actor.username,
        created_at: now.toISOString(),
        source: 'import' as const,
        import_id: importId,
      })),
    );
  }
  return { recorded: fresh.length, known, bestAgreeing };
}
