/**
 * The monthly progress import (docs/progress-table.md, issue 9 §3): all or nothing, errors by
 * line and column. A row's 居民同意户数 records a consultation (协商日期, or the report period's last
 * day), stored before any start of the file is checked, so a start counts every consultation of
 * its file whatever the rows' order. Linear in the file: what the checks need of the ledger
 * (consultations, projects, earlier months) is read for all rows at once, and the records are
 * written in batches.
 */
import type { Kysely } from 'kysely';
import { halfWidth } from '../../../../common/ledger.ts';
import type { ProgressInput } from '../../../../common/api/progress.ts';
import { COUNT_MEASURE_LABELS, COUNT_MEASURES } from '../../../../common/progress.ts';
import type { CommunityRow, Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import type { RowError } from '../../domain/ledger/rows.ts';
import { headerKey } from '../../domain/ledger/template.ts';
import { parseDate, parsePeriod, periodEnd } from '../../domain/progress.ts';
import { forbidden } from '../../errors.ts';
import { canEditLedger } from '../ledger/ledger.policy.ts';
import { readTable } from '../ledger/import/read-table.ts';
import { communityLookup } from './community-lookup.ts';
import { recordConsultations, type ConsultationCandidate } from './consultation-records.ts';
import { readHeader } from './import-header.ts';
import { storeProgressRows } from './progress-import.store.ts';
import { auditBy } from '../audit/audit.repository.ts';
import { headerShape, strayCellError, unheadedCell } from '../../domain/ledger/template.ts';

export const PROGRESS_COLUMNS = {
  regionCode: '区划代码',
  name: '小区名称',
  planYear: '计划年度',
  period: '报告期',
  agreed: '居民同意户数',
  consultedOn: '协商日期',
  startDate: '开工日期',
  completionDate: '完工日期',
  investmentDone: '累计完成投资（万元）',
  pipelinesKm: '改造管线（公里）',
  ...COUNT_MEASURE_LABELS,
  energyArea: '建筑节能改造面积（平方米）',
  corrected: '更正',
} as const;
type Key = keyof typeof PROGRESS_COLUMNS;
const REQUIRED: Key[] = ['regionCode', 'name', 'planYear', 'period'];

/** A header row is a progress file's when it has 报告期 (the project list has no such column). */
export const isProgressHeader = (cells: string[]): boolean =>
  cells.some((c) => headerKey(c) === headerKey('报告期'));

export interface ProgressReport {
  kind: 'progress';
  dryRun: boolean;
  rows: number;
  imported: number;
  /** consultations stored from 居民同意户数 (0 when nothing was imported) */
  consultationsRecorded: number;
  /** rows whose consultation was already on record */
  consultationsKnown: number;
  errorCount: number;
  errors: RowError[];
}

/** A row that passed its own checks, waiting for the file's consultations to be stored. */
export interface ParsedRow {
  line: number;
  community: CommunityRow;
  period: string;
  input: ProgressInput;
  /** the cell of each column, for the errors */
  value: (header: string) => string;
}

class Rollback extends Error {}

export async function importProgress(
  db: Kysely<Database>,
  actor: Actor,
  path: string,
  opts: { dryRun: boolean; now?: Date; fileName?: string },
): Promise<ProgressReport> {
  if (!canEditLedger(actor)) throw forbidden('没有填报进展的权限');
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const report: ProgressReport = {
    kind: 'progress',
    dryRun: opts.dryRun,
    rows: 0,
    imported: 0,
    consultationsRecorded: 0,
    consultationsKnown: 0,
    errorCount: 0,
    errors: [],
  };
  const fail = (line: number, column: string, value: string, message: string) => {
    if (report.errorCount++ < 1000) report.errors.push({ line, column, value, message });
  };
  const seen = new Map<string, number>();
  const parsed: ParsedRow[] = [];
  const consultations: ConsultationCandidate[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const lookup = await communityLookup(trx, actor);
      let index: Partial<Record<Key, number>> | undefined;
      let shape: ReturnType<typeof headerShape> | undefined;
      for await (const { line, cells } of readTable(path)) {
        if (!index) {
          index = readHeader(PROGRESS_COLUMNS, REQUIRED, cells, line, fail);
          shape = headerShape(cells);
          if (report.errorCount) break;
          continue;
        }
        report.rows++;
        // Nothing under no header is dropped unsaid: the row is refused (as a project list's).
        const stray = unheadedCell(cells, shape!);
        if (stray !== undefined) {
          const e = strayCellError(line, cells, stray);
          fail(e.line, e.column, e.value, e.message);
          continue;
        }
        // Figures, dates and codes as typed with a Chinese input method in full-width mode read as
        // the half-width they mean (as the project list's do); the name is matched as written.
        const v = (k: Key) => {
          const text = index![k] === undefined ? '' : (cells[index![k]!] ?? '').trim();
          return k === 'name' ? text : halfWidth(text).trim();
        };
        for (const k of REQUIRED) if (!v(k)) fail(line, PROGRESS_COLUMNS[k], '', '必填');
        const period = parsePeriod(v('period'));
        if (v('period') && !period) fail(line, '报告期', v('period'), '应为 YYYY-MM 或 YYYY年M月');
        const counts: Partial<Record<Key, number>> = {};
        for (const k of COUNT_MEASURES) {
          if (!v(k)) continue;
          if (!/^\d{1,7}$/.test(v(k))) fail(line, PROGRESS_COLUMNS[k], v(k), '应为不小于0的整数');
          else counts[k] = Number(v(k));
        }
        if (v('corrected') && v('corrected') !== '是' && v('corrected') !== '否')
          fail(line, '更正', v('corrected'), '应为“是”或不填');
        const consultedOn = v('consultedOn') ? parseDate(v('consultedOn')) : undefined;
        if (v('consultedOn') && !consultedOn)
          fail(line, '协商日期', v('consultedOn'), '日期格式应为 YYYY-MM-DD');
        else if (consultedOn && consultedOn > today)
          fail(line, '协商日期', v('consultedOn'), '协商日期不能在未来');
        else if (consultedOn && period && consultedOn > periodEnd(period))
          fail(line, '协商日期', v('consultedOn'), '协商日期晚于报告期末');
        if (v('consultedOn') && !v('agreed'))
          fail(line, '协商日期', v('consultedOn'), '填写了协商日期，须同时填写居民同意户数');
        if (!period || !v('regionCode') || !v('name')) continue;
        const match = await lookup.find(v('regionCode'), v('name'));
        if (!match.found) {
          const cell = match.column === '区划代码' ? v('regionCode') : v('name');
          fail(line, match.column, cell, match.message);
          continue;
        }
        const { community } = match;
        if (String(community.plan_year) !== v('planYear'))
          fail(line, '计划年度', v('planYear'), `该小区的计划年度为 ${community.plan_year}`);
        const agreedOk =
          /^\d{1,7}$/.test(v('agreed')) && Number(v('agreed')) <= community.households;
        if (v('agreed') && !agreedOk)
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
        if (v('agreed') && agreedOk && (!v('consultedOn') || consultedOn))
          consultations.push({
            communityId: community.id,
            heldOn: consultedOn ?? periodEnd(period),
            dayAssumed: !consultedOn,
            method: 'unrecorded',
            // A progress row says how many agreed, not how many took part: at least those.
            householdsConsulted: Number(v('agreed')),
            householdsAgreeing: Number(v('agreed')),
            agreedScheme: false,
            agreedAftercare: false,
            notes: `月度进展 ${period} 导入（第 ${line} 行）`,
          });
        parsed.push({
          line,
          community,
          period,
          value: (header) => {
            const k = (Object.keys(PROGRESS_COLUMNS) as Key[]).find(
              (x) => PROGRESS_COLUMNS[x] === header,
            );
            return k ? v(k) : '';
          },
          input: {
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
          },
        });
      }
      if (!index) fail(1, '', '', '文件为空');
      if (parsed.length) {
        const recorded = await recordConsultations(
          trx,
          actor,
          { kind: 'progress', fileName: opts.fileName ?? path, rows: report.rows },
          consultations,
          parsed.map((r) => r.community.id),
          now,
        );
        report.consultationsRecorded = recorded.recorded;
        report.consultationsKnown = recorded.known;
        report.imported = await storeProgressRows(
          trx,
          actor,
          parsed,
          recorded.bestAgreeing,
          now,
          fail,
        );
      }
      report.errors.sort((a, b) => a.line - b.line);
      if (report.errorCount || opts.dryRun) throw new Rollback();
      // One entry for the file, last: the audit chain's head is held from here to the commit.
      await auditBy(
        trx,
        actor,
        'progress.import',
        actor.regionCode,
        { rows: report.imported },
        now,
      );
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    report.imported = 0;
    report.consultationsRecorded = 0;
  }
  return report;
}
