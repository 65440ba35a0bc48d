// Interface text with data inside: t()'s template in the user's language, its placeholders filled
// with nodes, so that a name or a file name can be marked as data (<Data>) amid English words.
import { Fragment, type ReactNode } from 'react';
import { CATALOG } from '../../i18n/catalogs/index.ts';
import { currentLang, Data, t } from '../../i18n/index.ts';

/**
 * `text` — already through t(), placeholders kept: tNodes(t('由 {who} 导入'), { who: <Data>…</Data> })
 * — with `{name}` filled from `vars`; strings in `data` are shown as data values.
 */
export function tNodes(
  text: string,
  vars: Record<string, ReactNode>,
  data: Record<string, string | number | null | undefined> = {},
): ReactNode {
  const parts = text.split(/\{(\w+)\}/g);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part ? <Fragment key={i}>{part}</Fragment> : null;
    if (part in data) return <Data key={i}>{data[part]}</Data>;
    return <Fragment key={i}>{part in vars ? vars[part] : `{${part}}`}</Fragment>;
  });
}

const CJK = /[\u4e00-\u9fff]/;
const PLACEHOLDER = /\{(\w+)\}/g;
let patterns: { regex: RegExp; names: string[]; english: string }[] | undefined;

/** The catalogs' entries with placeholders as anchored patterns, longest key first (as t() does). */
function serverPatterns() {
  patterns ??= Object.entries(CATALOG)
    .filter(([zh]) => /\{\w+\}/.test(zh))
    .sort(([a], [b]) => b.length - a.length)
    .map(([zh, english]) => {
      const names: string[] = [];
      const source = zh
        .split(PLACEHOLDER)
        .map((part, i) => {
          if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(part);
          return '([\\s\\S]+?)';
        })
        .join('');
      return { regex: new RegExp(`^${source}$`), names, english };
    });
  return patterns;
}

function serverPart(text: string, depth: number): ReactNode {
  const exact = CATALOG[text];
  if (exact !== undefined) return exact;
  if (!CJK.test(text)) return text;
  if (depth <= 3)
    for (const p of serverPatterns()) {
      const m = p.regex.exec(text);
      if (!m) continue;
      const vars = Object.fromEntries(p.names.map((n, i) => [n, serverPart(m[i + 1]!, depth + 1)]));
      return tNodes(p.english, vars);
    }
  // What a pattern captured and no entry translates is what the server put in: a name, a value.
  return depth > 0 ? <Data>{text}</Data> : undefined;
}

/**
 * Text the server composed, in the user's language, like t(); but where a pattern's placeholder
 * captured a name or a value as recorded (a community, a unit, a person), that part is shown as
 * data. A text no entry translates stays as t() leaves it (and is counted as missing).
 */
export function tServer(text: string | null | undefined): ReactNode {
  if (text == null) return text;
  if (currentLang() === 'zh') return text;
  return serverPart(text, 0) ?? t(text);
}

/**
 * A column name as the server reports it: one of the template's (translated), or the file's own
 * header, shown as the file has it (data).
 */
export function columnName(text: string): ReactNode {
  if (currentLang() === 'zh' || !CJK.test(text)) return text;
  const english = CATALOG[text];
  return english !== undefined ? english : <Data>{text}</Data>;
}
