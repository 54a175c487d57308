/**
 * What every adapter shares about turning engine output into cells: number formats per column kind
 * and the one rule that keeps formula-looking text inert.
 */
import type { ColumnFormat } from "../engine/table";

/** Excel number formats for the engine's column kinds. */
export const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: "@",
  integer: "#,##0",
  number: "#,##0.00",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  datetime: "yyyy-mm-dd hh:mm:ss",
};

/**
 * Whether Excel would read this text as a formula (or a signed number) when typed or assigned.
 * @example looksLikeFormula("=HYPERLINK(\"x\")") // true
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s) || /^[\t\r]/.test(s);
}

/** Excel serial of a Date (by its UTC calendar date and time). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

/** Sheet names: at most 31 characters, none of []:*?/\ and not starting or ending with an apostrophe. */
export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}
