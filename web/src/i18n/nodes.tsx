// Interface text with data inside it, as React nodes: the sentence in the user's language, the
// names in it shown as recorded and marked as data (<Data>), so that the English walk and a
// browser's translator leave them alone.
import { Fragment, type ReactNode } from 'react';
import { CATALOG } from './catalogs/index.ts';
import { Data } from './Data.tsx';
import { currentLang } from './lang.ts';
import { monthOrDayInEnglish, patternFor, t } from './t.ts';

const CJK = /[\u4e00-\u9fff]/;

/** `template` with its {name} placeholders filled by nodes; the template is used as it is. */
function fillNodes(template: string, vars: Record<string, ReactNode>): ReactNode {
  return template
    .split(/\{(\w+)\}/)
    .map((part, i) =>
      i % 2 === 0 ? (
        part && <Fragment key={i}>{part}</Fragment>
      ) : (
        <Fragment key={i}>{part in vars ? vars[part] : `{${part}}`}</Fragment>
      ),
    );
}

/**
 * The page's own sentence `text` (Chinese, the key, as for t()) in the user's language, its
 * placeholders filled by nodes: tNodes('由 {who} 导入', { who: <Data>{name}</Data> }). Strings in
 * `data` are shown as data values.
 */
export function tNodes(
  text: string,
  vars: Record<string, ReactNode>,
  data: Record<string, string | number | null | undefined> = {},
): ReactNode {
  const all: Record<string, ReactNode> = { ...vars };
  for (const [name, value] of Object.entries(data)) all[name] = <Data>{value}</Data>;
  return fillNodes(t(text), all);
}

function serverPart(text: string, name: string, depth: number): ReactNode {
  const day = monthOrDayInEnglish(name, text);
  if (day !== undefined) return day;
  return serverNode(text, depth) ?? <Data>{text}</Data>;
}

function serverNode(text: string, depth: number): ReactNode | undefined {
  const exact = CATALOG[text];
  if (exact !== undefined) return exact;
  if (!CJK.test(text)) return text;
  const hit = depth <= 3 ? patternFor(text, CATALOG) : undefined;
  if (!hit) return undefined;
  const vars: Record<string, ReactNode> = {};
  for (const [name, part] of Object.entries(hit.parts))
    vars[name] = serverPart(part, name, depth + 1);
  return fillNodes(hit.english, vars);
}

/**
 * Text the server composed, in the user's language, like t(); where a pattern captured a part no
 * catalog translates — a community, a unit, a person as recorded — that part is shown as data.
 * A text no entry fits stays as t() leaves it (and is counted as missing).
 */
export function tServer(text: string | null | undefined): ReactNode {
  if (text == null) return text;
  if (currentLang() === 'zh') return text;
  return serverNode(text, 0) ?? t(text);
}

/**
 * A column name as the server reports it: one of a template's (translated), or the file's own
 * header, shown as the file has it (data).
 */
export function columnName(text: string): ReactNode {
  if (currentLang() === 'zh' || !CJK.test(text)) return text;
  const english = CATALOG[text];
  return english !== undefined ? english : <Data>{text}</Data>;
}
