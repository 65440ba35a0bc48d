// Text the server composed around data (a unit's name, a reason as written): translated through
// t() like any server text, with the data parts shown as recorded and marked as data (<Data>).
import { Fragment, type ReactNode } from 'react';
import { CATALOG } from '../../i18n/catalogs/index.ts';
import { currentLang, Data, dateText, t, tNodes } from '../../i18n/index.ts';
import { compilePattern, english } from '../../i18n/t.ts';

/** The interface text `template` (Chinese, the key) with React nodes in its placeholders. */
export const tNode = tNodes;

/** A server template: its Chinese with placeholders, and which placeholders hold data. */
export interface ServerTemplate {
  zh: string;
  data: string[];
}

/** An ISO day, shown the English way in English (as t() shows a captured {date}). */
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function match(text: string, zh: string): Record<string, string> | null {
  const { regex, names } = compilePattern(zh);
  const m = regex.exec(text);
  return m ? Object.fromEntries(names.map((n, i) => [n, m[i + 1]!])) : null;
}

/** A part of a server text: itself translated, or else a list ('、', '；') translated item by item. */
function part(value: string, templates: readonly ServerTemplate[]): ReactNode {
  if (english(value, CATALOG) !== undefined || !/[、；]/.test(value))
    return serverText(value, templates);
  return value
    .split(/([、；])/)
    .map((item, i) => <Fragment key={i}>{i % 2 ? t(item) : serverText(item, templates)}</Fragment>);
}

/**
 * `text` as the server wrote it, matched against `templates`: the first that fits is rendered
 * in the interface's language, its data parts marked as data and the others translated. Text that
 * fits none goes through t() as it is.
 */
export function serverText(text: string, templates: readonly ServerTemplate[]): ReactNode {
  for (const { zh, data } of templates) {
    const vars = match(text, zh);
    if (!vars) continue;
    const nodes: Record<string, ReactNode> = {};
    for (const [name, value] of Object.entries(vars))
      nodes[name] = data.includes(name) ? (
        <Data>{value}</Data>
      ) : DATE.test(value) && currentLang() === 'en' ? (
        dateText(value)
      ) : (
        part(value, templates)
      );
    return tNode(zh, nodes);
  }
  return t(text);
}
