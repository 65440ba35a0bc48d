/**
 * The consultations import (issue 9 §3, docs/templates/consultations.md) for bureaus that record
 * residents' consultations apart from the monthly progress: all or nothing, errors by line and
 * column, each row a consultation with source 'import' linked to its import. The same rules as a
 * consultation typed in on the community page (progress.service.ts addConsultation).
 */
import type { Kysely } from 'kysely';
import type { ConsultationTable, Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import type { RowError } from '../../domain/ledger/rows.ts';
import { headerKey } from '../../domain/ledger/template.ts';
import { parseDate } from '../../domain/progress.ts';
import { forbidden } from '../../errors.ts';
import { canEditLedger, inScope } from '../ledger/ledger.policy.ts';
import { readTable } from '../ledger/import/read-table.ts';
import { communityLookup } from './community-lookup.ts';
import { recordConsultations, type ConsultationCandidate } from './consultation-records.ts';
import { readHeader } from './import-header.ts';
import { headerShape, strayCellError, unheadedCell } from '../../domain/ledger/template.ts';

export const CONSULTATION_COLUMNS = {
  regionCode: '区划代码',
  name: '小区名称',
  planYear: '计划年度',
  heldOn: '协商日期',
  method: '方式',
  consulted: '参与户数',
  agreeing: '同意户数',
  scheme: '是否同意改造方案',
  aftercare: '是否同意长效管理',
  notes: '备注',
} as const;
type Key = keyof typeof CONSULTATION_COLUMNS;
const REQUIRED: Key[] = ['regionCode', 'name', 'planYear', 'heldOn', 'consulted', 'agreeing'];

/** 方式 as bureaus write it → the stored method; empty: not recorded. */
export const METHOD_WORDS: Record<string, ConsultationTable['method']> = {
  会议: 'meeting',
  居民会议: 'meeting',
  座谈会: 'meeting',
  议事会: 'meeting',
  入户: 'door_to_door',
  入户走访: 'door_to_door',
  上门: 'door_to_door',
  线上: 'online',
  网络: 'online',
  网上: 'online',
  书面: 'written',
  书面征求意见: 'written',
  问卷: 'written',
};

/** A header row is a consultations file's when it has 同意户数 and no 报告期. */
export const isConsultationsHeader = (cells: string[]): boolean =>
  cells.some((c) => headerKey(c) === headerKey('同意户数')) &&
  !cells.some((c) => headerKey(c) === headerKey('报告期'));

export interface ConsultationsReport {
  kind: 'consultations';
  dryRun: boolean;
  rows: number;
  /** consultations stored (0 when nothing was imported) */
  imported: number;
  /** rows already on record (same community, day and households agreeing), not stored twice */
  known: number;
  errorCount: number;
  errors: RowError[];
}

class Rollback extends Error {}

const yesNo = (text: string): boolean | undefined =>
  text === '是' ? true : text === '否' || text === '' ? false : undefined;

export async function importConsultations(
  db: Kysely<Database>,
  actor: Actor,
  path: string,
  opts: { dryRun: boolean; now?: Date; fileName?: string },
): Promise<ConsultationsReport> {
  if (!canEditLedger(actor)) throw forbidden('没有录入居民协商的权限');
  const now = opts.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const report: ConsultationsReport = {
    kind: 'consultations',
    dryRun: opts.dryRun,
    rows: 0,
    imported: 0,
    known: 0,
    errorCount: 0,
    errors: [],
  };
  const fail = (line: number, column: string, value: string, message: string) => {
    if (report.errorCount++ < 1000) report.errors.push({ line, column, value, message });
  };
  const seen = new Map<string, number>();
  const candidates: ConsultationCandidate[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      const lookup = await communityLookup(trx, actor);
      let index: Partial<Record<Key, number>> | undefined;
      let shape: ReturnType<typeof headerShape> | undefined;
      for await (const { line, cells } of readTable(path)) {
        if (!index) {
          index = readHeader(CONSULTATION_COLUMNS, REQUIRED, cells, line, fail);
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
        const v = (k: Key) => (index![k] === undefined ? '' : (cells[index![k]!] ?? '').trim());
        for (const k of REQUIRED) if (!v(k)) fail(line, CONSULTATION_COLUMNS[k], '', '必填');
        const heldOn = v('heldOn') ? parseDate(v('heldOn')) : undefined;
        if (v('heldOn') && !heldOn) fail(line, '协商日期', v('heldOn'), '日期格式应为 YYYY-MM-DD');
        else if (heldOn && heldOn > today)
          fail(line, '协商日期', v('heldOn'), '协商日期不能在未来');
        const method = v('method') ? METHOD_WORDS[v('method')] : 'unrecorded';
        if (!method)
          fail(
            line,
            '方式',
            v('method'),
            `应为 ${Object.keys(METHOD_WORDS).join('、')} 之一，或不填`,
          );
        const int = (k: Key) => {
          if (!v(k)) return undefined;
          if (/^\d{1,7}$/.test(v(k))) return Number(v(k));
          fail(line, CONSULTATION_COLUMNS[k], v(k), '应为不小于0的整数');
          return undefined;
        };
        const consulted = int('consulted');
        const agreeing = int('agreeing');
        const scheme = yesNo(v('scheme'));
        const aftercare = yesNo(v('aftercare'));
        if (scheme === undefined) fail(line, '是否同意改造方案', v('scheme'), '应为“是”或“否”');
        if (aftercare === undefined)
          fail(line, '是否同意长效管理', v('aftercare'), '应为“是”或“否”');
        if (v('notes').length > 500) fail(line, '备注', v('notes').slice(0, 20), '不能超过500字');
        if (!v('regionCode') || !v('name')) continue;
        const match = await lookup.find(v('regionCode'), v('name'));
        if (!match.found) {
          const cell = match.column === '区划代码' ? v('regionCode') : v('name');
          fail(line, match.column, cell, match.message);
          continue;
        }
        const { community } = match;
        if (!inScope(actor, community.region_path)) {
          fail(line, '小区名称', v('name'), '台账中没有这个小区（区划代码与名称须与台账一致）');
          continue;
        }
        if (v('planYear') && String(community.plan_year) !== v('planYear'))
          fail(line, '计划年度', v('planYear'), `该小区的计划年度为 ${community.plan_year}`);
        if (consulted !== undefined && consulted > community.households)
          fail(
            line,
            '参与户数',
            v('consulted'),
            `不能超过小区居民户数（${community.households} 户）`,
          );
        if (consulted !== undefined && agreeing !== undefined && agreeing > consulted)
          fail(line, '同意户数', v('agreeing'), `不能超过参与户数（${consulted} 户）`);
        if (!heldOn || consulted === undefined || agreeing === undefined || !method) continue;
        const key = `${community.id}|${heldOn}|${agreeing}`;
        if (seen.has(key)) {
          fail(
            line,
            '协商日期',
            v('heldOn'),
            `与第 ${seen.get(key)} 行是同一小区同一天的同一次协商`,
          );
          continue;
        }
        seen.set(key, line);
        candidates.push({
          communityId: community.id,
          heldOn,
          dayAssumed: false,
          method,
          householdsConsulted: consulted,
          householdsAgreeing: agreeing,
          agreedScheme: scheme ?? false,
          agreedAftercare: aftercare ?? false,
          notes: v('notes'),
        });
      }
      if (!index) fail(1, '', '', '文件为空');
      if (candidates.length && !report.errorCount) {
        const recorded = await recordConsultations(
          trx,
          actor,
          { kind: 'consultations', fileName: opts.fileName ?? path, rows: report.rows },
          candidates,
          [],
          now,
        );
        report.imported = recorded.recorded;
        report.known = recorded.known;
      }
      if (report.errorCount || opts.dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    report.imported = 0;
  }
  return report;
}
