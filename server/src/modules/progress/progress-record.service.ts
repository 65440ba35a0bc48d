/**
 * One community's record as at a month end, checked against the rules of the spec and stored: the
 * API's and the imports' single door. No start without the residents' consensus
 * (建办城〔2021〕28号 二(一)), counted by the threshold of the community's province for its plan year.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ProgressInput } from '../../../../common/api/progress.ts';
import type { CommunityRow, Database, ProgressTable } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseScaled } from '../../domain/ledger/decimal.ts';
import { parseDate, progressProblems } from '../../domain/progress.ts';
import {
  consentThresholdFor,
  provinceOfPath,
  type ConsentThreshold,
} from '../plan/consent-thresholds.service.ts';
import { projectStartProblems } from './community-progress.service.ts';
import * as repo from './progress.repository.ts';

export type Problem = { field: string; message: string };

/** What an import has already read for many rows at once; the API reads it for its one row. */
export interface ConsentKnown {
  threshold: ConsentThreshold;
  bestAgreeing: number;
  /** the project-level problems of a start (every community of its projects at the threshold) */
  projectProblems: () => Problem[];
  /** the latest earlier month's record, on record or earlier in the file */
  previous: Selectable<ProgressTable> | undefined;
  /** takes the checked record to store (an import writes them in batches) */
  store: (row: Insertable<ProgressTable>) => void;
}

/** Checks and stores one community's record; returns the problems instead of storing when there are any. */
export async function saveProgress(
  db: Kysely<Database>,
  actor: Actor,
  c: CommunityRow,
  period: string,
  input: ProgressInput,
  now: Date,
  known?: ConsentKnown,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  const date = (v: string | undefined, field: string) => {
    if (!v) return null;
    const d = parseDate(v);
    if (!d) problems.push({ field, message: '日期格式应为 YYYY-MM-DD' });
    return d ?? null;
  };
  const dec = (v: string | undefined, digits: number, field: string) => {
    if (!v) return 0;
    const n = parseScaled(v.replace(/,/g, ''), digits);
    if (n === undefined) problems.push({ field, message: `应为不小于0的数，最多${digits}位小数` });
    return n ?? 0;
  };
  const startDate = date(input.startDate, '开工日期');
  const completionDate = date(input.completionDate, '完工日期');
  const investmentDoneYuan = dec(input.investmentDone, 4, '累计完成投资（万元）');
  const pipelinesM = dec(input.pipelinesKm, 3, '改造管线（公里）');
  const energyAreaCenti = dec(input.energyArea, 2, '建筑节能改造面积（平方米）');
  const threshold =
    known?.threshold ?? (await consentThresholdFor(db, c.plan_year, provinceOfPath(c.region_path)));
  const previous = known ? known.previous : await repo.latestBefore(db, c.id, period);
  problems.push(
    ...progressProblems(
      {
        period,
        startDate,
        completionDate,
        investmentDoneYuan,
        corrected: Boolean(input.corrected),
      },
      {
        planYear: c.plan_year,
        today: now.toISOString().slice(0, 10),
        previous: previous && {
          period: previous.period,
          startDate: previous.start_date,
          completionDate: previous.completion_date,
          investmentDoneYuan: Number(previous.investment_done_yuan),
          corrected: previous.corrected === 1,
        },
        consent: {
          households: c.households,
          bestAgreeing: known?.bestAgreeing ?? (await repo.bestAgreeing(db, c.id)),
          threshold: threshold.threshold,
          rule: threshold.source === 'province' ? '本省规定' : '全国默认',
        },
      },
    ),
  );
  if (startDate)
    problems.push(
      ...(known
        ? known.projectProblems()
        : await projectStartProblems(db, c.id, threshold.threshold)),
    );
  if (problems.length) return problems;
  const row: Insertable<ProgressTable> = {
    community_id: c.id,
    period,
    start_date: startDate,
    completion_date: completionDate,
    investment_done_yuan: investmentDoneYuan,
    pipelines_m: pipelinesM,
    elevators: input.elevators ?? 0,
    parking: input.parking ?? 0,
    chargers: input.chargers ?? 0,
    elderly_care: input.elderlyCare ?? 0,
    childcare: input.childcare ?? 0,
    housekeeping: input.housekeeping ?? 0,
    health: input.health ?? 0,
    energy_area_centi: energyAreaCenti,
    corrected: input.corrected ? 1 : 0,
    username: actor.username,
    updated_at: now.toISOString(),
  };
  if (known) known.store(row);
  else await repo.saveProgress(db, row);
  return [];
}
