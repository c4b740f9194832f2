import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { INDICATOR_DEFINITION_TEMPLATES, INDICATOR_NAMES, type IndicatorName } from '../../../domain';
import en from './en.json';
import nlTexts from './nl.json';

// The Dutch indicator definitions are domain/'s, the same text as the deck and the reports; en.json has its own.
const nl = {
  ...nlTexts,
  ...(Object.fromEntries(INDICATOR_NAMES.map((name) => [`ind.${name}.def`, INDICATOR_DEFINITION_TEMPLATES[name]])) as Record<
    `ind.${IndicatorName}.def`,
    string
  >),
};

export type Key = keyof typeof nl;
export type Lang = 'nl' | 'en';
export type Vars = Record<string, string | number>;

// English must have every Dutch key (checked here by the compiler, and both ways by a test).
const tables: Record<Lang, Record<Key, string>> = { nl, en };
export const languages: Lang[] = ['nl', 'en'];
const STORAGE_KEY = 'fto.lang';

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

// The current language also lives outside React, for texts made outside components (the API client).
let current: Lang = storedLang();

/** Looks up a text in the current language and fills in {name} placeholders. */
export function translate(key: Key, vars?: Vars, lang: Lang = current): string {
  const text = tables[lang][key] ?? tables.nl[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export type T = (key: Key, vars?: Vars) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: T;
  /** Numbers and dates written the way the chosen language does. */
  formatNumber(value: number, digits?: number): string;
  formatDate(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(current);
  const setLang = useCallback((next: Lang) => {
    current = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage may be unavailable; the choice then holds until the page is closed.
    }
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
    return {
      lang,
      setLang,
      t: (key, vars) => translate(key, vars, lang),
      formatNumber: (n, digits = 0) => n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      formatDate: (iso) => {
        const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
        return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
      },
    };
  }, [lang, setLang]);
  document.documentElement.lang = lang;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
