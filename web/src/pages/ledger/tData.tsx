// Interface text with data inside: t()'s template in the user's language, its placeholders filled
// with nodes, so that a name or a file name can be marked as data (<Data>) amid English words.
import { Fragment, type ReactNode } from 'react';
import { Data } from '../../i18n/index.ts';

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
