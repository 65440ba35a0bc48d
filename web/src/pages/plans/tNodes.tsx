// t() for a text that holds data values: the translated text with its {name} placeholders filled by
// React nodes (a <Data> name, a link), so that the data stays marked inside the interface's sentence.
import { Fragment, type ReactNode } from 'react';
import { t } from '../../i18n/index.ts';

export function tNodes(text: string, vars: Record<string, ReactNode>): ReactNode {
  const parts = t(text).split(/\{(\w+)\}/);
  return parts.map((part, i) =>
    i % 2 === 0 ? part : <Fragment key={i}>{part in vars ? vars[part] : `{${part}}`}</Fragment>,
  );
}
