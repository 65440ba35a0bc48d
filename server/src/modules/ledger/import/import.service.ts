/**
 * Importing a project list (docs/templates/project-list.md): every row checked, every problem
 * listed by file line and column, and all or nothing in one transaction. The file streams through
 * in batches, so memory stays bounded for the national 220,000-row file.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Actor } from '../../../domain/actor.ts';
import { orthographicKey } from '../../../domain/ledger/names.ts';
import { checkRow, type CommunityDraft, type RowError } from '../../../domain/ledger/rows.ts';
import {
  matchHeader,
  rowRecord,
  strayCellError,
  unheadedCell,
  type HeaderMatch,
} from '../../../domain/ledger/template.ts';
import { policyInForce } from '../../../domain/plan-policy.ts';
import { forbidden } from '../../../errors.ts';
import { previewPairs, scanPrefectures, type IncomingCandidate } from '../duplicates.service.ts';
import { draftToRow } from '../community-row.ts';
import { canEditLedger } from '../ledger.policy.ts';
import { listPolicies } from '../../plan/policies.service.ts';
import { ledgerUnitsWithin } from '../units.ts';
import type { ImportReport } from '../../../../../common/api/ledger.ts';
import { halfWidth } from '../../../../../common/ledger.ts';
import { codeAliasCollector, suspectedOfImport } from './import-findings.ts';
import { FileDuplicates, headerFindings, rowWarnings } from './import-steps.ts';
import { importWriter, refreshStatistics, type PreparedRows } from './import.repository.ts';
import { readTable, type TableFormat } from './read-table.ts';
import { auditBy } from '../../audit/audit.repository.ts';

/** Errors and warnings listed in full up to this many; beyond, counted. */
export const MAX_LISTED = 1000;
/** Rows a batch: one statement a batch on PostgreSQL, where fewer, longer statements cost less. */
const BATCH = 2000;
/** Imports of at least this many communities refresh the planner statistics on PostgreSQL. */
const REFRESH_STATISTICS_AFTER = 5000;

/** What a check or an import reports (the route's answer, common/api/ledger.ts). */
export type { ImportReport };

export interface ImportOptions {
  dryRun: boolean;
  now?: Date;
  onProgress?: (rowsRead: number) => void;
}

class Rollback extends Error {}

/** A row that passed its checks, with its line in the file. */
interface Checked {
  line: number;
  draft: CommunityDraft;
  key: string;
}

/** A batch and its rows as the writer sends them. */
interface Prepared {
  batch: Checked[];
  rows: PreparedRows;
}

export const projectCode = (planYear: number, regionCode: string, communityId: number): string =>
  `XM${planYear}${regionCode}${String(communityId).padStart(7, '0')}`;

export async function importProjectList(
  db: Kysely<Database>,
  actor: Actor,
  path: string,
  opts: ImportOptions,
): Promise<ImportReport> {
  if (!canEditLedger(actor)) throw forbidden('没有导入台账的权限');
  const now = opts.now ?? new Date();
  const policies = await listPolicies(db);
  const units = await ledgerUnitsWithin(db, actor.regionPath);
  const report: ImportReport = {
    kind: 'projects',
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
  const inFile = new FileDuplicates();
  const aliases = codeAliasCollector();
  // The prefecture-level units of the rows written, scanned for near names once all are stored:
  // known from the rows themselves, not asked of the ledger.
  const touchedPrefectures = new Set<string>();
  const lineOfNew = new Map<number, number>();
  const incoming: IncomingCandidate[] = [];
  let fakeId = 0;

  const writer = importWriter(db, {
    at: now.toISOString(),
    userId: actor.userId || null,
    username: actor.username,
  });
  // A check (dry run), and an import once it has failed, only read the stored ledger: rows
  // that would be new get ids below zero, for the near-name scan of a check (previewPairs).
  const writing = () => !report.errorCount && !opts.dryRun;
  /** A batch's rows, ready to send: made while the previous batch is being written. */
  const prepare = (batch: Checked[]): Prepared => {
    const rows = batch.map((c) =>
      draftToRow(c.draft, units.byCode.get(c.draft.regionCode)!.path, now, { nameKey: c.key }),
    );
    return { batch, rows: writing() ? writer.prepare(rows) : { rows } };
  };
  const store = async (trx: Kysely<Database>, { batch, rows: prepared }: Prepared) => {
    if (!batch.length) return;
    const rows = prepared.rows;
    const written = writing()
      ? await writer.write(trx, prepared)
      : (await writer.storedTwins(trx, rows)).map((s) => (s ? { stored: s } : { id: --fakeId }));
    batch.forEach((c, i) => {
      const w = written[i];
      if (!w) return;
      if ('id' in w) {
        if (w.id < 0) {
          const { name, name_key, region_code, prefecture_code, address_key, cell_key } = rows[i]!;
          incoming.push({
            id: w.id,
            name,
            name_key,
            region_code,
            prefecture_code,
            address_key,
            cell_key,
          });
        }
        lineOfNew.set(w.id, c.line);
        report.imported++;
        return;
      }
      const s = w.stored;
      addError({
        line: c.line,
        column: '小区名称',
        value: c.draft.name,
        message: `与台账中已有的小区“${s.name}”（编号 ${s.id}，${s.plan_year}年度）是同一小区，不得重复登记`,
      });
    });
  };

  try {
    // A check reads only: on SQLite it must not hold the one writer for the file's whole length.
    const transaction = opts.dryRun
      ? db.transaction().setAccessMode('read only')
      : db.transaction();
    await transaction.execute(async (trx) => {
      let header: HeaderMatch | undefined;
      let batch: Checked[] = [];
      // One batch's statement runs while the next batch is read, checked and encoded: on
      // PostgreSQL the server's work and ours overlap (the connection takes one statement at a
      // time, so the next waits for it), and the server waits only for the statement to travel.
      // What it finds is recorded before the next batch is sent.
      let inFlight: Promise<void> | undefined;
      const send = async (next: Checked[]) => {
        const ready = prepare(next);
        const previous = inFlight;
        inFlight = undefined;
        await previous;
        inFlight = store(trx, ready);
        inFlight.catch(() => {}); // awaited before the next; not left unhandled meanwhile
      };
      try {
        for await (const { line, cells } of readTable(path)) {
          // Read: the header first, then a row at a time.
          if (!header) {
            header = matchHeader(cells);
            const found = headerFindings(header, line);
            found.errors.forEach(addError);
            found.warnings.forEach(addWarning);
            if (!found.usable) break;
            continue;
          }
          report.rows++;
          if (report.rows % 1000 === 0) opts.onProgress?.(report.rows);
          // Check: the row on its own, every cell of it under a header.
          const stray = unheadedCell(cells, header);
          if (stray !== undefined) {
            addError(strayCellError(line, cells, stray));
            continue;
          }
          const record = rowRecord(cells, header);
          const { draft, errors } = checkRow(line, record, ctx);
          errors.forEach(addError);
          if (!draft) continue;
          const written = record.regionCode.replace(/\.0+$/, '');
          if (written && written !== draft.regionCode && halfWidth(written) !== draft.regionCode)
            aliases.add(line, written, units.byCode.get(draft.regionCode)!);
          // Dedupe within the file (against the ledger: when written, below).
          const key = orthographicKey(draft.name);
          const repeated = inFile.repeat(line, draft, key);
          if (repeated) {
            addError(repeated);
            continue;
          }
          touchedPrefectures.add(draft.prefectureCode);
          // The rules of the row's plan year: warnings here, the plan checks of that year refuse.
          rowWarnings(line, draft, policyInForce(policies, draft.planYear)).forEach(addWarning);
          // Write, a batch at a time.
          batch.push({ line, draft, key });
          if (batch.length >= BATCH) {
            await send(batch);
            batch = [];
          }
        }
        await send(batch);
        await inFlight;
      } finally {
        // A file that fails to read mid-way: the statement in flight ends before the rollback.
        await inFlight?.catch(() => {});
      }
      if (!header)
        addError({ line: 1, column: '', value: '', message: '文件为空：没有表头和数据行' });
      else if (!report.rows && !report.errorCount)
        addError({ line: 2, column: '', value: '', message: '文件只有表头，没有数据行' });
      if (!report.errorCount) {
        const pairs = opts.dryRun
          ? await previewPairs(trx, incoming)
          : await scanPrefectures(trx, [...touchedPrefectures].sort(), now);
        const regionName = (code: string) => units.byCode.get(code)?.name ?? code;
        report.suspected = suspectedOfImport(pairs, lineOfNew, regionName);
        report.suspectedCount = report.suspected.length;
        if (report.suspected.length > MAX_LISTED) report.suspected.length = MAX_LISTED;
      }
      if (report.errorCount || opts.dryRun) throw new Rollback();
      // One entry for the file, last: the audit chain's head is held from here to the commit.
      await auditBy(trx, actor, 'ledger.import', actor.regionCode, { rows: report.imported }, now);
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
    report.imported = 0;
  }
  // A batch's findings against the ledger arrive while the next batch is checked: in file order.
  report.errors.sort((a, b) => a.line - b.line);
  report.codeAliases = aliases.list();
  if (report.imported >= REFRESH_STATISTICS_AFTER) await refreshStatistics(db);
  opts.onProgress?.(report.rows);
  return report;
}

export type { TableFormat };
