import { createContext, useContext, useMemo, type ReactNode } from "react";
import { translator, type PaneLocale, type Translate } from "./locale";

interface I18nValue {
  locale: PaneLocale;
  t: Translate;
}

const I18nContext = createContext<I18nValue>({ locale: "en-US", t: translator("en-US") });

export interface I18nProviderProps {
  locale: PaneLocale;
  children?: ReactNode;
}

/** Chooses the catalogue for everything below it. index.tsx picks the locale from Office's display language. */
export function I18nProvider({ locale, children }: I18nProviderProps) {
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function of the nearest I18nProvider (English when there is none). */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

/** The locale of the nearest I18nProvider, for formatting numbers at the edge. */
export function useLocale(): PaneLocale {
  return useContext(I18nContext).locale;
}
