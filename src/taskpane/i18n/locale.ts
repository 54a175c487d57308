import { enUS, type MessageKey, type Messages } from "./en-US";
import { zhCN } from "./zh-CN";

export type PaneLocale = "en-US" | "zh-CN";

export const catalogues: Readonly<Record<PaneLocale, Messages>> = { "en-US": enUS, "zh-CN": zhCN };

/** Values for a message's {placeholders}. */
export type MessageVars = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/**
 * The pane's locale for an Office display language: any Chinese ("zh", "zh-CN", "zh-TW"…) → zh-CN,
 * anything else, or nothing, → en-US.
 *
 * @example
 * paneLocale("zh-CN") // "zh-CN"
 * paneLocale("de-DE") // "en-US"
 */
export function paneLocale(displayLanguage: string | null | undefined): PaneLocale {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** The names of the {placeholders} in a template, in order of appearance. */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(/\{(\w+)\}/g), (m) => m[1]);
}

/**
 * A `t` function for a locale. A placeholder without a value stays visible as `{name}` so the
 * omission shows in the pane instead of disappearing. Numbers are formatted for the locale.
 *
 * @example
 * translator("en-US")("issuesHeading", { count: 3 }) // "Issues (3)"
 */
export function translator(locale: PaneLocale): Translate {
  const messages = catalogues[locale];
  const numbers = new Intl.NumberFormat(locale);
  return (key, vars) =>
    messages[key].replace(/\{(\w+)\}/g, (whole: string, name: string) => {
      const value = vars?.[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
}

/**
 * A ratio shown with three decimals in the locale's notation.
 *
 * @example
 * formatRatio(0.75, "en-US") // "0.750"
 */
export function formatRatio(value: number, locale: PaneLocale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);
}

/**
 * A whole number in the locale's notation.
 *
 * @example
 * formatCount(12500, "en-US") // "12,500"
 */
export function formatCount(value: number, locale: PaneLocale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}
