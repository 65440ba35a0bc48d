/**
 * The progress import's second pass: every row checked against the ledger as the API checks one
 * (progress-record.service.ts), with what those checks need read for the whole file at once — the
 * thresholds by plan year and province, the consultations, the projects of every starting
 * community and each community's earlier months — and the records written in batches. Rows are
 * taken month by month, so a file may list a community's months in any order.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ProgressTable } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { provinceOfPath, thresholdCache } from '../plan/consent-thresholds.service.ts';
import { projectProblemsFrom } from './community-progress.service.ts';
import { projectMembersConsentOf } from './community-progress.repository.ts';
import type { Fail } from './import-header.ts';
import type { ParsedRow } from './progress-import.service.ts';
import { saveProgress } from './progress-record.service.ts';
import { chunks, progressOfMany, saveProgressMany } from './progress.repository.ts';

type Members = Awaited<ReturnType<typeof projectMembersConsentOf>>;

/** Checks and stores the rows; returns how many passed. Problems go to `fail` by line. */
export async function storeProgressRows(
  db: Kysely<Database>,
  actor: Actor,
  rows: ParsedRow[],
  bestAgreeing: Map<number, number>,
  now: Date,
  fail: Fail,
): Promise<number> {
  const starting = [...new Set(rows.filter((r) => r.input.startDate).map((r) => r.community.id))];
  const members = new Map<number, Members>();
  for (const ids of chunks(starting))
    for (const m of await projectMembersConsentOf(db, ids)) {
      const list = members.get(m.of) ?? [];
      list.push(m);
      members.set(m.of, list);
    }
  const months = new Map<number, Selectable<ProgressTable>[]>();
  for (const r of await progressOfMany(
    db,
    rows.map((x) => x.community.id),
  )) {
    const list = months.get(r.community_id) ?? [];
    list.push(r);
    months.set(r.community_id, list);
  }
  const thresholdOf = thresholdCache(db);
  const pending: Insertable<ProgressTable>[] = [];
  let passed = 0;
  const ordered = [...rows].sort((a, b) =>
    a.period === b.period ? a.line - b.line : a.period < b.period ? -1 : 1,
  );
  for (const row of ordered) {
    const c = row.community;
    const threshold = await thresholdOf(c.plan_year, provinceOfPath(c.region_path));
    const history = months.get(c.id) ?? [];
    const previous = history.filter((m) => m.period < row.period).at(-1);
    const problems = await saveProgress(db, actor, c, row.period, row.input, now, {
      threshold,
      bestAgreeing: bestAgreeing.get(c.id) ?? 0,
      previous,
      projectProblems: () =>
        projectProblemsFrom(c.id, members.get(c.id) ?? [], threshold.threshold),
      store: (record) => {
        pending.push(record);
        // Later months of the file see this one as their previous month.
        const kept = history.filter((m) => m.period !== row.period);
        kept.push(record as Selectable<ProgressTable>);
        kept.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
        months.set(c.id, kept);
      },
    });
    for (const p of problems) fail(row.line, p.field, row.value(p.field), p.message);
    if (!problems.length) passed++;
  }
  await saveProgressMany(db, pending);
  return passed;
}
