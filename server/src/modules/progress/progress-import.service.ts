/** The monthly progress import (../shared/spec/progress.md): all or nothing, errors by line and column. */
import type { Kysely } from 'kysely';
import type { ProgressInput } from '../../../../common/progress.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import type { RowError } from '../../domain/ledger/rows.ts';
import { headerKey } from '../../domain/ledger/template.ts';
import { parsePeriod } from '../../domain/progress.ts';
import { forbidden } from '../../errors.ts';
import { findCommunity } from '../ledger/communities.repository.ts';
import { canEditLedger } from '../ledger/ledger.policy.ts';
import { readTable } from '../ledger/import/read-table.ts';
import { communityLookup } from './community-lookup.ts';
import { saveProgress } from './progress.service.ts';

export const PROGRESS_COLUMNS = {
  regionCode: '区划代码',
  name: '小区名称',
  planYear: '计划年度',
  period: '报告期',
  agreed: '居民同意户数',
  startDate: '开工日期',
  completionDate: '完工日期',
  investmentDone: '累计完成投资（万元）',
  pipelinesKm: '改造管线（公里）',
  elevators: '加装电梯（部）',
  parking: '增设停车位（个）',
  chargers: '增设充电桩（个）',
  elderlyCare: '增设养老服务设施（个）',
  childcare: '增设托育设施（个）',
  housekeeping: '增设家政服务设施（个）',
  health: '增设卫生防疫设施（个）',
  energyArea: '建筑节能改造面积（平方米）',
  corrected: '更正',
} as const;
type Key = keyof typeof PROGRESS_COLUMNS;
const REQUIRED: Key[] = ['regionCode', 'name', 'planYear', 'period'];
const COUNTS: Key[] = [
  'elevators',
  'parking',
  'chargers',
  'elderlyCare',
  'childcare',
  'housekeeping',
  'health',
];

/** A header row is a progress file's when it has 报告期 (the project list has no such column). */
export const isProgressHeader = (cells: string[]): boolean =>
  cells.some((c) => headerKey(c) === headerKey('报告期'));

export interface ProgressReport {
  kind: 'progress';
  dryRun: boolean;
  rows: number;
  imported: number;
  errorCount: number;
  errors: RowError[];
}

class Rollback extends Error {}

export async function importProgress(
  db: Kysely<Database>,
  actor: Actor,
  path: string,
  opts: { dryRun: boolean; now?: Date },
): Promise<ProgressReport> {
  if (!canEditLedger(actor)) throw forbidden('没有填报进展的权限');
  const now = opts.now ?? new Date();
  const report: ProgressReport = {
    kind: 'progress',
    dryRun: opts.dryRun,
    rows: 0,
    imported: 0,
    errorCount: 0,
    errors: [],
  };
  const fail = (line: number, column: string, value: string, message: string) => {
    if (report.errorCount++ < 1000) report.errors.push({ line, column, value, message });
  };
  const byKey = new Map(Object.entries(PROGRESS_COLUMNS).map(([k, h]) => [headerKey(h), k as Key]));
  const seen = new Map<string, number>();
  try {
    await db.transaction().execute(async (trx) => {
      const lookup = await communityLookup(trx, actor);
      let index: Partial<Record<Key, number>> | undefined;
      for await (const { line, cells } of readTable(path)) {
        if (!index) {
          index = {};
          cells.forEach((c, i) => {
            const k = byKey.get(headerKey(c));
            if (k && index![k] === undefined) index![k] = i;
          });
          for (const k of REQUIRED)
            if (index[k] === undefined) fail(line, PROGRESS_COLUMNS[k], '', '缺少必填列');
          if (report.errorCount) break;
          continue;
        }
        report.rows++;
        const v = (k: Key) => (index![k] === undefined ? '' : (cells[index![k]!] ?? '').trim());
        for (const k of REQUIRED) if (!v(k)) fail(line, PROGRESS_COLUMNS[k], '', '必填');
        const period = parsePeriod(v('period'));
        if (v('period') && !period) fail(line, '报告期', v('period'), '应为 YYYY-MM 或 YYYY年M月');
        const counts: Partial<Record<Key, number>> = {};
        for (const k of COUNTS) {
          if (!v(k)) continue;
          if (!/^\d{1,7}$/.test(v(k))) fail(line, PROGRESS_COLUMNS[k], v(k), '应为不小于0的整数');
          else counts[k] = Number(v(k));
        }
        if (v('corrected') && v('corrected') !== '是' && v('corrected') !== '否')
          fail(line, '更正', v('corrected'), '应为“是”或不填');
        if (!period || !v('regionCode') || !v('name')) continue;
        const match = await lookup.find(v('regionCode'), v('name'));
        if (!match.found) {
          const cell = match.column === '区划代码' ? v('regionCode') : v('name');
          fail(line, match.column, cell, match.message);
          continue;
        }
        const community = (await findCommunity(trx, match.id))!;
        if (String(community.plan_year) !== v('planYear'))
          fail(line, '计划年度', v('planYear'), `该小区的计划年度为 ${community.plan_year}`);
        if (
          v('agreed') &&
          (!/^\d+$/.test(v('agreed')) || Number(v('agreed')) > community.households)
        )
          fail(
            line,
            '居民同意户数',
            v('agreed'),
            `应为不超过居民户数（${community.households}）的整数`,
          );
        const key = `${community.id}|${period}`;
        if (seen.has(key)) {
          fail(line, '报告期', v('period'), `与第 ${seen.get(key)} 行是同一小区的同一报告期`);
          continue;
        }
        seen.set(key, line);
        const input: ProgressInput = {
          startDate: v('startDate') || undefined,
          completionDate: v('completionDate') || undefined,
          investmentDone: v('investmentDone') || undefined,
          pipelinesKm: v('pipelinesKm') || undefined,
          energyArea: v('energyArea') || undefined,
          corrected: v('corrected') === '是',
          elevators: counts.elevators,
          parking: counts.parking,
          chargers: counts.chargers,
          elderlyCare: counts.elderlyCare,
          childcare: counts.childcare,
          housekeeping: counts.housekeeping,
          health: counts.health,
        };
        const problems = await saveProgress(trx, actor, community, period, input, now);
        for (const p of problems)
          fail(
            line,
            p.field,
            v(
              (Object.entries(PROGRESS_COLUMNS).find(([, h]) => h === p.field)?.[0] ??
                'period') as Key,
            ),
            p.message,
          );
        if (!problems.length) report.imported++;
      }
      if (!index) fail(1, '', '', '文件为空');
      if (report.errorCount || opts.dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    report.imported = 0;
  }
  return report;
}
