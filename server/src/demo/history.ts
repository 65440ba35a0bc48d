/**
 * The demo province's 十四五 (2021–2025), so that the five-year view, its charts and its rankings
 * show a real period: communities in each year's plan (imported with the rest, see
 * HISTORY_COMMUNITIES), each consulted, started and, for nearly all, completed, recorded through
 * the progress service; and the province's yearly start targets and its completion target.
 * Invented for the demo and labelled so, not official statistics.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { FIVE_YEAR } from '../domain/five-year.ts';
import { formatScaled } from '../domain/ledger/decimal.ts';
import { findStartTarget, saveVersioned } from '../modules/five-year/five-year.repository.ts';
import { policyFor } from '../modules/plan/policies.repository.ts';
import { saveProgress } from '../modules/progress/progress-record.service.ts';
import { addConsultation } from '../modules/progress/progress.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { prng } from './synthetic.ts';
import { underPath } from '../db/under-path.ts';

/** Communities in the plans of 2021–2025, forty a year, after the demo's current ones. */
export const HISTORY_COMMUNITIES = 200;
export const historyYear = (i: number) => FIVE_YEAR.first + (i % 5);

const SOURCE = '演示数据（虚构，非官方统计）';
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** [year, communities, households] the province means to start (a little under what it did). */
const START_TARGETS: [number, number, number][] = [
  [2021, 36, 3000],
  [2022, 38, 3200],
  [2023, 40, 3300],
  [2024, 40, 3300],
  [2025, 40, 3300],
];

/** Share of each plan year's communities completed by the end of the period (the rest in works). */
const COMPLETED_SHARE: Record<number, number> = {
  2021: 1,
  2022: 1,
  2023: 0.97,
  2024: 0.92,
  2025: 0.8,
};

/** One community's consultation, start and completion, as its county records them. */
async function recordCommunity(
  db: Kysely<Database>,
  c: { id: number; households: number; investment_yuan: number; plan_year: number },
  threshold: number,
  rnd: () => number,
  now: Date,
) {
  const year = c.plan_year;
  const startMonth = 3 + Math.floor(rnd() * 7);
  const startT = Date.UTC(year, startMonth - 1, 1 + Math.floor(rnd() * 28));
  const agreeing = Math.min(c.households, Math.ceil(c.households * (threshold + rnd() * 0.15)));
  await addConsultation(
    db,
    SYSTEM_ACTOR,
    c.id,
    {
      heldOn: iso(startT - (15 + Math.floor(rnd() * 30)) * DAY),
      method: 'meeting',
      householdsConsulted: c.households,
      householdsAgreeing: agreeing,
      agreedScheme: true,
      agreedContribution: rnd() < 0.7,
      agreedAftercare: true,
    },
    now,
  );
  const startDate = iso(startT);
  const period = (t: number) => iso(t).slice(0, 7);
  const total = Math.round(c.investment_yuan * (0.9 + rnd() * 0.12));
  const save = async (t: number, input: Parameters<typeof saveProgress>[4]) => {
    const c2 = await db
      .selectFrom('communities')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    const problems = await saveProgress(db, SYSTEM_ACTOR, c2, period(t), input, now);
    if (problems.length) throw new Error(`演示十四五数据有误：${JSON.stringify(problems)}`);
  };
  await save(startT, { startDate, investmentDone: formatScaled(Math.round(total * 0.3), 4, 0) });
  const done = rnd() < COMPLETED_SHARE[year]!;
  const endT = startT + (90 + Math.floor(rnd() * 150)) * DAY;
  await save(endT, {
    startDate,
    completionDate: done ? iso(endT) : undefined,
    investmentDone: formatScaled(done ? total : Math.round(total * 0.8), 4, 0),
    elevators: Math.floor(c.households * 0.004 * rnd() * 2),
    parking: Math.floor(c.households * 0.095 * rnd() * 2),
  });
}

/** Consultations and records of the communities in 2021–2025's plans under `provinceCode`. */
export async function seedDemoHistory(db: Kysely<Database>, provinceCode: string, now: Date) {
  const communities = await db
    .selectFrom('communities')
    .select(['id', 'households', 'investment_yuan', 'plan_year'])
    .where((e) => underPath(e, 'region_path', `/000000/${provinceCode}/`))
    .where('plan_year', '>=', FIVE_YEAR.first)
    .where('plan_year', '<=', FIVE_YEAR.last)
    .orderBy('id')
    .execute();
  const rnd = prng(FIVE_YEAR.first);
  await db.transaction().execute(async (trx) => {
    for (const c of communities) {
      const { consentThreshold } = await policyFor(trx, c.plan_year!);
      await recordCommunity(trx, { ...c, plan_year: c.plan_year! }, consentThreshold, rnd, now);
    }
    await seedTargets(trx, provinceCode, now);
  });
  return communities.length;
}

async function seedTargets(db: Kysely<Database>, provinceCode: string, now: Date) {
  const meta = { source: SOURCE, updated_at: now.toISOString(), updated_by: 'demo' };
  for (const [year, communities, households] of START_TARGETS) {
    if (await findStartTarget(db, provinceCode, year)) continue;
    const row = { region_code: provinceCode, year, communities, households, ...meta };
    await saveVersioned(db, 'start_targets', undefined, undefined, row);
  }
  const completion = { region_code: provinceCode, last_year: FIVE_YEAR.last, communities: 180 };
  await saveVersioned(db, 'completion_targets', undefined, undefined, { ...completion, ...meta });
}
