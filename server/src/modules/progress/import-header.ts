/**
 * A progress or consultations file's header row: every column is one of the template's, once
 * (issue 9 §3: nothing a file carries is silently dropped — a column the template does not have
 * is refused by name instead of being ignored), and the required ones are there.
 */
import { headerKey } from '../../domain/ledger/template.ts';

export type Fail = (line: number, column: string, value: string, message: string) => void;

export function readHeader<K extends string>(
  columns: Record<K, string>,
  required: readonly K[],
  cells: string[],
  line: number,
  fail: Fail,
): Partial<Record<K, number>> {
  const byKey = new Map(
    (Object.entries(columns) as [K, string][]).map(([k, h]) => [headerKey(h), k]),
  );
  const index: Partial<Record<K, number>> = {};
  cells.forEach((cell, i) => {
    const text = cell.trim();
    if (!text) return;
    const k = byKey.get(headerKey(text));
    if (k === undefined)
      fail(line, text, '', `模板中没有这一列，不能导入；请删除该列或改用模板的列名`);
    else if (index[k] !== undefined) fail(line, text, '', `与第 ${index[k] + 1} 列重复`);
    else index[k] = i;
  });
  for (const k of required) if (index[k] === undefined) fail(line, columns[k], '', '缺少必填列');
  return index;
}
