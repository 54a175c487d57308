/**
 * What every adapter shares about turning engine output into cells: number formats per column kind
 * and the one rule that keeps formula-looking text inert.
 */
import type { ColumnFormat, Highlight, SheetProtection } from "../engine/table";

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

/** Excel refuses a text constant in a formula longer than this (a highlight's text goes into one). */
export const FORMULA_TEXT_LIMIT = 255;

/**
 * Last row a highlight of an appended log covers: rows appended later are highlighted without
 * touching the rule again, and the rule stays far from the whole column (1,048,576 rows).
 */
export const APPENDED_HIGHLIGHT_LAST_ROW = 100_000;

/** Excel's built-in looks ("Light Red Fill with Dark Red Text" …) as RGB hex: workbook colours, not UI colours. */
export const HIGHLIGHT_COLORS: Record<Highlight["style"], { fill: string; font: string }> = {
  bad: { fill: "FFC7CE", font: "9C0006" },
  warning: { fill: "FFEB9C", font: "9C5700" },
  good: { fill: "C6EFCE", font: "006100" },
};

/** A highlight's text as a formula string constant, quotes doubled so it stays one constant. */
export function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Throws RangeError for a highlight Excel could not take (unknown column, non-finite number, text
 * over 255 characters), so a bad request is refused before anything is written. Shared by every adapter.
 */
export function validateHighlights(sheet: string, headers: readonly string[], highlights: readonly Highlight[]): void {
  for (const h of highlights) {
    if (!headers.includes(h.column)) throw new RangeError(`sheet "${sheet}": highlight names unknown column "${h.column}"`);
    if (h.when.op === "greaterThan" && !Number.isFinite(h.when.value)) throw new RangeError(`sheet "${sheet}": highlight on "${h.column}" needs a finite number`);
    if (h.when.op === "equals" && h.when.text.length > FORMULA_TEXT_LIMIT) throw new RangeError(`sheet "${sheet}": highlight text on "${h.column}" exceeds ${FORMULA_TEXT_LIMIT} characters`);
  }
}

/** Excel's longest sheet-protection password. */
export const PROTECTION_PASSWORD_LIMIT = 255;

/**
 * Checks a sheet's protection before anything is written: its editable columns exist and its password
 * fits Excel's limit.
 * @throws {RangeError} naming the sheet and what is wrong.
 */
export function validateProtection(sheet: string, headers: readonly string[], protection: SheetProtection | undefined): void {
  if (!protection) return;
  for (const h of protection.editable) if (!headers.includes(h)) throw new RangeError(`sheet "${sheet}": protection names unknown column "${h}"`);
  if ((protection.password ?? "").length > PROTECTION_PASSWORD_LIMIT) throw new RangeError(`sheet "${sheet}": the protection password exceeds ${PROTECTION_PASSWORD_LIMIT} characters`);
}

/**
 * UTF-8 length of a string. Office.js requests and responses travel as UTF-8 JSON and Excel on the web's
 * 5 MB limit counts those bytes, so a Chinese character costs 3 bytes where `length` counts 1.
 * @example utf8Length("销售") // 6
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Excel's limit on the characters in one cell. */
export const CELL_TEXT_LIMIT = 32767;

/**
 * Text cut to Excel's cell limit, ending with a note that says so (with the original length).
 * @example capCellText("x".repeat(40000)).length // 32767
 */
export function capCellText(s: string): string {
  if (s.length <= CELL_TEXT_LIMIT) return s;
  const note = ` … [cut: ${s.length.toLocaleString("en-US")} characters, Excel holds ${CELL_TEXT_LIMIT.toLocaleString("en-US")}]`;
  let cut = CELL_TEXT_LIMIT - note.length;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(s[cut - 1])) cut--;
  return s.slice(0, cut) + note;
}
