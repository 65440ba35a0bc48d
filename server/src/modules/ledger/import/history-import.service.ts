/**
 * Importing a subsidised-history list (issue 9 §4; docs/templates/subsidised-history.md): the
 * communities of an earlier centrally subsidised plan, with their subsidy year, stored as history
 * (never in a plan) for the “不得重复申报” checks of later years. All or nothing, in one
 * transaction; every problem listed by line and column, as the project-list import.
 */
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../domain/actor.ts';
import {
  checkHistoryRow,
  matchHistoryHeader,
  type HistoryDraft,
  type HistoryHeader,
} from '../../../domain/ledger/history-template.ts';
import { orthographicKey } from '../../../domain/ledger/names.ts';
import type { RowError } from '../../../domain/ledger/rows.ts';
import { forbidden } from '../../../errors.ts';
import { canEditLedger } from '../ledger.policy.ts';
import { ledgerUnitsWithin } from '../units.ts';
import { insertHistory, storedHistoryTwins } from './history.repository.ts';
import { MAX_LISTED, type ImportOptions, type ImportReport } from './import.service.ts';
import { readTable } from './read-table.ts';

const BATCH = 500;

class Rollback extends Error {}

interface Checked {
  line: number;
  draft: HistoryDraft;
  key: string;
}

export async function importSubsidyHistory(
  db: Kysely<Database>,
  actor: Actor,
  path: string,
  opts: ImportOptions & { fileName?: string },
): Promise<ImportReport> {
  if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
  const now = opts.now ?? new Date();
  const units = await ledgerUnitsWithin(db, actor.regionPath);
  const report: ImportReport = {
    kind: 'subsidised-history',
    dryRun: opts.dryRun,
    rows: 0,
    imported: 0,
    errorCount: 0,
    errors: [],
    warningCount: 0,
    warnings: [],
    suspectedCount: 0,
    suspected: [],
    codeAliases: [],
  };
  const addError = (e: RowError) => (report.errorCount++ < MAX_LISTED ? report.errors.push(e) : 0);
  const addWarning = (e: RowError) =>
    report.warningCount++ < MAX_LISTED ? report.warnings.push(e) : 0;
  const ctx = {
    currentYear: now.getUTCFullYear(),
    unitByCode: units.unitFor,
    unknownCodeMessage: units.unknownCodeMessage,
    unitsByName: (n: string) => units.byName.get(n) ?? [],
  };
  const firstLine = new Map<string, number>();
  const source = (opts.fileName ?? basename(path)).slice(0, 255);

  const store = async (trx: Kysely<Database>, batch: Checked[]) => {
    if (!batch.length) return;
    const twins = await storedHistoryTwins(
      trx,
      batch.map((c) => ({ regionCode: c.draft.regionCode, key: c.key, year: c.draft.subsidyYear })),
    );
    const fresh = batch.filter((c, i) => {
      const twin = twins[i];
      if (!twin) return true;
      addError({
        line: c.line,
        column: '小区名称',
        value: c.draft.name,
        message: `历史清单中已有“${twin.name}”（${twin.subsidy_year}年中央补助，来自 ${twin.source_file || '此前导入'}），同一小区同一年度只能登记一次`,
      });
      return false;
    });
    if (report.errorCount) return;
    await insertHistory(
      trx,
      fresh.map((c) => ({
        region_code: c.draft.regionCode,
        prefecture_code: c.draft.prefectureCode,
        region_path: units.byCode.get(c.draft.regionCode)!.path,
        street: c.draft.street,
        name: c.draft.name,
        name_key: c.key,
        address: c.draft.address,
        subsidy_year: c.draft.subsidyYear,
        build_year: c.draft.buildYear,
        buildings: c.draft.buildings,
        households: c.draft.households,
        floor_area_centi: c.draft.floorAreaCenti,
        investment_yuan: c.draft.investmentYuan,
        notes: c.draft.notes,
        source_file: source,
        created_at: now.toISOString(),
        created_by: actor.username,
      })),
    );
    report.imported += fresh.length;
  };

  try {
    await db.transaction().execute(async (trx) => {
      let header: HistoryHeader | undefined;
      let batch: Checked[] = [];
      for await (const { line, cells } of readTable(path)) {
        if (!header) {
          header = matchHistoryHeader(cells);
          for (const h of header.missing)
            addError({ line, column: h, value: '', message: '缺少必填列' });
          for (const h of header.duplicated)
            addError({ line, column: h, value: h, message: '列名重复' });
          for (const h of header.unknown)
            addWarning({ line, column: h, value: h, message: '无法识别的列，已忽略' });
          if (header.missing.length || header.duplicated.length) break;
          continue;
        }
        report.rows++;
        if (report.rows % 1000 === 0) opts.onProgress?.(report.rows);
        const { draft, errors } = checkHistoryRow(line, cells, header, ctx);
        errors.forEach(addError);
        if (!draft) continue;
        const key = orthographicKey(draft.name);
        const fileKey = `${draft.regionCode}|${key}|${draft.subsidyYear}`;
        const earlier = firstLine.get(fileKey);
        if (earlier !== undefined) {
          addError({
            line,
            column: '小区名称',
            value: draft.name,
            message: `与第 ${earlier} 行是同一小区、同一补助年度，只能登记一次`,
          });
          continue;
        }
        firstLine.set(fileKey, line);
        batch.push({ line, draft, key });
        if (batch.length >= BATCH) {
          await store(trx, batch);
          batch = [];
        }
      }
      if (!header)
        addError({ line: 1, column: '', value: '', message: '文件为空：没有表头和数据行' });
      else if (!report.rows && !report.errorCount)
        addError({ line: 2, column: '', value: '', message: '文件只有表头，没有数据行' });
      await store(trx, batch);
      if (report.errorCount || opts.dryRun) throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    report.imported = 0;
  }
  opts.onProgress?.(report.rows);
  return report;
}
