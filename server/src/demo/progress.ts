/**
 * A year of monthly progress for the demo province's communities in this calendar year's plan, so
 * that a newcomer sees live dashboards. Calibrated on docs/sources.md §8.1 and §11: starts
 * from March, about half by June, four in five by July, nearly all by the autumn; three to seven
 * months of works; completed investment close to the estimate; outcomes per 10,000 households
 * started as in 2023 (elevators ≈40, pipelines ≈85 km, parking ≈950, chargers ≈360, elderly-care
 * and childcare facilities ≈23, energy retrofit ≈13 m² per household). Every record goes through
 * the progress service, so the demo obeys its rules: no start before the residents' consent
 * (建办城〔2021〕28号 二(一)), no month in the future, investment never decreasing. A few communities
 * are still being prepared (see `stillPreparing`), so a county has one left to consult and start.
 */
import type { Kysely } from 'kysely';
import type { ProgressInput } from '../../../common/api/progress.ts';
import type { CommunityRow, Database } from '../db/schema.ts';
import { formatScaled } from '../domain/ledger/decimal.ts';
import { periodEnd } from '../domain/progress.ts';
import { policyFor } from '../modules/plan/policies.repository.ts';
import { saveProgress } from '../modules/progress/progress-record.service.ts';
import { addConsultation, type ConsultationInput } from '../modules/progress/progress.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { prng } from './synthetic.ts';
import { underPath } from '../db/under-path.ts';

/** Share of the year's starts in each month (index 0 = January): the S-curve of brief §11. */
const START_MONTH_SHARES = [0, 0, 0.1, 0.15, 0.2, 0.15, 0.15, 0.1, 0.07, 0.04, 0.02, 0.02];

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const periodOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

interface Schedule {
  consultations: ConsultationInput[];
  /** the month of the first record: the month of the first consultation, at the earliest January */
  firstMonth: number;
  startDate: string;
  startMonth: number;
  completionDate: string;
  /** 元 */
  finalInvestment: number;
  outcomes: Required<
    Pick<
      ProgressInput,
      'elevators' | 'parking' | 'chargers' | 'elderlyCare' | 'childcare' | 'housekeeping' | 'health'
    >
  > & { pipelinesM: number; energyAreaCenti: number };
}

function scheduleOf(c: CommunityRow, year: number, threshold: number, rnd: () => number): Schedule {
  let u = rnd();
  const startMonth = START_MONTH_SHARES.findIndex((s) => (u -= s) < 0) + 1 || 11;
  const startT = utc(year, startMonth, 1 + Math.floor(rnd() * 28));
  const consultT = startT - (10 + Math.floor(rnd() * 40)) * DAY;
  const h = c.households;
  const needed = Math.ceil(threshold * h);
  const agreeing = Math.min(h, needed + Math.floor(rnd() * (h - needed + 1)));
  const consultations: ConsultationInput[] = [];
  // One community in five needs a second round: the first meeting falls short of the threshold.
  if (rnd() < 0.2) {
    const consulted = Math.max(1, Math.floor(h * 0.85));
    consultations.push({
      heldOn: iso(consultT - (20 + Math.floor(rnd() * 20)) * DAY),
      method: 'meeting',
      householdsConsulted: consulted,
      householdsAgreeing: Math.min(consulted, Math.max(0, needed - 1 - Math.floor(h * 0.1))),
      notes: '首次协商未达到同意比例，改为入户征求意见',
    });
  }
  consultations.push({
    heldOn: iso(consultT),
    method: consultations.length ? 'door_to_door' : 'meeting',
    householdsConsulted: Math.max(agreeing, h - Math.floor(rnd() * h * 0.05)),
    householdsAgreeing: agreeing,
    agreedScheme: true,
    agreedContribution: rnd() < 0.7,
    agreedAftercare: rnd() < 0.8,
    notes: '',
  });
  const first = new Date(Date.parse(consultations[0]!.heldOn));
  const firstMonth = first.getUTCFullYear() < year ? 1 : first.getUTCMonth() + 1;
  const months = 3 + Math.floor(rnd() * 5);
  const completionT = utc(year, startMonth + months, 1 + Math.floor(rnd() * 28));
  const count = (perHousehold: number) => Math.floor(h * perHousehold * (0.5 + rnd()) + rnd());
  return {
    consultations,
    firstMonth,
    startDate: iso(startT),
    startMonth,
    completionDate: iso(completionT),
    finalInvestment: Math.round(c.investment_yuan * (0.9 + rnd() * 0.12)),
    outcomes: {
      elevators: count(0.004),
      parking: count(0.095),
      chargers: count(0.036),
      elderlyCare: count(0.0016),
      childcare: count(0.0007),
      housekeeping: count(0.0005),
      health: count(0.0005),
      pipelinesM: Math.round(h * 8.5 * (0.5 + rnd())),
      energyAreaCenti: rnd() < 0.13 ? c.floor_area_centi : 0,
    },
  };
}

/** The record as at the end of month `m`, or undefined before the first record. */
function recordAt(s: Schedule, year: number, m: number, today: string): ProgressInput | undefined {
  if (m < s.firstMonth) return undefined;
  const end = periodEnd(periodOf(year, m));
  const started = s.startDate <= end && s.startDate <= today;
  if (!started) return { investmentDone: '0' };
  const completed = s.completionDate <= end && s.completionDate <= today;
  const works = Math.round((Date.parse(s.completionDate) - Date.parse(s.startDate)) / (30 * DAY));
  const f = completed ? 1 : Math.min(0.95, (m - s.startMonth + 1) / (works + 1));
  const o = s.outcomes;
  const part = (n: number) => Math.floor(n * f);
  return {
    startDate: s.startDate,
    completionDate: completed ? s.completionDate : undefined,
    investmentDone: formatScaled(Math.round(s.finalInvestment * f), 4, 0),
    pipelinesKm: formatScaled(part(o.pipelinesM), 3, 0),
    elevators: part(o.elevators),
    parking: part(o.parking),
    chargers: part(o.chargers),
    elderlyCare: part(o.elderlyCare),
    childcare: part(o.childcare),
    housekeeping: part(o.housekeeping),
    health: part(o.health),
    energyArea: formatScaled(part(o.energyAreaCenti), 2, 0),
  };
}

/** A county holding this many communities in the year's plan keeps its last one still being prepared. */
const PREPARING_FROM = 5;

/**
 * The communities still being prepared: no consultation yet, no record. In each county with
 * `PREPARING_FROM` or more communities in the plan, the last on its list (highest id), so that the
 * demo never shows every community started and a county's journey (consult, start, report) has a
 * community to begin with.
 */
function stillPreparing(communities: readonly Pick<CommunityRow, 'id' | 'region_code'>[]) {
  const lastOf = new Map<string, { id: number; count: number }>();
  for (const c of communities) {
    const seen = lastOf.get(c.region_code);
    lastOf.set(c.region_code, {
      id: Math.max(seen?.id ?? 0, c.id),
      count: (seen?.count ?? 0) + 1,
    });
  }
  return new Set([...lastOf.values()].filter((l) => l.count >= PREPARING_FROM).map((l) => l.id));
}

/**
 * Consultations and monthly records, January up to this month, for the communities under
 * `provinceCode` in this calendar year's plan. Returns the number of records written.
 */
export async function seedDemoProgress(
  db: Kysely<Database>,
  provinceCode: string,
  now = new Date(),
): Promise<number> {
  const year = now.getUTCFullYear();
  const thisMonth = now.getUTCMonth() + 1;
  const today = now.toISOString().slice(0, 10);
  const communities = await db
    .selectFrom('communities')
    .selectAll()
    .where((e) => underPath(e, 'region_path', `/000000/${provinceCode}/`))
    .where('plan_year', '=', year)
    .orderBy('id')
    .execute();
  const { consentThreshold } = await policyFor(db, year);
  const rnd = prng(year);
  const preparing = stillPreparing(communities);
  let written = 0;
  await db.transaction().execute(async (trx) => {
    for (const c of communities) {
      // Drawn for every community, so that the others' schedules do not depend on which wait.
      const s = scheduleOf(c, year, consentThreshold, rnd);
      if (preparing.has(c.id)) continue;
      for (const consultation of s.consultations)
        if (consultation.heldOn <= today)
          await addConsultation(trx, SYSTEM_ACTOR, c.id, consultation, now);
      for (let m = 1; m <= thisMonth; m++) {
        const input = recordAt(s, year, m, today);
        if (!input) continue;
        const problems = await saveProgress(trx, SYSTEM_ACTOR, c, periodOf(year, m), input, now);
        if (problems.length)
          throw new Error(`演示进展数据有误（${c.name} ${m}月）：${JSON.stringify(problems)}`);
        written++;
      }
    }
  });
  return written;
}
