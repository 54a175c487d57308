/**
 * Formatting of figures inside sentences (reasons, evidence, statements). Sheets keep raw numbers
 * with number formats; only text uses these. Deterministic: no Intl, no machine locale.
 */
import { civil, formatDay } from "./cells";
import type { Locale } from "./messages";

const MINUS = "\u2212";

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
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
  const s = trimZeros ? fixed.replace(/\.0+$/, "") : fixed;
  const zero = Number(s) === 0;
  return `${fraction < 0 && !zero ? MINUS : ""}${s}%`;
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
