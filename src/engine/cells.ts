/**
 * Parsing of single cells as real sheets have them. Every parser returns `undefined` for "could not
 * parse" and `null` for "blank", so callers can tell a missing value from a bad one.
 */
import { NOT_CALCULATED, type Cell } from "./table";

/** Days since 1970-01-01 (UTC). Whole numbers; the engine never uses time of day. */
export type DayNumber = number;
/** Months since year 0: year × 12 + (month − 1). */
export type MonthIndex = number;

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01
const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/**
 * Whether a cell holds an Excel error value such as `#N/A`.
 * @example isExcelError("#N/A") // true
 */
export function isExcelError(cell: Cell | undefined): boolean {
  if (typeof cell !== "string") return false;
  // Asked of most text cells: one that starts with a printable ASCII character other than "#" is no error.
  const c = cell.charCodeAt(0);
  if (c > 32 && c < 127 && c !== 35) return false;
  return EXCEL_ERROR.test(cell.trim()) || cell === NOT_CALCULATED;
}

/**
 * Whether a cell is empty: null, undefined, or only white space.
 * @example isBlank("  ") // true
 */
export function isBlank(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Most text starts with a printable ASCII character: not blank, without trimming.
  const c = cell.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return cell.trim() === "";
}

/** Full-width digits, letters and punctuation (common in Chinese sheets) to their ASCII forms. */
export function toHalfWidth(s: string): string {
  // Most text has nothing to convert: one scan instead of two replaces (this runs per ID and name).
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x3000) {
      wide = true;
      break;
    }
  }
  if (!wide) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/**
 * Text of a cell for ids and names: trimmed; whole numbers without ".0".
 * @example cellText(1001) // "1001"
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(cell);
  if (cell instanceof Date) return formatDay(dateToDay(cell));
  return String(cell).trim();
}

/**
 * The comparison key of an identifier: half-width, trimmed, upper case, inner spaces removed.
 * @example idKey(" r-０１ ") // "R-01"
 */
export function idKey(cell: Cell | undefined): string {
  const text = cellText(cell);
  // Printable ASCII without spaces or lower case is its own key (most IDs; this runs per row).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return toHalfWidth(text).replace(/\s+/g, "").toUpperCase();
  }
  return text;
}

const CURRENCY = /^(?:RMB|CNY|USD|EUR|HKD|元|¥|￥|\$|€|£|US\$|HK\$)|(?:RMB|CNY|USD|EUR|HKD|元|¥|￥|\$|€|£)$/i;

/** Result of parsing a number: `percent` tells whether a trailing % was present (value already divided by 100). */
export interface ParsedNumber {
  value: number;
  percent: boolean;
}

/**
 * Parses a number the way people type them: "1,234.50", "¥1,234", "$1,234", "(1,234)", "12%", "1.2万", "－5".
 * A lone dash (accounting zero) is 0.
 *
 * @returns the number, null for a blank cell, undefined when the text is not a number
 * @example parseNumber("(1,234)") // { value: -1234, percent: false }
 */
export function parseNumberCell(cell: Cell | undefined): ParsedNumber | null | undefined {
  if (isBlank(cell)) return null;
  if (typeof cell === "number") return Number.isFinite(cell) ? { value: cell, percent: false } : undefined;
  if (typeof cell === "boolean" || cell instanceof Date) return undefined;
  let s = toHalfWidth(String(cell)).trim().replace(/[\s\u00A0]/g, "");
  if (isExcelError(s)) return undefined;
  if (/^[-–—]$/.test(s)) return { value: 0, percent: false };
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (/^[-–−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  // Currency may stand on either side of the sign ("-¥5" and "¥-5").
  for (let i = 0; i < 2; i++) s = s.replace(CURRENCY, "");
  if (/^[-–−]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  }
  // The unit is a power of ten, applied to the decimal text itself (by moving its exponent), never by
  // multiplying: "70%" must be the double nearest 0.7, and 70 × 0.01 is 0.7000000000000001.
  let shift = 0;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    shift = -2;
    s = s.slice(0, -1);
  } else if (s.endsWith("万")) {
    shift = 4;
    s = s.slice(0, -1);
  } else if (s.endsWith("亿")) {
    shift = 8;
    s = s.slice(0, -1);
  }
  // Thousands separators only between digit groups of three.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  const m = s.match(/^(\d+\.?\d*|\.\d+)(?:[eE]([-+]?\d+))?$/);
  if (!m) return undefined;
  const v = Number(`${m[1]}e${Number(m[2] ?? 0) + shift}`);
  if (!Number.isFinite(v)) return undefined;
  return { value: negative ? -v : v, percent };
}

/**
 * Parses a number cell; see {@link parseNumberCell}.
 * @example parseNumber("$1,234") // 1234
 */
export function parseNumber(cell: Cell | undefined): number | null | undefined {
  const p = parseNumberCell(cell);
  return p ? p.value : p;
}

/**
 * Converts an amount to integer cents, rounding half away from zero at the cent.
 * @example toCents(12.345) // 1235
 */
export function toCents(amount: number): number {
  const c = Math.round(Math.abs(amount) * 100 + 1e-7);
  return amount < 0 ? -c : c;
}

const YES = new Set(["Y", "YES", "TRUE", "1", "是", "在职", "有效", "启用", "ACTIVE", "ON", "√", "✓", "X", "T"]);
const NO = new Set(["N", "NO", "FALSE", "0", "否", "离职", "已离职", "无效", "停用", "INACTIVE", "LEFT", "OFF", "×", "F"]);

/**
 * Parses yes/no: Y/N, Yes/No, TRUE/FALSE, 1/0, 是/否 (also 在职/离职, Active/Inactive, On/Off).
 * @returns true/false, null for blank, undefined when not recognised
 * @example parseBool("是") // true
 */
export function parseBool(cell: Cell | undefined): boolean | null | undefined {
  if (isBlank(cell)) return null;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (cell instanceof Date) return undefined;
  const s = toHalfWidth(String(cell)).trim().toUpperCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

/** Day number of a calendar date, or undefined when the date does not exist. */
export function dayFromParts(year: number, month: number, day: number): DayNumber | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.round(ms / 86400000);
}

/** 1900-01-01 and 10000-01-01 as time values: the bounds of Excel's dates. */
const FIRST_DATE_MS = Date.UTC(1900, 0, 1);
const AFTER_LAST_DATE_MS = Date.UTC(10000, 0, 1);

/**
 * Whether a date cell lies outside Excel's dates (1900-01-01 … 9999-12-31): a date-formatted 99999999
 * arrives as a Date in the year 275690, or as that serial. Such a cell is an issue, never a date.
 * @example isDateOutOfRange(99999999) // true
 */
export function isDateOutOfRange(cell: Cell | undefined): boolean {
  if (cell instanceof Date) {
    const y = cell.getUTCFullYear();
    return y < 1900 || y > 9999;
  }
  return typeof cell === "number" && Number.isFinite(cell) && cell > 2958465;
}

/** Day number of a JS Date, by its UTC calendar date (ExcelJS hands dates over as UTC). */
export function dateToDay(d: Date): DayNumber {
  return Math.floor(d.getTime() / 86400000);
}

/** Excel serial number → day number. Serials start at 1900-01-01 = 1 (with Excel's 1900 leap-year quirk). */
export function serialToDay(serial: number): DayNumber {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

/** Day number → Excel serial number. */
export function dayToSerial(day: DayNumber): number {
  return day + EXCEL_EPOCH_OFFSET;
}

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/**
 * Parses a date: Excel serials, Date objects, "2026-03-01", "2026/3/1", "2026.3.1", "2026年3月1日",
 * "3/1/2026" (month first unless the first number is over 12), "2026-03" and "2026年3月" (the 1st),
 * "Mar 2026", "20260301".
 *
 * @returns the day number, null for blank, undefined when not a date
 * @example formatDay(parseDate("2026年3月1日")!) // "2026-03-01"
 */
export function parseDate(cell: Cell | undefined): DayNumber | null | undefined {
  if (isBlank(cell)) return null;
  if (cell instanceof Date) {
    // Readers hand over a Date per date cell (a million on a big Sales sheet): bounds on the time value, no calendar.
    const t = cell.getTime();
    return t >= FIRST_DATE_MS && t < AFTER_LAST_DATE_MS ? Math.floor(t / 86400000) : undefined;
  }
  if (typeof cell === "number") {
    // Plausible serials only: 1900-03-01 .. 9999-12-31. A bare year like 2026 would be 1905-07-18, so reject small ones.
    if (!Number.isFinite(cell) || cell < 3000 || cell > 2958465) return undefined;
    return serialToDay(cell);
  }
  if (typeof cell === "boolean") return undefined;
  const s = toHalfWidth(String(cell)).trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/))) return dayFromParts(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})年(\d{1,2})月(?:(\d{1,2})[日号]?)?$/))) return dayFromParts(+m[1], +m[2], m[3] ? +m[3] : 1);
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) return dayFromParts(+m[1], +m[2], 1);
  if ((m = s.match(/^(\d{4})(\d{2})(\d{2})$/))) return dayFromParts(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/))) {
    const a = +m[1];
    const b = +m[2];
    return a > 12 ? dayFromParts(+m[3], b, a) : dayFromParts(+m[3], a, b);
  }
  if ((m = s.match(/^([A-Za-z]{3})[a-z]*\.?[\s-]+(\d{4})$/))) {
    const mi = MONTH_NAMES.indexOf(m[1].toUpperCase());
    return mi < 0 ? undefined : dayFromParts(+m[2], mi + 1, 1);
  }
  return undefined;
}

/**
 * Parses a month cell ("2026-03", "2026年3月", a date or serial within the month, "202603").
 * @example formatMonth(parseMonth("2026-03")!) // "2026-03"
 */
export function parseMonth(cell: Cell | undefined): MonthIndex | null | undefined {
  if (isBlank(cell)) return null;
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 190001 && cell <= 999912 && cell % 100 >= 1 && cell % 100 <= 12) {
    return Math.floor(cell / 100) * 12 + (cell % 100) - 1;
  }
  if (typeof cell === "string" && /^\s*\d{6}\s*$/.test(cell)) {
    const n = Number(cell.trim());
    if (n % 100 >= 1 && n % 100 <= 12) return Math.floor(n / 100) * 12 + (n % 100) - 1;
    return undefined;
  }
  const day = parseDate(cell);
  return day === null || day === undefined ? day : dayToMonth(day);
}

/**
 * Year, month (1–12) and day of a day number, by arithmetic alone (no Date objects: this runs once per
 * sales row). Howard Hinnant's civil-from-days algorithm.
 * @example civil(0) // { year: 1970, month: 1, day: 1 }
 */
export function civil(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The month a day falls in. */
export function dayToMonth(day: DayNumber): MonthIndex {
  // Sales come in runs of the same month: the last month's bounds answer most calls without a calendar.
  if (day >= lastMonthFirst && day <= lastMonthLast) return lastMonth;
  const c = civil(day);
  const month = c.year * 12 + c.month - 1;
  lastMonth = month;
  lastMonthFirst = day - c.day + 1;
  lastMonthLast = lastMonthFirst + daysInMonth(c.year, c.month) - 1;
  return month;
}
let lastMonth = 0;
let lastMonthFirst = 1;
let lastMonthLast = 0;

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day of month (1–31) of a day number. */
export function dayOfMonth(day: DayNumber): number {
  return civil(day).day;
}

/** The first day of a month. */
export function monthStartDay(month: MonthIndex): DayNumber {
  return Math.round(Date.UTC(Math.floor(month / 12), month % 12, 1) / 86400000);
}

/** The last day of a month. */
export function monthEndDay(month: MonthIndex): DayNumber {
  return monthStartDay(month + 1) - 1;
}

/**
 * The same day `months` calendar months later (or earlier when negative), clamped to the month's end.
 * @example formatDay(addMonths(parseDate("2026-05-31")!, -3)!) // "2026-02-28"
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const c = civil(day);
  const m = c.year * 12 + c.month - 1 + months;
  return Math.min(monthStartDay(m) + c.day - 1, monthEndDay(m));
}

/**
 * "YYYY-MM" of a month index.
 * @example formatMonth(2026 * 12 + 2) // "2026-03"
 */
export function formatMonth(month: MonthIndex): string {
  const y = Math.floor(month / 12);
  const m = month - y * 12 + 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/**
 * "YYYY-MM-DD" of a day number.
 * @example formatDay(0) // "1970-01-01"
 */
export function formatDay(day: DayNumber): string {
  // Sentences quote the same few hundred days tens of thousands of times: each is formatted once.
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * 86400000).toISOString().slice(0, 10);
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(day, text);
  }
  return text;
}
const dayTexts = new Map<number, string>();
