/**
 * The maintained figures checked against the records (`gaizao verify`): every member, every plan
 * figure, every month's progress change and the set of started communities recomputed from the
 * ledger and compared, to the cent.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { listPolicies, policyFor } from '../plan/policies.repository.ts';
import * as repo from './figures.repository.ts';

export interface FigureMismatch {
  table: 'figure_members' | 'plan_figures' | 'progress_figures' | 'started_communities';
  key: string;
  stored: string | null;
  recomputed: string | null;
}

export const FIGURE_LABELS = {
  members: '计划内小区汇总',
  plan: '计划表汇总',
  progress: '月度进展汇总',
  started: '已开工小区',
} as const;

export interface FiguresCheck {
  checked: { members: number; plan: number; progress: number; started: number };
  mismatches: FigureMismatch[];
}

type Row = Record<string, unknown>;

/** A value as text, integers alike whichever engine (PostgreSQL's bigint comes as a string). */
const text = (v: unknown) =>
  typeof v === 'number' || (typeof v === 'string' && /^-?\d+$/.test(v))
    ? String(Number(v))
    : String(v);

/**
 * Compares two sets of rows by key. With `zeroAbsent`, a row whose measures are all zero counts
 * as absent (a figure emptied by the records' changes stays as a row of zeros).
 */
function compare(
  table: FigureMismatch['table'],
  key: readonly string[],
  measures: readonly string[],
  stored: Row[],
  recomputed: Row[],
  out: FigureMismatch[],
  zeroAbsent = true,
): number {
  const keyOf = (r: Row) => key.map((k) => text(r[k])).join('|');
  const valuesOf = (r: Row) => measures.map((m) => text(r[m] ?? 0)).join(',');
  const nonZero = (rows: Row[]) =>
    new Map(
      rows
        .filter((r) => !zeroAbsent || measures.some((m) => Number(r[m] ?? 0) !== 0))
        .map((r) => [keyOf(r), valuesOf(r)]),
    );
  const s = nonZero(stored);
  const e = nonZero(recomputed);
  for (const [k, v] of e)
    if (s.get(k) !== v) out.push({ table, key: k, stored: s.get(k) ?? null, recomputed: v });
  for (const [k, v] of s) if (!e.has(k)) out.push({ table, key: k, stored: v, recomputed: null });
  return e.size;
}

/** The plan years' cut-offs as the plan table applies them (no policy at all: all "after"). */
async function cutoffs(db: Kysely<Database>, years: number[]): Promise<Map<number, number | null>> {
  const any = (await listPolicies(db)).length > 0;
  const out = new Map<number, number | null>();
  for (const year of years) out.set(year, any ? (await policyFor(db, year)).cutoffYear : null);
  return out;
}

export async function checkFigures(db: Kysely<Database>): Promise<FiguresCheck> {
  const mismatches: FigureMismatch[] = [];
  const placeKey = ['region_path', 'region_code', 'prefecture_code', 'plan_year'] as const;

  const members = compare(
    'figure_members',
    ['community_id'],
    [...placeKey, ...repo.MEMBER_MEASURES],
    await repo.storedMembers(db),
    await repo.planMembersFromLedger(db),
    mismatches,
    false,
  );

  const groups = await repo.planByBuildYearFromLedger(db);
  const cut = await cutoffs(db, [...new Set(groups.map((g) => Number(g.plan_year)))]);
  const plan = new Map<string, Row>();
  const planMeasures = [
    'communities',
    'households',
    'buildings',
    'floor_area_centi',
    'investment_yuan',
  ] as const;
  for (const g of groups) {
    const c = cut.get(Number(g.plan_year));
    const bucket = c !== null && c !== undefined && g.build_year <= c ? 'before' : 'after';
    const row: Row = { ...g, bucket };
    const k = [...placeKey.map((p) => String(g[p])), g.area_class, bucket].join('|');
    const had = plan.get(k);
    if (had) for (const m of planMeasures) had[m] = Number(had[m]) + Number(g[m]);
    else plan.set(k, row);
  }
  const planKey = [...placeKey, 'area_class', 'bucket'];
  const planChecked = compare(
    'plan_figures',
    planKey,
    planMeasures,
    await repo.storedPlanFigures(db),
    [...plan.values()],
    mismatches,
  );

  const progress = compare(
    'progress_figures',
    [...placeKey, 'period'],
    repo.PROGRESS_MEASURES,
    await repo.storedProgressFigures(db),
    await repo.progressChangesFromLedger(db),
    mismatches,
  );
  const started = compare(
    'started_communities',
    ['community_id'],
    [],
    await repo.storedStarted(db),
    await repo.startedFromLedger(db),
    mismatches,
    false,
  );
  return { checked: { members, plan: planChecked, progress, started }, mismatches };
}
