/**
 * The project-list import template (docs/templates/project-list.md): its columns, and how a
 * file's header row is matched to them (order free, spaces trimmed, full/half-width brackets one).
 */
import { unguardCell } from '../spreadsheet-cells.ts';
import type { RowError } from './rows.ts';
export const COLUMNS = [
  { key: 'seq', header: '序号', required: false, help: '可不填；出错时以文件行号为准' },
  {
    key: 'regionCode',
    header: '区划代码',
    required: false,
    help: '县级区划6位代码（与“区县”至少填一项）',
  },
  {
    key: 'regionName',
    header: '区县',
    required: false,
    help: '县级单位名称，在本人辖区内唯一确定（与“区划代码”至少填一项）',
  },
  { key: 'street', header: '街道', required: false, help: '街道办事处或镇' },
  { key: 'name', header: '小区名称', required: true, help: '1–100个字' },
  { key: 'address', header: '详细地址', required: false, help: '' },
  {
    key: 'buildYear',
    header: '建成年份',
    required: true,
    help: '4位年份，如 1988（“1988年”“1988.0”亦可）；任何建成年份均可登记，能否列入某年度计划由该年度政策确定',
  },
  {
    key: 'areaClass',
    header: '类别',
    required: false,
    help: '城市(建成区) 或 县城(城关镇)；不填则按县级单位类型确定',
  },
  { key: 'buildings', header: '楼栋数', required: true, help: '整数，≥1' },
  { key: 'households', header: '居民户数', required: true, help: '整数，≥1' },
  {
    key: 'floorArea',
    header: '住宅建筑面积（平方米）',
    required: true,
    help: '大于0，最多2位小数',
  },
  { key: 'investment', header: '预计投资额（万元）', required: true, help: '≥0，最多4位小数' },
  { key: 'planYear', header: '计划年度', required: true, help: '4位年份' },
  {
    key: 'content',
    header: '改造内容',
    required: false,
    help: '可用“基础类：…；完善类：…；提升类：…”分类填写',
  },
  {
    key: 'ownership',
    header: '产权性质',
    required: false,
    help: '如 房改房、单位自管房、国有企事业单位、军队、公房、商品房',
  },
  {
    key: 'exclusion',
    header: '是否拟征收或拆除新建',
    required: false,
    help: '是/否，不填为否；为“是”的不得纳入改造计划',
  },
  {
    key: 'subsidyYear',
    header: '已纳入中央补助年度',
    required: false,
    help: '不填；若已纳入过中央补助计划，填年份（不得重复申报）',
  },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const HEADERS: readonly string[] = COLUMNS.map((c) => c.header);

/** Header text as compared: trimmed, no inner spaces, brackets of either width made half-width. */
export const headerKey = (h: string): string =>
  h.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

const BY_KEY = new Map(COLUMNS.map((c) => [headerKey(c.header), c.key]));

export interface HeaderMatch {
  /** column key → index in the file's row */
  index: Partial<Record<ColumnKey, number>>;
  unknown: string[];
  missing: string[];
  duplicated: string[];
  /** how many cells the header row has, blank ones included */
  width: number;
  /** the indexes, below width, of the header's blank cells */
  blank: number[];
}

export function matchHeader(cells: string[]): HeaderMatch {
  const index: Partial<Record<ColumnKey, number>> = {};
  const unknown: string[] = [];
  const duplicated: string[] = [];
  cells.forEach((cell, i) => {
    if (!cell.trim()) return;
    const key = BY_KEY.get(headerKey(cell));
    if (!key) unknown.push(cell.trim());
    else if (index[key] !== undefined) duplicated.push(cell.trim());
    else index[key] = i;
  });
  const missing: string[] = COLUMNS.filter((c) => c.required && index[c.key] === undefined).map(
    (c) => c.header,
  );
  if (index.regionCode === undefined && index.regionName === undefined)
    missing.push('区划代码 或 区县');
  return { index, unknown, missing, duplicated, ...headerShape(cells) };
}

/**
 * Where a header row has columns: how many cells it has, trailing blank ones left out (a row's
 * cells past them are "beyond"), and which of those are blank.
 */
export function headerShape(cells: string[]): Pick<HeaderMatch, 'width' | 'blank'> {
  let width = cells.length;
  while (width > 0 && !cells[width - 1]!.trim()) width--;
  const blank: number[] = [];
  for (let i = 0; i < width; i++) if (!cells[i]!.trim()) blank.push(i);
  return { width, blank };
}

/** A column's letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * The first cell of a data row with something in it under no header (past the header's last cell,
 * or under a blank one), by index: nothing a file gives is dropped unsaid (issue 14's probe: two
 * cells past the header were ignored without a word). Usually a row shifted by a stray comma or
 * cell; the row is refused, not guessed at.
 */
export function unheadedCell(
  cells: string[],
  m: Pick<HeaderMatch, 'width' | 'blank'>,
): number | undefined {
  for (const i of m.blank) if (cells[i]?.trim()) return i;
  for (let i = m.width; i < cells.length; i++) if (cells[i]!.trim()) return i;
  return undefined;
}

/** A row of cell texts as a record by column key ('' where the file has no such column). */
export function rowRecord(cells: string[], m: HeaderMatch): Record<ColumnKey, string> {
  const out = {} as Record<ColumnKey, string>;
  for (const c of COLUMNS) {
    const i = m.index[c.key];
    const text = i === undefined ? '' : (cells[i] ?? '').trim();
    // An exported text that would read as a formula carries an apostrophe (export.service): drop
    // it. (Looked for first: a replace on every cell of a national file costs half a second.)
    out[c.key] = text.startsWith("'") ? unguardCell(text) : text;
  }
  return out;
}

/**
 * A cell with something in it under no header (unheadedCell): the row is refused, since what the
 * cell means cannot be known, and most often the whole row has shifted.
 */
export function strayCellError(line: number, cells: string[], index: number): RowError {
  return {
    line,
    column: `${columnLetters(index)}列（无表头）`,
    value: cells[index]!.trim(),
    message:
      '该单元格所在列没有表头，内容无法对应到任何字段，整行未导入；请删去该内容或补上表头（常见原因：某个单元格中多了逗号或多了一格，使整行错位）',
  };
}
