/**
 * Formatting of figures inside sentences (reasons, evidence, statements). Sheets keep raw numbers
 * with number formats; only text uses these. Deterministic: no Intl, no machine locale.
 */
import { civil, formatDay } from "./cells";
import type { Locale } from "./messages";

const MINUS = "\u2212";

/** "1234567" → "1,234,567" (digits only; sentences quote tens of thousands of amounts in a big run). */
function group(intPart: string): string {
  const n = intPart.length;
  if (n <= 3) return intPart;
  for (let i = 0; i < n; i++) {
    const c = intPart.charCodeAt(i);
    // "1e+21", "Infinity": as the pattern always grouped them (not at all).
    if (c < 48 || c > 57) return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  let head = n % 3 || 3;
  let out = intPart.slice(0, head);
  for (; head < n; head += 3) out += `,${intPart.slice(head, head + 3)}`;
  return out;
}

/**
 * Money from cents: "12,345.60", or "12,346" when whole.
 * @example formatMoney(-123456) // "−1,234.56"
 */
export function formatMoney(cents: number): string {
  const neg = cents < 0;
  const abs = Math.round(Math.abs(cents));
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${neg ? MINUS : ""}${group(String(units))}${rest ? `.${String(rest).padStart(2, "0")}` : ""}`;
}

/**
 * A fraction as a percentage with one decimal (dropped when zero, unless `trimZeros` is false) and a
 * true minus sign; ∞ for growth from zero.
 * @example formatPct(-0.0483) // "−4.8%"
 */
export function formatPct(fraction: number, digits = 1, trimZeros = true): string {
  if (fraction === Infinity) return "+∞";
  if (fraction === -Infinity) return `${MINUS}∞`;
  const fixed = (Math.abs(fraction) * 100).toFixed(digits);
  // Scanned rather than matched with patterns: evidence quotes percentages tens of thousands of times.
  let point = -1;
  let zeroDecimals = true;
  let zero = true;
  for (let i = 0; i < fixed.length; i++) {
    const c = fixed.charCodeAt(i);
    if (c === 46) point = i;
    else if (c !== 48) {
      zero = false;
      if (point >= 0) zeroDecimals = false;
    }
  }
  // "12.0" → "12" (a trailing ".0…" dropped); "0.0" and "0" are zero, so never "−0%".
  const s = trimZeros && point >= 0 && point < fixed.length - 1 && zeroDecimals ? fixed.slice(0, point) : fixed;
  return `${fraction < 0 && !zero ? MINUS : ""}${s}%`;
}

/**
 * A "{name}" template split once into its literal text (even places) and parameter names (odd places):
 * sentences are rendered per move, tens of thousands of times in a big run, and a regular expression
 * per rendering is most of their cost.
 * @example templateParts("Hi {name}!") // ["Hi ", "name", "!"]
 */
export function templateParts(template: string): readonly string[] {
  let parts = compiledTemplates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiledTemplates.set(template, parts);
  }
  return parts;
}
const compiledTemplates = new Map<string, string[]>();

/**
 * Fills a "{name}" template: each name through `value`, which returns undefined to leave "{name}" as written.
 * @example fillTemplate("Hi {name}!", (n) => n.toUpperCase()) // "Hi NAME!"
 */
export function fillTemplate(template: string, value: (name: string) => string | undefined): string {
  const parts = templateParts(template);
  const out = parts.slice();
  for (let i = 1; i < parts.length; i += 2) {
    const v = value(parts[i]);
    if (v !== undefined) out[i] = v;
    else out[i] = `{${parts[i]}}`;
  }
  return out.join("");
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A short month label: "Aug" / "8月", with the year when it is not the `year` given.
 * @example shortMonth(2026 * 12 + 7, "en-US") // "Aug 2026"
 */
export function shortMonth(month: number, locale: Locale, year?: number): string {
  const y = Math.floor(month / 12);
  const m = month - y * 12;
  if (locale === "zh-CN") return y === year ? `${m + 1}月` : `${y}年${m + 1}月`;
  return y === year ? MONTHS_EN[m] : `${MONTHS_EN[m]} ${y}`;
}

/** A day as YYYY-MM-DD (the same in both languages: unambiguous). */
export function formatDate(day: number): string {
  return formatDay(day);
}

export { civil };
