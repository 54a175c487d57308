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

/**
 * A placeholder: `{name}`, or `{name|one form|other form}` where the form is chosen by the number's
 * plural category in the locale and `#` stands for the formatted number ("{count|# move|# moves}").
 */
const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/** The names of the {placeholders} in a template, in order of appearance. */
export function placeholders(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]);
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
  const plurals = new Intl.PluralRules(locale);
  return (key, vars) =>
    messages[key].replace(PLACEHOLDER, (whole: string, name: string, one: string | undefined, other: string | undefined) => {
      const value = vars?.[name];
      if (value === undefined) return whole;
      const text = typeof value === "number" ? numbers.format(value) : value;
      if (one === undefined || other === undefined) return text;
      const form = typeof value === "number" && plurals.select(value) === "one" ? one : other;
      return form.replace(/#/g, text);
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

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One cached Intl.NumberFormat per locale and options: statements format dozens of figures per render. */
function numberFormat(locale: PaneLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An amount in integer cents as money with two decimals in the locale's notation (no currency symbol:
 * the workbook's currency is whatever its sales are in).
 *
 * @example
 * formatMoney(123456, "en-US") // "1,234.56"
 */
export function formatMoney(cents: number, locale: PaneLocale): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
}

/**
 * A fraction as a percentage, with at most `digits` decimals.
 *
 * @example
 * formatPercent(0.285, "en-US") // "28.5%"
 * formatPercent(0.3, "zh-CN", 0) // "30%"
 */
export function formatPercent(fraction: number, locale: PaneLocale, digits = 1): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(fraction);
}

/**
 * A number with at most `digits` decimals in the locale's notation.
 *
 * @example
 * formatDecimal(72.25, "en-US", 1) // "72.3"
 */
export function formatDecimal(value: number, locale: PaneLocale, digits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A message split around one placeholder, so a component can put an element (a link, say) where
 * the placeholder stands while the catalogue keeps deciding the word order.
 *
 * @example
 * splitMessage(translator("en-US"), "sheetsWritten", "sheets") // ["Sheets written: ", ""]
 */
export function splitMessage(t: Translate, key: MessageKey, name: string, vars?: MessageVars): [string, string] {
  const marker = "\u0000";
  const text = t(key, { ...vars, [name]: marker });
  const at = text.indexOf(marker);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + marker.length)];
}
