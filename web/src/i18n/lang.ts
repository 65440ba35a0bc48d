// The interface language of this page, readable outside React (column definitions, formatters,
// labels built from server text). The I18nProvider sets it before its children render, and
// remounts them when it changes, so every t() call of a render sees the same language.

export type Lang = 'zh' | 'en';

let lang: Lang = 'zh';

export function currentLang(): Lang {
  return lang;
}

export function setCurrentLang(next: Lang): void {
  lang = next;
}
