/**
 * Formula injection, as a class: every csv and xlsx the API serves — found in the OpenAPI
 * document, so that an export added later is walked too — is read back cell by cell with a
 * community, a street, an address and a region named like formulas; no text cell may start with a
 * formula character. And every file that writes a spreadsheet goes through domain/spreadsheet-cells.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { csvLine, FORMULA_START, safeCell } from './domain/spreadsheet-cells.ts';
import type { App } from './http.ts';
import { importProjectList } from './modules/ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from './modules/users/users.service.ts';
import { describeEachEngine } from './test-support/engines.ts';
import { addUser, loginAs, type Client } from './test-support/fixtures.ts';

const EVIL = '=HYPERLINK("http://x","y")';
const NAMES = [EVIL, '+SUM(1,2)', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '＝HYPERLINK("http://x")'];
const dir = mkdtempSync(join(tmpdir(), 'gaizao-formula-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A cell text that a spreadsheet would run: formula-like and not a plain number. */
const live = (text: string): boolean => FORMULA_START.test(text) && safeCell(text) !== text;

/** RFC 4180 fields of a csv text. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let field = '';
  let quoted = false;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      cells.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') continue;
    else field += ch;
  }
  if (field) cells.push(field);
  return cells;
}

async function xlsxCells(body: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string') cells.push(v);
        else if (v && typeof v === 'object' && 'formula' in v) cells.push(`=${v.formula}`);
        else if (v && typeof v === 'object' && 'richText' in v)
          cells.push(v.richText.map((r) => r.text).join(''));
      }),
    ),
  );
  return cells;
}

/** Values for the query parameters of the exports; an export asking for another one fails below. */
const QUERY: Record<string, string> = {
  province: '46',
  scope: '46',
  region: '460100',
  year: '2026',
  month: '5',
  planYear: '2026',
  kind: 'progress',
};

describe('spreadsheet writers', () => {
  it('neutralise formula-like text and keep plain numbers', () => {
    for (const n of NAMES) expect(live(safeCell(n)), JSON.stringify(n)).toBe(false);
    expect(safeCell('-12.5')).toBe('-12.5');
    expect(safeCell('-3%')).toBe('-3%');
    expect(safeCell(-4)).toBe(-4);
    expect(csvLine([EVIL, 1])).toBe(`"'=HYPERLINK(""http://x"",""y"")",1\r\n`);
  });

  it('every file that writes a csv or an xlsx goes through spreadsheet-cells', () => {
    const root = join(import.meta.dirname);
    const offenders: string[] = [];
    const walk = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (
          /\.ts$/.test(name) &&
          !/\.(test|fixture)\.ts$/.test(name) &&
          !p.includes('test-support')
        ) {
          const text = readFileSync(p, 'utf8');
          // An xlsx is made with ExcelJS; a csv of ours starts with a byte-order mark.
          const writes = /new ExcelJS\.(Workbook|stream\.xlsx\.WorkbookWriter)\(|\\uFEFF/.test(
            text,
          );
          const reads = /\/import\//.test(p) || p.endsWith('spreadsheet-cells.ts');
          if (writes && !reads && !/spreadsheet-cells\.ts'/.test(text))
            offenders.push(p.slice(root.length));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});

describeEachEngine('formula injection', (ctx) => {
  let app: App;
  let admin: Client;
  let auditor: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'formula_admin', '000000', ['admin']);
    admin = await loginAs(app, 'formula_admin');
    // The audit log is read by the audit administrator alone (三员分立).
    await addUser(ctx.db.db, 'formula_auditor', '000000', ['audit_admin']);
    auditor = await loginAs(app, 'formula_auditor');
    const zone = await admin.send('POST', '/api/regions', { parentCode: '460100', name: EVIL });
    expect(zone.statusCode, zone.body).toBe(201);
    const zoneCode = zone.json().code as string;
    const header = [
      '区划代码',
      '街道',
      '小区名称',
      '详细地址',
      '建成年份',
      '楼栋数',
      '居民户数',
      '住宅建筑面积（平方米）',
      '预计投资额（万元）',
      '计划年度',
      '改造内容',
    ];
    const rows = NAMES.map((n, i) => ['460106', n, n, n, 1990, 3, 30 + i, 2500, 80, 2026, n]);
    rows.push([zoneCode, '', '功能区小区', '', 1991, 2, 20, 2000, 50, 2026, '']);
    const list = join(dir, `list-${ctx.engine}.csv`);
    // Written raw, as a user's file would be: the names start with the formula characters.
    writeFileSync(
      list,
      [header, ...rows]
        .map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(','))
        .join('\r\n'),
    );
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false });
    expect(report.errors).toEqual([]);
    // A city of that name too (as a hostile or careless edit of the regions would leave it), so
    // that the tables by city carry it.
    await ctx.db.db
      .updateTable('regions')
      .set({ name: EVIL })
      .where('code', '=', '460200')
      .execute();
    const sanya = join(dir, `sanya-${ctx.engine}.csv`);
    writeFileSync(sanya, `${header.join(',')}\r\n460202,,鹿城小区,,1995,3,30,2500,80,2026,\r\n`);
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, sanya, { dryRun: false })).errors,
    ).toEqual([]);
  });
  afterAll(() => app.close());

  it('leaves no live formula in any cell of any export', async () => {
    const doc = app.swagger() as {
      paths: Record<
        string,
        {
          get?: {
            parameters?: {
              name: string;
              in: string;
              required?: boolean;
              schema?: { enum?: string[] };
            }[];
          };
        }
      >;
    };
    const problems: string[] = [];
    const seen = new Set<string>();
    let exports = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const params = item.get?.parameters ?? [];
      const format = params.find((p) => p.in === 'query' && p.name === 'format');
      const formats = (format?.schema?.enum ?? []).filter((f) => f === 'csv' || f === 'xlsx');
      if (/\.(csv|xlsx)$/.test(path)) formats.push(path.endsWith('.csv') ? 'csv' : 'xlsx');
      if (!formats.length) continue;
      for (const f of formats) {
        const query = new URLSearchParams();
        for (const p of params.filter(
          (q) => q.in === 'query' && q.name !== 'format' && q.required,
        )) {
          if (QUERY[p.name] === undefined) problems.push(`${path}: no test value for ${p.name}`);
          else query.set(p.name, QUERY[p.name]!);
        }
        if (format) query.set('format', f);
        const url = `${path}?${query}`;
        const res = await (path.startsWith('/api/audit') ? auditor : admin).get(url);
        exports++;
        if (res.statusCode !== 200) {
          problems.push(`${url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          continue;
        }
        const cells = f === 'csv' ? csvCells(res.body) : await xlsxCells(res.rawPayload);
        for (const c of cells) {
          if (live(c)) problems.push(`${url}: ${JSON.stringify(c)}`);
          if (c.includes('HYPERLINK')) seen.add(path);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(exports).toBeGreaterThanOrEqual(8);
    // Not vacuous: the names reached the ledger, the statistics and the tables by region.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        '/api/communities/export',
        '/api/statistics-export',
        '/api/plan-table',
        '/api/progress-table',
      ]),
    );
  });
});
