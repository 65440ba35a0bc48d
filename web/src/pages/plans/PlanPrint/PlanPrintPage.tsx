// The plan table's print view (/plans/print?province=…&year=…), without the app's chrome: the form
// of 建办城〔2021〕28号 附件 as an HTML table on A4 landscape, the header repeated on every page,
// each unit's three rows kept together, and the three seal lines under the table. Printing waits
// for the button (the user may check the form first). The live table says 工作底稿（未冻结） by the
// title; a frozen version prints its number and 校验码 under the seals. The rounding note is under
// the table in either case.
import { Fragment, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanTable } from '../../../api/plans.ts';
import { useMe } from '../../../app/auth.tsx';
import { currentLang, t } from '../../../i18n/index.ts';
import {
  bucketLabels,
  formatFigure,
  formRows,
  MEASURES,
  measureTitle,
  parsePlanSearch,
  planAccessOf,
  scopeOf,
  SEALS,
  versionChoice,
  type FormRow,
} from '../planForm.ts';
import { useDeclaringYear, usePlanTable } from '../usePlanData.ts';
// Inlined and mounted with the page, so the A4 landscape @page leaves with it.
import PRINT_CSS from './planPrint.css?inline';

const COLUMN_COUNT = 2 + MEASURES.length * 3;

/** A unit's three rows (or a province's line) as one tbody, so a page break falls between units. */
function groups(rows: FormRow[]): FormRow[][] {
  const out: FormRow[][] = [];
  for (const r of rows) {
    if (r.kind === 'province' || r.unitSpan > 0) out.push([r]);
    else out.at(-1)?.push(r);
  }
  return out;
}

/**
 * The seal lines ride in the last group's tbody, below the totals, so that they never land alone
 * on a page of their own.
 */
function Seals() {
  return (
    <tr className="seals-row">
      <td colSpan={COLUMN_COUNT}>
        <div className="seals">
          {SEALS.map((s) => (
            <span key={s}>{s}</span>
          ))}
        </div>
      </td>
    </tr>
  );
}

/** Under the totals: the rounding note, then the seals (one tbody, so they stay with the totals). */
function Note({ text }: { text: string }) {
  return (
    <tr className="note-row">
      <td colSpan={COLUMN_COUNT}>注：{text}</td>
    </tr>
  );
}

function Body({ rows, note }: { rows: FormRow[]; note: string }) {
  const all = groups(rows);
  return (
    <>
      {all.map((g, n) => {
        const first = g[0]!;
        if (first.kind === 'province')
          return (
            <tbody key={first.key} className="province">
              <tr>
                <th colSpan={COLUMN_COUNT}>{first.unit}</th>
              </tr>
            </tbody>
          );
        return (
          <tbody key={first.key} className="unit">
            {g.map((r, i) => (
              <tr key={r.key} className={r.subtotal || r.total ? 'sum' : undefined}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={r.unitSpan} className="unit-name">
                    {r.unit}
                  </th>
                )}
                <td className="label">{r.label}</td>
                {r.values.map((v, k) => (
                  <td key={k} className="num">
                    {formatFigure(v)}
                  </td>
                ))}
              </tr>
            ))}
            {n === all.length - 1 && (
              <>
                <Note text={note} />
                <Seals />
              </>
            )}
          </tbody>
        );
      })}
    </>
  );
}

function Form({ table }: { table: PlanTable }) {
  const buckets = bucketLabels(table.cutoffYear);
  return (
    // The notice's form keeps its Chinese (data-official-form); which table it is (the basis, the
    // version) is the interface's.
    <div className="sheet">
      <h1 data-official-form>{table.title}</h1>
      <div className="meta">
        <span data-official-form>省(区、市)：{table.scope.name}</span>
        <span className={table.basis === 'live' ? 'basis live' : 'basis'} id="print-basis">
          {t(table.basisLabel)}
        </span>
        <span data-official-form>
          联系人及电话：<span className="blank">{table.contact}</span>
        </span>
      </div>
      <table data-official-form>
        <colgroup>
          <col />
          <col />
          {MEASURES.map((m, i) => (
            <Fragment key={m.name}>
              {buckets.map((b) => (
                <col key={b} className={i < 3 ? 'count' : 'decimal'} />
              ))}
            </Fragment>
          ))}
        </colgroup>
        <thead>
          <tr>
            <th rowSpan={2}>地级以上城市</th>
            <th rowSpan={2}>分 类</th>
            {MEASURES.map((m) => (
              <th key={m.name} colSpan={3}>
                {measureTitle(m)}
              </th>
            ))}
          </tr>
          <tr>
            {MEASURES.map((m) => (
              <Fragment key={m.name}>
                {buckets.map((b, i) => (
                  <th key={b} className={i === 2 ? 'bucket both' : 'bucket'}>
                    {b}
                  </th>
                ))}
              </Fragment>
            ))}
          </tr>
        </thead>
        <Body rows={formRows(table)} note={table.note} />
      </table>
      {table.version && (
        <div className="version-footer" id="print-version">
          {t('第 {n} 版', { n: table.version.number })}
          {'\u3000'}
          {t('校验码：')}
          {table.version.hash}
        </div>
      )}
    </div>
  );
}

export function PlanPrintPage() {
  const defaultYear = useDeclaringYear();
  if (defaultYear === undefined) return null;
  return <PlanPrintOfYear defaultYear={defaultYear} />;
}

function PlanPrintOfYear({ defaultYear }: { defaultYear: number }) {
  const me = useMe();
  const access = planAccessOf(me);
  const [params] = useSearchParams();
  const search = parsePlanSearch(params, defaultYear);
  const scope = scopeOf(access, search);
  const choice = versionChoice(scope, search);
  const table = usePlanTable(scope, search.year, choice);
  const back = new URLSearchParams({ year: String(search.year) });
  if (search.province) back.set('province', search.province);
  if (choice.version) back.set('version', choice.version);
  if (choice.basis) back.set('basis', choice.basis);

  // The printed file is named after the page: 2022年城镇老旧小区改造计划表-海南省 (in English the
  // province's code: a title cannot mark a name as data).
  const title =
    table.status === 'ready'
      ? `${t(table.data.title)}-${currentLang() === 'zh' ? table.data.scope.name : table.data.scope.code}`
      : null;
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  return (
    <div className="plan-print">
      <style>{PRINT_CSS}</style>
      <div className="toolbar">
        <button
          id="plan-print-now"
          type="button"
          disabled={table.status !== 'ready'}
          onClick={() => window.print()}
        >
          {t('打印')}
        </button>
        <Link to={`/plans?${back}`}>{t('返回计划表')}</Link>
        <span className="hint">
          {t('打印时请选择 A4 纸、横向；表头在每页重复，每个城市的三行不跨页。')}
        </span>
      </div>
      {!scope && <p className="message">{t('计划表由省级汇总，本地区无单独的计划表。')}</p>}
      {table.status === 'loading' && <p className="message">{t('加载中…')}</p>}
      {table.status === 'error' && <p className="message">{t(table.message)}</p>}
      {table.status === 'ready' && <Form table={table.data} />}
    </div>
  );
}
