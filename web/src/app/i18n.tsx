// A deliberately small i18n: a language in context (kept in localStorage) and t(key, vars).
import {
  createContext,
  Fragment,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import { en, zh } from './messages.ts';
import type { MessageKey } from './messages.ts';

import { setCurrentLang, type Lang } from '../i18n/lang.ts';

export type { Lang };

const STORAGE_KEY = 'gaizao.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? `改造 · ${zh.appName}` : `Gaizao · ${en.appName}`;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => {
        let text = DICTIONARIES[lang][key];
        for (const [name, v] of Object.entries(vars ?? {}))
          text = text.replace(`{${name}}`, String(v));
        return text;
      },
    }),
    [lang, setLang],
  );

  // Set before the children render, and a fresh tree on a change: every t() of the page, in a
  // component or a column definition, then speaks the same language.
  setCurrentLang(lang);
  return (
    <I18nContext value={value}>
      <Fragment key={lang}>{children}</Fragment>
    </I18nContext>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
