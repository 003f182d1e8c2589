import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";

import { en, vi, type MessageKey } from "./dictionary";
import { formatMessage } from "./format";

export type Lang = "vi" | "en";
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const LANG_KEY = "tiendo.lang";
const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export const I18nContext = createContext<I18nValue | null>(null);

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

export function I18nProvider({ children, lang: fixedLang }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixedLang ?? initialLang());

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(LANG_KEY, next);
    } catch {
      // the choice then lasts only for this page view
    }
  }, []);

  const t = useCallback<Translate>(
    (key, params) => formatMessage(dictionaries[lang][key] ?? vi[key], params),
    [lang],
  );

  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
