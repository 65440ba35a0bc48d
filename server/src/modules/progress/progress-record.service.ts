/**
 * One community's record as at a month end, checked against the rules of the spec and stored: the
 * API's and the imports' single door. No start without the residents' consensus
 * (建办城〔2021〕28号 二(一)), counted by the threshold of the community's province for its plan year.
 */
import { halfWidth } from '../../../../common/ledger.ts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ProgressInput } from '../../../../common/api/progress.ts';
import type { CommunityRow, Database, ProgressTable } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatScaled, parseScaled } from '../../domain/ledger/decimal.ts';
import {
  COUNT_MEASURES,
  COUNT_MEASURE_LABELS,
  type CountMeasure,
} from '../../../../common/progress.ts';
import { CORRECTION_HINT, parseDate, progressProblems } from '../../domain/progress.ts';
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

const INVESTMENT = '累计完成投资（万元）';
const PIPELINES = '改造管线（公里）';
const ENERGY = '建筑节能改造面积（平方米）';

/** Each counted outcome's column in progress. */
const COUNT_COLUMN: Record<CountMeasure, keyof ProgressTable> = {
  elevators: 'elevators',
  parking: 'parking',
  chargers: 'chargers',
  elderlyCare: 'elderly_care',
  childcare: 'childcare',
  housekeeping: 'housekeeping',
  health: 'health',
};

/**
 * What a month's record (`row`, as it would be stored) takes back from the latest earlier one
 * without saying it corrects it (更正): a start or a completion on record, or part of a figure
 * counted to the month's end (管线, 节能面积, the facilities added); a figure that could not be
 * read (`unread`, by field) is not compared. 累计完成投资 is progressProblems'. A request that leaves
 * a figure out sends it as nothing, so this is also what keeps a partial request from zeroing
 * last month's figures.
 */
function lessThanBefore(
  before: Selectable<ProgressTable>,
  row: Insertable<ProgressTable>,
  unread: ReadonlySet<string>,
): Problem[] {
  const out: Problem[] = [];
  const since = `上月（${before.period}）`;
  if (before.start_date && !row.start_date)
    out.push({
      field: '开工日期',
      message: `${since}已记开工（${before.start_date}），本月不能为空${CORRECTION_HINT}`,
    });
  if (before.completion_date && !row.completion_date)
    out.push({
      field: '完工日期',
      message: `${since}已记完工（${before.completion_date}），本月不能为空${CORRECTION_HINT}`,
    });
  const less = (column: keyof ProgressTable, field: string, shown: (n: number) => string) => {
    if (!unread.has(field) && Number(row[column]) < Number(before[column]))
      out.push({
        field,
        message: `少于${since}的累计数（${shown(Number(before[column]))}）${CORRECTION_HINT}`,
      });
  };
  less('pipelines_m', PIPELINES, (n) => formatScaled(n, 3, 0));
  less('energy_area_centi', ENERGY, (n) => formatScaled(n, 2, 0));
  for (const k of COUNT_MEASURES) less(COUNT_COLUMN[k], COUNT_MEASURE_LABELS[k], String);
  return out;
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
    const d = parseDate(halfWidth(v));
    if (!d) problems.push({ field, message: '日期格式应为 YYYY-MM-DD' });
    return d ?? null;
  };
  // A figure that could not be read is not also compared with last month's.
  const unread = new Set<string>();
  const dec = (v: string | undefined, digits: number, field: string) => {
    if (!v) return 0;
    const n = parseScaled(halfWidth(v).trim().replace(/,/g, ''), digits);
    if (n === undefined) {
      problems.push({ field, message: `应为不小于0的数，最多${digits}位小数` });
      unread.add(field);
    }
    return n ?? 0;
  };
  const startDate = date(input.startDate, '开工日期');
  const completionDate = date(input.completionDate, '完工日期');
  const investmentDoneYuan = dec(input.investmentDone, 4, INVESTMENT);
  const pipelinesM = dec(input.pipelinesKm, 3, PIPELINES);
  const energyAreaCenti = dec(input.energyArea, 2, ENERGY);
  const threshold =
    known?.threshold ?? (await consentThresholdFor(db, c.plan_year, provinceOfPath(c.region_path)));
  const previous = known ? known.previous : await repo.latestBefore(db, c.id, period);
  const corrected = Boolean(input.corrected);
  problems.push(
    ...progressProblems(
      {
        period,
        startDate,
        completionDate,
        investmentDoneYuan: unread.has(INVESTMENT)
          ? Number(previous?.investment_done_yuan ?? 0)
          : investmentDoneYuan,
        corrected,
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
    corrected: corrected ? 1 : 0,
    username: actor.username,
    updated_at: now.toISOString(),
  };
  if (previous && !corrected) problems.push(...lessThanBefore(previous, row, unread));
  if (startDate)
    problems.push(
      ...(known
        ? known.projectProblems()
        : await projectStartProblems(db, c.id, threshold.threshold)),
    );
  if (problems.length) return problems;
  if (known) known.store(row);
  else await repo.saveProgress(db, row);
  return [];
}
