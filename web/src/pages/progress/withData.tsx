// Text the server composed around data values (a unit's name in a title, a province's in the plan
// note), in the interface language: t() translates it by its catalog pattern, and the names it
// holds — the ones the page knows from the structured answer — are marked as data, as recorded.
import type { CSSProperties, ReactNode } from 'react';
import { COUNTRY_CODE } from '../../components/regionName.ts';
import { Data, t } from '../../i18n/index.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` split around the `names` it holds, each of them as <Data>. */
export function markData(text: string, names: readonly (string | null | undefined)[]): ReactNode {
  // 全国 is the interface's word for the country, never a recorded name.
  const known = [...new Set(names.filter((n): n is string => !!n && n !== '全国'))].sort(
    (a, b) => b.length - a.length,
  );
  if (known.length === 0) return text;
  const parts = text.split(new RegExp(`(${known.map(escape).join('|')})`));
  if (parts.length === 1) return text;
  return parts.map((part, i) => (i % 2 === 1 ? <Data key={i}>{part}</Data> : part || null));
}

/** The server's `text` translated, its `names` marked as data. */
export function serverText(
  text: string | null | undefined,
  names: readonly (string | null | undefined)[] = [],
): ReactNode {
  return text == null ? text : markData(t(text), names);
}

/** A region's name as the page shows it: 全国 in the interface language, any other as data. */
export function Place({ code, name }: { code: string; name: string }) {
  return code === COUNTRY_CODE || name === '全国' ? t('全国') : <Data>{name}</Data>;
}

/** The same as text, for a title composed around it (mark it with markData). */
export const placeName = (code: string, name: string): string =>
  code === COUNTRY_CODE || name === '全国' ? t('全国') : name;

const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/**
 * Text for screen readers only, named by aria-labelledby: an accessible name that holds data
 * values, which an aria-label attribute could not mark.
 */
export function HiddenText({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <span id={id} style={VISUALLY_HIDDEN}>
      {children}
    </span>
  );
}
