// Interface text in the user's language (issue 13, English throughout). Pages write the Chinese
// itself as the key — t('台账'), t('共 {n} 个小区', { n }) — and each area of the interface keeps
// its English in catalogs/<area>.ts. Chinese is the reference: in Chinese t() only fills in the
// placeholders. In English a text the catalogs lack stays Chinese, and is counted in
// `window.__gaizaoMissing` so that the English walk (test/browser/english.test.ts) names it.
//
// Text the server composed (check results, refusals, labels) goes through t() as well: an entry
// whose key holds placeholders is also a pattern, so '第{row}行：{message}' translates
// '第3行：建成年份不能为空', its captured parts translated in turn (data such as names come back
// unchanged).
import { CATALOG } from './catalogs/index.ts';
import { currentLang } from './lang.ts';

export type Vars = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;
const HAS_PLACEHOLDER = /\{\w+\}/;

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

interface Pattern {
  regex: RegExp;
  names: string[];
  english: string;
}

const compiled = new WeakMap<Record<string, string>, Pattern[]>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One key with placeholders as an anchored pattern, each placeholder capturing what its name allows. */
export function compilePattern(zh: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = zh
    .split(PLACEHOLDER)
    .map((part, i) => {
      if (i % 2 === 0) return escape(part);
      names.push(part);
      return `(${CAPTURE[part] ?? '[\\s\\S]+?'})`;
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names };
}

/** A catalog's entries with placeholders, longest first, as anchored patterns. */
function patternsOf(catalog: Record<string, string>): Pattern[] {
  const known = compiled.get(catalog);
  if (known) return known;
  const patterns = Object.entries(catalog)
    .filter(([zh]) => HAS_PLACEHOLDER.test(zh))
    .sort(([a], [b]) => b.length - a.length)
    .map(([zh, english]) => ({ ...compilePattern(zh), english }));
  compiled.set(catalog, patterns);
  return patterns;
}

/**
 * What a placeholder of a pattern may capture, by its name: figures only for the numbers, a month
 * or a day for `{period}` and `{date}`, the Chinese way or ISO (written the English way in the
 * translation), anything for the rest. Without this, '{unit}{period}月报已逾期' would split a name
 * running into a month at the wrong place.
 */
const NUMBER = '-?[\\d,]+(?:\\.\\d+)?';
const CAPTURE: Record<string, string> = {
  year: '\\d{4}',
  month: '\\d{1,2}',
  day: '\\d{1,2}',
  n: NUMBER,
  count: NUMBER,
  total: NUMBER,
  households: NUMBER,
  agreeing: NUMBER,
  percent: NUMBER,
  pct: NUMBER,
  amount: NUMBER,
  max: `${NUMBER}%?`,
  min: `${NUMBER}%?`,
  rows: NUMBER,
  cities: NUMBER,
  line: '\\d+',
  id: '\\d+',
  revision: '\\d+',
  cutoff: '\\d{4}',
  policyYear: '\\d{4}',
  version: '\\d+',
  left: '-?\\d+',
  row: '\\d+',
  seconds: '\\d+',
  days: '\\d+',
  period: '\\d{4}年\\d{1,2}月|\\d{4}-\\d{2}',
  date: '\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}-\\d{2}-\\d{2}',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A captured month or day the English way ('2026年9月' → 'Sep 2026', '2026-12-05' → '5 Dec 2026'), or undefined for any other part. */
export function monthOrDayInEnglish(name: string, value: string): string | undefined {
  const ymd =
    /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(value) ??
    /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if ((name !== 'period' && name !== 'date') || !ymd) return undefined;
  const month = MONTHS[Number(ymd[2]) - 1];
  return ymd[3] ? `${Number(ymd[3])} ${month} ${ymd[1]}` : `${month} ${ymd[1]}`;
}

/** A captured part in English: a month or a day, a text the catalog translates, or as it was. */
function capturedInEnglish(
  name: string,
  value: string,
  catalog: Record<string, string>,
  depth: number,
): string {
  return monthOrDayInEnglish(name, value) ?? english(value, catalog, depth + 1) ?? value;
}

const missing = new Set<string>();

function noteMissing(text: string): void {
  if (!/[\u4e00-\u9fff]/.test(text) || missing.has(text)) return;
  missing.add(text);
  if (typeof window !== 'undefined')
    (window as unknown as { __gaizaoMissing?: string[] }).__gaizaoMissing = [...missing];
}

/** English for a Chinese text from `catalog`: its entry, a pattern's, or undefined. */
export function english(
  text: string,
  catalog: Record<string, string>,
  depth = 0,
): string | undefined {
  const exact = catalog[text];
  if (exact !== undefined) return exact;
  if (depth > 3 || !/[\u4e00-\u9fff]/.test(text)) return undefined;
  const hit = patternFor(text, catalog);
  if (!hit) return undefined;
  const vars: Vars = {};
  for (const [name, part] of Object.entries(hit.parts))
    vars[name] = capturedInEnglish(name, part, catalog, depth);
  return fill(hit.english, vars);
}

/** The first pattern of `catalog` that fits `text` (longest key first), with what it captured. */
export function patternFor(
  text: string,
  catalog: Record<string, string>,
): { english: string; parts: Record<string, string> } | undefined {
  for (const p of patternsOf(catalog)) {
    const m = p.regex.exec(text);
    if (m)
      return {
        english: p.english,
        parts: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!])),
      };
  }
  return undefined;
}

/** `text` (Chinese, the key) in the current language, with `{name}` placeholders filled. */
export function t(text: string, vars?: Vars): string {
  if (currentLang() === 'zh') return fill(text, vars);
  const found = english(text, CATALOG);
  if (found === undefined) {
    noteMissing(text);
    return fill(text, vars);
  }
  return fill(found, vars);
}

/** Like t(), for text that may be missing (a server field that can be null). */
export function tMaybe(text: string | null | undefined): string | null | undefined {
  return text == null ? text : t(text);
}
