// The interface's languages (issue 13): t() for text, Data for data values, the current language.
export { t, tMaybe } from './t.ts';
export type { Vars } from './t.ts';
export { currentLang } from './lang.ts';
export type { Lang } from './lang.ts';
export { Data, dataCell } from './Data.tsx';
export { columnName, tNodes, tServer } from './nodes.tsx';
export { dateText, periodText } from './dates.ts';
