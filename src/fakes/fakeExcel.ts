/**
 * An in-memory fake of the slice of the Excel JavaScript API (Office.js) that Fairshare uses,
 * installed as the globals `Excel`, `Office` and `OfficeExtension` in tests.
 *
 * The point of the fake is to FAIL WHERE REAL EXCEL FAILS, because that is where adapter bugs
 * hide: proxies whose properties are unreadable until `load()` + `context.sync()`, writes that
 * only happen at sync, errors that surface at sync rather than at the call, strings that Excel
 * turns into formulas/numbers/dates, `null` cells that mean "leave unchanged", payload limits of
 * Excel on the web, and API sets that the host may not support.
 *
 * Behaviour was checked against the Office.js runtime shipped in @microsoft/office-js and the
 * API reference in @types/office-js. Where Excel's behaviour is not documented the fake picks the
 * stricter reading and says so in a comment.
 *
 * The fake is loosely typed inside on purpose: tests talk to it through the global `Excel`,
 * which @types/office-js types; the classes here only need to behave like Office.js at runtime.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */

import { utf8Length } from "../workbook/format";

// ---------------------------------------------------------------------------------------------
// Limits and constants
// ---------------------------------------------------------------------------------------------

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel on the web rejects requests and responses larger than 5 MB. */
export const DEFAULT_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Rough JSON envelope of one action in a RichApi request (ids, names, argument wrappers). */
const ACTION_OVERHEAD_BYTES = 48;
/** Excel's default column width (8.43 characters) and row height, in points. */
const DEFAULT_COLUMN_WIDTH = 48;
const DEFAULT_ROW_HEIGHT = 15;
/** Excel rejects a comma-separated list validation source longer than this. */
const LIST_SOURCE_LIMIT = 255;
/**
 * Above this many cells Excel returns a range's `values` (and its other 2-D properties) as null,
 * without an error: office-js #4783 and #6781 ("Range.values is null for ranges over ~5M cells").
 */
export const DEFAULT_VALUES_CELL_LIMIT = 5_000_000;

const ERROR_LITERALS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];
const ERROR_BY_UPPER = new Map(ERROR_LITERALS.map((e) => [e.toUpperCase(), e]));

/** The error value a text names ("#n/a" → "#N/A"), or null when it names none. */
export function errorLiteral(text: string): string | null {
  return ERROR_BY_UPPER.get(text.trim().toUpperCase()) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Error codes the fake raises; the same strings as `Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidObjectPath"
  | "ApiNotFound"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "NonBlankCellOffSheet"
  | "InsertDeleteConflict"
  | "NotImplemented"
  | "AccessDenied"
  | "RunMustReturnPromise";

const HTTP_STATUS: Partial<Record<FakeErrorCode, number>> = {
  PropertyNotLoaded: 400,
  ValueNotLoaded: 400,
  InvalidArgument: 400,
  InvalidObjectPath: 400,
  ItemNotFound: 404,
  ApiNotFound: 404,
  ItemAlreadyExists: 409,
  AccessDenied: 403,
  RequestPayloadSizeLimitExceeded: 413,
  ResponsePayloadSizeLimitExceeded: 413,
};

/** Shaped like Office.js's `OfficeExtension.Error` (the runtime class is named `RichApi.Error`). */
export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  readonly httpStatusCode: number;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

function fail(code: FakeErrorCode, message: string, location?: string): never {
  throw new FakeRichApiError(code, message, location);
}

function propertyNotLoaded(typeName: string, prop: string): FakeRichApiError {
  return new FakeRichApiError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${typeName}.${prop}`,
  );
}

// ---------------------------------------------------------------------------------------------
// A1 addresses
// ---------------------------------------------------------------------------------------------

/** A block of cells, 0-based. */
export interface Rect {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

const FULL_SHEET: Rect = { r0: 0, c0: 0, nr: MAX_ROWS, nc: MAX_COLUMNS };

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel quotes sheet names that are not plain identifiers, e.g. 'My Sheet'!A1. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatRect(rect: Rect): string {
  const lastRow = rect.r0 + rect.nr;
  const lastCol = rect.c0 + rect.nc - 1;
  if (rect.c0 === 0 && rect.nc === MAX_COLUMNS) return `${rect.r0 + 1}:${lastRow}`;
  if (rect.r0 === 0 && rect.nr === MAX_ROWS) return `${columnLetters(rect.c0)}:${columnLetters(lastCol)}`;
  const first = `${columnLetters(rect.c0)}${rect.r0 + 1}`;
  return rect.nr === 1 && rect.nc === 1 ? first : `${first}:${columnLetters(lastCol)}${lastRow}`;
}

export function splitSheetPrefix(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** Parses "A1", "$A$1:C10", "B:D", "3:5" (no sheet prefix). Throws InvalidArgument like Excel. */
export function parseRef(ref: string): Rect {
  const bad = (): never => fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format: '${ref}'.`);
  const parts = ref.trim().split(":");
  if (parts.length < 1 || parts.length > 2) bad();
  const cellRe = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const colRe = /^\$?([A-Za-z]{1,3})$/;
  const rowRe = /^\$?(\d{1,7})$/;
  const cells = parts.map((p) => cellRe.exec(p));
  if (cells.every((m) => m)) {
    const pts = cells.map((m) => ({ r: Number(m![2]) - 1, c: lettersToIndex(m![1]) }));
    const r0 = Math.min(...pts.map((p) => p.r));
    const r1 = Math.max(...pts.map((p) => p.r));
    const c0 = Math.min(...pts.map((p) => p.c));
    const c1 = Math.max(...pts.map((p) => p.c));
    if (r0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLUMNS) bad();
    return { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }
  if (parts.length === 2 && parts.every((p) => colRe.test(p))) {
    const cs = parts.map((p) => lettersToIndex(colRe.exec(p)![1]));
    const c0 = Math.min(...cs);
    const c1 = Math.max(...cs);
    if (c1 >= MAX_COLUMNS) bad();
    return { r0: 0, c0, nr: MAX_ROWS, nc: c1 - c0 + 1 };
  }
  if (parts.length === 2 && parts.every((p) => rowRe.test(p))) {
    const rs = parts.map((p) => Number(rowRe.exec(p)![1]) - 1);
    const r0 = Math.min(...rs);
    const r1 = Math.max(...rs);
    if (r0 < 0 || r1 >= MAX_ROWS) bad();
    return { r0, c0: 0, nr: r1 - r0 + 1, nc: MAX_COLUMNS };
  }
  return bad();
}

function checkGrid(rect: Rect): Rect {
  if (
    !Number.isInteger(rect.r0) ||
    !Number.isInteger(rect.c0) ||
    !Number.isInteger(rect.nr) ||
    !Number.isInteger(rect.nc) ||
    rect.r0 < 0 ||
    rect.c0 < 0 ||
    rect.nr < 1 ||
    rect.nc < 1 ||
    rect.r0 + rect.nr > MAX_ROWS ||
    rect.c0 + rect.nc > MAX_COLUMNS
  ) {
    fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format (range outside the grid).");
  }
  return rect;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r0 >= outer.r0 &&
    inner.c0 >= outer.c0 &&
    inner.r0 + inner.nr <= outer.r0 + outer.nr &&
    inner.c0 + inner.nc <= outer.c0 + outer.nc
  );
}

// ---------------------------------------------------------------------------------------------
// Cell values: what Excel stores when something is written
// ---------------------------------------------------------------------------------------------

/** What a cell reads back as through `values`: "" for empty, error values as their text. */
export type CellValue = string | number | boolean;

interface CellData {
  v: CellValue;
  /** The formula, when the cell holds one. */
  f?: string;
  /** True when `v` is an error value such as "#N/A". */
  err?: boolean;
  /** True when the text was entered with a leading apostrophe (Excel's "prefix character"). */
  prefix?: boolean;
  nf?: string;
  style?: Record<string, unknown>;
}

interface CellWrite {
  v: CellValue;
  f?: string;
  err?: boolean;
  prefix?: boolean;
  /** Number format Excel picks when it recognises a typed value (only applied to General cells). */
  impliedFormat?: string;
}

const UNCHANGED = Symbol("unchanged");

/** Excel serial number of a UTC instant (days since 1899-12-30). */
export function toSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function fromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

/** Numbers the way Excel recognises them when typed: "-5", "1,234.5", "50%", "$3", "(7)", "1e5". */
function parseTypedNumber(s: string): { n: number; impliedFormat?: string } | null {
  let t = s.trim();
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1].trim();
  }
  const m = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d*)(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/.exec(t);
  if (!m) return null;
  const digits = (m[3] ?? "") + (m[4] ?? "");
  if (!/\d/.test(digits)) return null;
  let n = Number(`${(m[3] ?? "").replace(/,/g, "") || "0"}${m[4] ?? ""}${m[5] !== undefined ? `e${m[5]}` : ""}`);
  if (!Number.isFinite(n)) return null;
  if (m[1] === "-") negative = !negative;
  if (m[6]) n /= 100;
  if (negative) n = -n;
  const decimals = m[4] && m[4].length > 1 ? ".00" : "";
  let impliedFormat: string | undefined;
  if (m[6]) impliedFormat = `0${decimals}%`;
  else if (m[2]) impliedFormat = `$#,##0${decimals}`;
  else if (m[5] !== undefined) impliedFormat = "0.00E+00";
  else if (m[3] && m[3].includes(",")) impliedFormat = `#,##0${decimals}`;
  return { n: n === 0 ? 0 : n, impliedFormat };
}

/** ISO dates are the one locale-neutral form Excel always turns into dates (see Range.values docs). */
function parseIsoDate(s: string): { n: number; impliedFormat: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  const d = new Date(ms);
  if (d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return null;
  return { n: toSerial(d), impliedFormat: m[4] ? "m/d/yyyy h:mm" : "m/d/yyyy" };
}

/**
 * Evaluates formulas only when trivial (constant arithmetic or a string literal); everything else
 * becomes #NAME?, which is enough to show that a formula was created where text was intended.
 */
function evaluateFormula(formula: string): { v: CellValue; err: boolean } {
  const body = formula.replace(/^=/, "").trim();
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { v: str[1].replace(/""/g, '"'), err: false };
  if (/^[\d\s.+\-*/()]+$/.test(body)) {
    try {
      const n = evaluateArithmetic(body);
      return Number.isFinite(n) ? { v: n, err: false } : { v: "#DIV/0!", err: true };
    } catch {
      // fall through to #NAME?
    }
  }
  return { v: "#NAME?", err: true };
}

function evaluateArithmetic(src: string): number {
  const tokens = src.match(/\d+\.?\d*|\.\d+|[+\-*/()]/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const expr = (): number => {
    let v = term();
    while (peek() === "+" || peek() === "-") v = tokens[i++] === "+" ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = unary();
    while (peek() === "*" || peek() === "/") v = tokens[i++] === "*" ? v * unary() : v / unary();
    return v;
  };
  const unary = (): number => {
    if (peek() === "-") {
      i++;
      return -unary();
    }
    if (peek() === "+") {
      i++;
      return unary();
    }
    if (peek() === "(") {
      i++;
      const v = expr();
      if (tokens[i++] !== ")") throw new Error("paren");
      return v;
    }
    const t = tokens[i++];
    if (t === undefined || !/^[\d.]/.test(t)) throw new Error("number expected");
    return Number(t);
  };
  const v = expr();
  if (i !== tokens.length) throw new Error("trailing");
  return v;
}

function formulaWrite(formula: string): CellWrite {
  const { v, err } = evaluateFormula(formula);
  return { v, f: formula, err };
}

/**
 * What Excel makes of one input element of `values` (or `formulas`), given the cell's current
 * number format. Mirrors typing into the cell:
 * - null / undefined (and NaN/Infinity, which JSON turns into null) leave the cell unchanged;
 * - "" clears the value;
 * - in a Text-formatted ("@") cell any string is stored verbatim (a leading apostrophe included);
 * - otherwise a leading apostrophe forces text and is dropped, "=…" is a formula, "+…"/"-…" is a
 *   number when it reads as one and a formula otherwise, "@…" is a formula, "#N/A" etc. become
 *   error values, TRUE/FALSE booleans, numeric/percent/currency text numbers, ISO text dates.
 */
function interpretInput(raw: unknown, numberFormat: string, mode: "values" | "formulas"): CellWrite | typeof UNCHANGED {
  if (raw === null || raw === undefined) return UNCHANGED;
  if (typeof raw === "number") return Number.isFinite(raw) ? { v: raw === 0 ? 0 : raw } : UNCHANGED;
  if (typeof raw === "boolean") return { v: raw };
  if (raw instanceof Date) {
    // JSON would turn a Date into an ISO string whose handling depends on the host; adapters must
    // write serial numbers, so the fake refuses Dates outright.
    fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format (a Date object; write an Excel serial number).");
  }
  if (typeof raw !== "string") fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format (cell values must be strings, numbers or booleans).");
  const s = raw;
  // A cell holds 32,767 characters at most (Excel's specifications and limits); more is refused. The
  // apostrophe that marks text is not part of the cell.
  if (s.length - (s.startsWith("'") ? 1 : 0) > 32767) fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format (text longer than a cell's 32,767 characters).");
  if (s === "") return { v: "" };
  if (numberFormat === "@" && !(mode === "formulas" && s.startsWith("="))) return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1), prefix: true };
  if (s.startsWith("=") && s.length > 1) return formulaWrite(s);
  if (s.startsWith("+") || s.startsWith("-")) {
    const num = parseTypedNumber(s);
    if (num) return { v: num.n, impliedFormat: num.impliedFormat };
    return s.length > 1 ? formulaWrite(`=${s}`) : { v: s };
  }
  if (s.startsWith("@") && s.length > 1) return formulaWrite(`=${s}`);
  const error = ERROR_BY_UPPER.get(s.trim().toUpperCase());
  if (error) return { v: error, err: true };
  const upper = s.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { v: upper === "TRUE" };
  const num = parseTypedNumber(s);
  if (num) return { v: num.n, impliedFormat: num.impliedFormat };
  const date = parseIsoDate(s);
  if (date) return { v: date.n, impliedFormat: date.impliedFormat };
  return { v: s };
}

/** How `FakeWorkbook.from` seeds a cell: literally, not as typed input (see FakeSeedCell). */
function seedWrite(seed: FakeSeedValue): { write: CellWrite; nf?: string } | null {
  if (seed === null || seed === undefined) return null;
  if (seed instanceof Date) return { write: { v: toSerial(seed) }, nf: "yyyy-mm-dd" };
  if (typeof seed === "string") {
    const error = ERROR_BY_UPPER.get(seed.toUpperCase());
    return { write: error ? { v: error, err: true } : { v: seed } };
  }
  return { write: { v: seed } };
}

// ---------------------------------------------------------------------------------------------
// Number formatting for `text`
// ---------------------------------------------------------------------------------------------

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumber(n: number, format: string): string {
  const sections = format.split(";");
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  }
  const unquote = (s: string): string => s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1").replace(/_.|\*./g, "");
  if (/[ymdhs]/i.test(section.replace(/"[^"]*"/g, "")) && !/[#0]/.test(section.replace(/"[^"]*"/g, ""))) {
    return formatDate(n, section);
  }
  const first = section.search(/[#0]/);
  if (first < 0) return unquote(section);
  let last = first;
  for (let i = first; i < section.length; i++) if (/[#0.,]/.test(section[i])) last = i;
  const core = section.slice(first, last + 1);
  const prefix = unquote(section.slice(0, first));
  const suffix = unquote(section.slice(last + 1));
  const percent = section.includes("%");
  const scientific = /E\+/i.test(suffix);
  if (percent) value *= 100;
  const dot = core.indexOf(".");
  const decimals = dot < 0 ? 0 : core.slice(dot + 1).replace(/[^0#]/g, "").length;
  if (scientific) return `${prefix}${value.toExponential(decimals).toUpperCase().replace(/E([+-])(\d)$/, "E$10$2")}`;
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart, frac] = fixed.split(".");
  const body = (core.includes(",") ? group(intPart) : intPart) + (frac ? `.${frac}` : "");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${prefix}${body}${suffix}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function formatDate(serial: number, format: string): string {
  const d = fromSerial(serial);
  const pad = (x: number, w = 2): string => String(x).padStart(w, "0");
  const tokens = format.match(/yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|"[^"]*"|\\.|./gi) ?? [];
  const ampm = tokens.some((t) => t.toUpperCase() === "AM/PM");
  let out = "";
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const prevIsHour = tokens.slice(0, i).reverse().find((t) => /^[a-z]/i.test(t))?.toLowerCase().startsWith("h") ?? false;
    const nextIsSecond = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t))?.toLowerCase().startsWith("s") ?? false;
    const hours = d.getUTCHours();
    switch (lower) {
      case "yyyy":
        out += pad(d.getUTCFullYear(), 4);
        break;
      case "yy":
        out += pad(d.getUTCFullYear() % 100);
        break;
      case "mmmm":
        out += MONTHS[d.getUTCMonth()];
        break;
      case "mmm":
        out += MONTHS[d.getUTCMonth()].slice(0, 3);
        break;
      case "mm":
      case "m": {
        const minutes = prevIsHour || nextIsSecond;
        const x = minutes ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        out += lower === "mm" ? pad(x) : String(x);
        break;
      }
      case "dddd":
        out += DAYS[d.getUTCDay()];
        break;
      case "ddd":
        out += DAYS[d.getUTCDay()].slice(0, 3);
        break;
      case "dd":
        out += pad(d.getUTCDate());
        break;
      case "d":
        out += String(d.getUTCDate());
        break;
      case "hh":
      case "h": {
        const h = ampm ? hours % 12 || 12 : hours;
        out += lower === "hh" ? pad(h) : String(h);
        break;
      }
      case "ss":
        out += pad(d.getUTCSeconds());
        break;
      case "s":
        out += String(d.getUTCSeconds());
        break;
      case "am/pm":
        out += hours < 12 ? "AM" : "PM";
        break;
      default:
        out += tok.startsWith('"') ? tok.slice(1, -1) : tok.startsWith("\\") ? tok.slice(1) : tok;
    }
  });
  return out;
}

function displayText(cell: CellData | undefined, numberFormat: string): string {
  if (!cell || cell.err) return cell ? String(cell.v) : "";
  const v = cell.v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (numberFormat === "General" || numberFormat === "@") return generalNumber(v);
  return formatNumber(v, numberFormat);
}

function valueType(cell: CellData | undefined): "Empty" | "String" | "Double" | "Boolean" | "Error" {
  if (!cell) return "Empty";
  if (cell.err) return "Error";
  if (typeof cell.v === "number") return "Double";
  if (typeof cell.v === "boolean") return "Boolean";
  return cell.v === "" && !cell.prefix && !cell.f ? "Empty" : "String";
}

function hasValue(cell: CellData): boolean {
  return cell.v !== "" || cell.f !== undefined || cell.err === true || cell.prefix === true;
}

function hasFormat(cell: CellData): boolean {
  return (cell.nf !== undefined && cell.nf !== "General") || (cell.style !== undefined && Object.keys(cell.style).length > 0);
}

/**
 * Bytes of a value on the wire. RichApi requests and responses travel as UTF-8 JSON, and Excel on the
 * web's 5 MB limit counts those bytes (learn.microsoft.com, "Resource limits and performance
 * optimization for Office Add-ins": "Excel on the web has a payload size limit for requests and
 * responses of 5MB"), so a Chinese character costs 3 bytes, not 1 UTF-16 unit.
 */
function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  // Values and formulas grids (most of what a large read or write carries) are counted without building
  // their JSON: a 6 MB string per read is garbage the page would have to collect.
  const counted = plainJsonBytes(value, 0);
  if (counted !== null) return counted;
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8Length(json);
}

/**
 * The UTF-8 length of JSON.stringify(value) for a primitive or (nested) arrays of primitives, counted
 * without making the string; null for anything else (objects, Dates: toJSON and key order apply).
 * Exactly what utf8Length(JSON.stringify(value)) gives (test/fakes/fakeExcel.test.ts checks it).
 * @example plainJsonBytes([["a", 1, true, null]], 0) // 19, as '[["a",1,true,null]]'
 */
export function plainJsonBytes(value: unknown, depth: number): number | null {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? String(value).length : 4; // NaN and ±Infinity are written null
    case "boolean":
      return value ? 4 : 5;
    case "string":
      return jsonStringBytes(value);
    case "object": {
      if (value === null) return 4;
      if (!Array.isArray(value) || depth > 32) return null;
      let bytes = 2 + Math.max(0, value.length - 1);
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        // In an array, undefined, functions and symbols are written null.
        if (item === undefined || typeof item === "function" || typeof item === "symbol") bytes += 4;
        else {
          const b = plainJsonBytes(item, depth + 1);
          if (b === null) return null;
          bytes += b;
        }
      }
      return bytes;
    }
    default:
      return null;
  }
}

/** The UTF-8 length of a string as JSON.stringify writes it: quotes, escapes (lone surrogates as \uXXXX). */
function jsonStringBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) bytes += 2; // \" \\
    else if (code < 0x20) bytes += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 6; // a lone high surrogate: \udXXX
    } else if (code >= 0xdc00 && code <= 0xdfff) bytes += 6; // a lone low surrogate
    else bytes += 3;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------------
// The workbook model (what the "server" holds)
// ---------------------------------------------------------------------------------------------

const STYLE_DEFAULTS: Record<string, unknown> = {
  "font.bold": false,
  "font.italic": false,
  "font.underline": "None",
  "font.strikethrough": false,
  "font.color": "#000000",
  "font.name": "Calibri",
  "font.size": 11,
  "fill.color": "#FFFFFF",
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  // Every cell starts locked, as in Excel; locking only matters once the sheet is protected.
  "protection.locked": true,
  "protection.formulaHidden": false,
};

/** A seed value for FakeWorkbook.from: stored literally, not interpreted like typed input. */
export type FakeSeedValue = string | number | boolean | Date | null | undefined;

/**
 * One seeded cell. Plain strings are stored as text (except Excel error literals such as "#N/A",
 * which become error values); Dates become serial numbers formatted yyyy-mm-dd. Use the object
 * form for formulas, number formats or bold.
 */
export type FakeSeedCell =
  | FakeSeedValue
  | { value?: FakeSeedValue; formula?: string; numberFormat?: string; bold?: boolean };

export interface FakeSheetSeed {
  /** Top-left cell of `cells`; defaults to A1. */
  at?: string;
  cells?: FakeSeedCell[][];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

/** What a test sees of one cell. */
export interface FakeCellView {
  address: string;
  value: CellValue;
  formula: string | null;
  isFormula: boolean;
  isError: boolean;
  /** Whether the text was entered with a leading apostrophe (Excel keeps it as a hidden prefix). */
  hasPrefixCharacter: boolean;
  numberFormat: string;
  text: string;
  valueType: "Empty" | "String" | "Double" | "Boolean" | "Error";
  bold: boolean;
  fillColor: string;
}

export interface FakeValidation {
  address: string;
  rect: Rect;
  rule: Record<string, any>;
}

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  sourceAddress: string;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
  top: number;
  left: number;
  width: number;
  height: number;
}

/** `Excel.WorksheetProtectionOptions`: true allows the action on the protected sheet. */
export interface FakeProtectionOptions {
  allowAutoFilter?: boolean;
  allowDeleteColumns?: boolean;
  allowDeleteRows?: boolean;
  allowEditObjects?: boolean;
  allowEditScenarios?: boolean;
  allowFormatCells?: boolean;
  allowFormatColumns?: boolean;
  allowFormatRows?: boolean;
  allowInsertColumns?: boolean;
  allowInsertHyperlinks?: boolean;
  allowInsertRows?: boolean;
  allowPivotTables?: boolean;
  allowSort?: boolean;
  selectionMode?: "Normal" | "Unlocked" | "None";
}

/** A protected sheet's protection: its options (Excel's defaults filled in) and password, if any. */
export interface FakeProtection {
  options: Required<FakeProtectionOptions>;
  password: string | null;
}

/** What Excel says when a change touches a protected sheet. */
const PROTECTED_MESSAGE = "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** Excel's conditional format types (`Excel.ConditionalFormatType`). */
const CONDITIONAL_FORMAT_TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"] as const;
/** `Excel.ConditionalCellValueOperator` without "Invalid", which Excel refuses in a rule. */
const CELL_VALUE_OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"] as const;

/**
 * One conditional format as the sheet holds it. Only the cell-value kind is modelled in detail;
 * the others are recorded with their type and range.
 */
export interface FakeConditionalFormat {
  id: string;
  /** A1 address (no sheet) of the cells it applies to. */
  address: string;
  rect: Rect;
  type: (typeof CONDITIONAL_FORMAT_TYPES)[number];
  /** The cell-value rule ({formula1, formula2?, operator}) once one is set; null before. */
  rule: { formula1: string; formula2?: string; operator: (typeof CELL_VALUE_OPERATORS)[number] } | null;
  /** Fill and font colours as Excel reports them ("#RRGGBB" or a colour name); null when unset. */
  fillColor: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
}

let idCounter = 0;
function nextId(): number {
  idCounter += 1;
  return idCounter;
}

export class FakeSheet {
  readonly id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  showGridlines = true;
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Columns that autofitColumns() has been applied to. */
  readonly autofittedColumns = new Set<number>();
  readonly validations: FakeValidation[] = [];
  /** In priority order: index 0 is the top priority (where `conditionalFormats.add` puts a new one). */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  /** Sheet protection (Worksheet.protection.protect), null while unprotected. */
  protection: FakeProtection | null = null;
  deleted = false;
  /** Sparse grid: rows of cells. */
  private grid: Array<Array<CellData | undefined> | undefined> = [];
  /** Formats applied to entire columns (so "B:B" does not create a million cells). */
  private readonly columnFormats = new Map<number, { nf?: string; style?: Record<string, unknown> }>();

  constructor(
    readonly workbook: FakeWorkbook,
    public name: string,
  ) {
    this.id = `{${String(nextId()).padStart(8, "0")}-0001-0000-0000-000000000000}`;
  }

  get position(): number {
    return this.workbook.sheets.indexOf(this);
  }

  get tables(): FakeTable[] {
    return this.workbook.tables.filter((t) => t.sheet === this);
  }

  // ----- raw cell access (internal, also used by tests through the view helpers) -----

  /** @internal */
  rawCell(r: number, c: number): CellData | undefined {
    return this.grid[r]?.[c];
  }

  /** @internal */
  ensureCell(r: number, c: number): CellData {
    let row = this.grid[r];
    if (!row) {
      row = [];
      this.grid[r] = row;
    }
    let cell = row[c];
    if (!cell) {
      cell = { v: "" };
      row[c] = cell;
    }
    return cell;
  }

  /** @internal */
  numberFormatAt(r: number, c: number): string {
    return this.rawCell(r, c)?.nf ?? this.columnFormats.get(c)?.nf ?? "General";
  }

  /** @internal */
  styleAt(r: number, c: number, key: string): unknown {
    const own = this.rawCell(r, c)?.style;
    if (own && key in own) return own[key];
    const col = this.columnFormats.get(c)?.style;
    if (col && key in col) return col[key];
    return STYLE_DEFAULTS[key];
  }

  /** @internal */
  writeCell(r: number, c: number, w: CellWrite): void {
    const existing = this.rawCell(r, c);
    const clears = w.v === "" && w.f === undefined && !w.err && !w.prefix;
    if (clears && !existing) return;
    const cell = existing ?? this.ensureCell(r, c);
    cell.v = w.v;
    if (w.f !== undefined) cell.f = w.f;
    else delete cell.f;
    if (w.err) cell.err = true;
    else delete cell.err;
    if (w.prefix) cell.prefix = true;
    else delete cell.prefix;
    if (w.impliedFormat && this.numberFormatAt(r, c) === "General") cell.nf = w.impliedFormat;
  }

  /** @internal */
  setNumberFormat(r: number, c: number, nf: string): void {
    const cell = this.ensureCell(r, c);
    if (nf === "General" && this.columnFormats.get(c)?.nf === undefined) delete cell.nf;
    else cell.nf = nf;
  }

  /** @internal */
  setStyle(r: number, c: number, key: string, value: unknown): void {
    const cell = this.ensureCell(r, c);
    cell.style = { ...(cell.style ?? {}), [key]: value };
  }

  /** @internal */
  setColumnFormat(c: number, nf: string | undefined, styleKey?: string, styleValue?: unknown): void {
    const entry = this.columnFormats.get(c) ?? {};
    if (nf !== undefined) entry.nf = nf;
    if (styleKey !== undefined) entry.style = { ...(entry.style ?? {}), [styleKey]: styleValue };
    this.columnFormats.set(c, entry);
    // Cells with their own format keep precedence in Excel only until the column is formatted again.
    for (const row of this.grid) {
      const cell = row?.[c];
      if (!cell) continue;
      if (nf !== undefined) delete cell.nf;
      if (styleKey !== undefined && cell.style) delete cell.style[styleKey];
    }
  }

  /** @internal */
  clearCell(r: number, c: number, what: "All" | "Contents" | "Formats"): void {
    const cell = this.rawCell(r, c);
    if (!cell) return;
    if (what !== "Formats") {
      cell.v = "";
      delete cell.f;
      delete cell.err;
      delete cell.prefix;
    }
    if (what !== "Contents") {
      delete cell.nf;
      delete cell.style;
    }
  }

  /** @internal Visits stored cells inside rect (or all). */
  forEachCell(fn: (r: number, c: number, cell: CellData) => void, rect?: Rect): void {
    const rEnd = rect ? Math.min(this.grid.length, rect.r0 + rect.nr) : this.grid.length;
    for (let r = rect ? rect.r0 : 0; r < rEnd; r++) {
      const row = this.grid[r];
      if (!row) continue;
      const cEnd = rect ? Math.min(row.length, rect.c0 + rect.nc) : row.length;
      for (let c = rect ? rect.c0 : 0; c < cEnd; c++) {
        const cell = row[c];
        if (cell) fn(r, c, cell);
      }
    }
  }

  /** @internal Moves the cells of columns [c0, c0+nc) at rows >= fromRow down by `count`. */
  shiftDown(fromRow: number, c0: number, nc: number, count: number): void {
    for (let r = this.grid.length - 1; r >= fromRow; r--) {
      const row = this.grid[r];
      if (!row) continue;
      for (let c = c0; c < c0 + nc; c++) {
        const cell = row[c];
        if (!cell) continue;
        if (r + count >= MAX_ROWS) {
          if (hasValue(cell)) fail("NonBlankCellOffSheet", "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.");
          continue;
        }
        const target = this.grid[r + count] ?? (this.grid[r + count] = []);
        target[c] = cell;
        row[c] = undefined;
      }
    }
  }

  /** The smallest block holding every cell with a value (or, unless valuesOnly, a format). */
  usedRect(valuesOnly = false, within?: Rect): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.forEachCell((r, c, cell) => {
      if (!(hasValue(cell) || (!valuesOnly && hasFormat(cell)))) return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }, within);
    return r1 < 0 ? null : { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
  }

  // ----- inspection helpers for tests -----

  private rectFor(address?: string): Rect | null {
    if (address !== undefined) return parseRef(splitSheetPrefix(address).ref);
    const used = this.usedRect(true);
    return used ? { r0: 0, c0: 0, nr: used.r0 + used.nr, nc: used.c0 + used.nc } : null;
  }

  private grid2<T>(address: string | undefined, fn: (r: number, c: number) => T): T[][] {
    const rect = this.rectFor(address);
    if (!rect) return [];
    const out: T[][] = [];
    for (let r = rect.r0; r < rect.r0 + rect.nr; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c < rect.c0 + rect.nc; c++) row.push(fn(r, c));
      out.push(row);
    }
    return out;
  }

  /** Values of `address`, or from A1 to the bottom-right of the used range; [] when empty. */
  values(address?: string): CellValue[][] {
    return this.grid2(address, (r, c) => this.rawCell(r, c)?.v ?? "");
  }

  /** Formulas (or constants, as Excel reports them) of `address` or A1..used bottom-right. */
  formulas(address?: string): CellValue[][] {
    return this.grid2(address, (r, c) => {
      const cell = this.rawCell(r, c);
      return cell?.f ?? cell?.v ?? "";
    });
  }

  numberFormats(address?: string): string[][] {
    return this.grid2(address, (r, c) => this.numberFormatAt(r, c));
  }

  texts(address?: string): string[][] {
    return this.grid2(address, (r, c) => displayText(this.rawCell(r, c), this.numberFormatAt(r, c)));
  }

  cell(address: string): FakeCellView {
    const rect = parseRef(splitSheetPrefix(address).ref);
    const r = rect.r0;
    const c = rect.c0;
    const cell = this.rawCell(r, c);
    const nf = this.numberFormatAt(r, c);
    return {
      address: `${quoteSheetName(this.name)}!${formatRect({ r0: r, c0: c, nr: 1, nc: 1 })}`,
      value: cell?.v ?? "",
      formula: cell?.f ?? null,
      isFormula: cell?.f !== undefined,
      isError: cell?.err === true,
      hasPrefixCharacter: cell?.prefix === true,
      numberFormat: nf,
      text: displayText(cell, nf),
      valueType: valueType(cell),
      bold: this.styleAt(r, c, "font.bold") === true,
      fillColor: String(this.styleAt(r, c, "fill.color")),
    };
  }

  /** Addresses (A1 style, no sheet) of every cell holding a formula. */
  formulaCells(): string[] {
    const out: string[] = [];
    this.forEachCell((r, c, cell) => {
      if (cell.f !== undefined) out.push(formatRect({ r0: r, c0: c, nr: 1, nc: 1 }));
    });
    return out;
  }

  usedRange(valuesOnly = false): { address: string; rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null {
    const u = this.usedRect(valuesOnly);
    return u ? { address: formatRect(u), rowIndex: u.r0, columnIndex: u.c0, rowCount: u.nr, columnCount: u.nc } : null;
  }

  /** Column width in points; column as a letter ("B") or 0-based index. */
  columnWidth(column: string | number): number {
    const c = typeof column === "number" ? column : lettersToIndex(column);
    return this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The validation rule covering a cell, or null. */
  validationAt(address: string): Record<string, any> | null {
    const rect = parseRef(splitSheetPrefix(address).ref);
    for (let i = this.validations.length - 1; i >= 0; i--) {
      if (contains(this.validations[i].rect, rect)) return this.validations[i].rule;
    }
    return null;
  }

  /** The conditional formats that apply to a cell, top priority first. */
  conditionalFormatsAt(address: string): FakeConditionalFormat[] {
    const rect = parseRef(splitSheetPrefix(address).ref);
    return this.conditionalFormats.filter((f) => contains(f.rect, rect));
  }

  /** @internal Adds a conditional format at the top priority, as `ConditionalFormatCollection.add` does. */
  addConditionalFormat(rect: Rect, type: unknown): FakeConditionalFormat {
    if (!CONDITIONAL_FORMAT_TYPES.includes(type as FakeConditionalFormat["type"])) {
      fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (unknown conditional format type '${String(type)}').`, "ConditionalFormatCollection.add");
    }
    const format: FakeConditionalFormat = {
      id: `{cf-${nextId()}}`,
      address: formatRect(rect),
      rect: { ...rect },
      type: type as FakeConditionalFormat["type"],
      rule: null,
      fillColor: null,
      fontColor: null,
      bold: null,
      stopIfTrue: false,
    };
    this.conditionalFormats.unshift(format);
    return format;
  }

  // ----- sheet protection -----

  /** Whether a cell is locked (Range.format.protection.locked): every cell is, until unlocked. */
  lockedAt(address: string): boolean {
    const rect = parseRef(splitSheetPrefix(address).ref);
    return this.styleAt(rect.r0, rect.c0, "protection.locked") !== false;
  }

  /** @internal Refuses a change of cell contents that touches a locked cell of a protected sheet. */
  assertEditable(rect: Rect, member: string): void {
    if (!this.protection || !this.anyLocked(rect)) return;
    fail("AccessDenied", PROTECTED_MESSAGE, member);
  }

  /** @internal Refuses what a protected sheet allows only with `option` (allowFormatCells, …) set. */
  assertAllowed(option: keyof FakeProtectionOptions | null, member: string): void {
    if (!this.protection || (option !== null && this.protection.options[option] === true)) return;
    fail("AccessDenied", PROTECTED_MESSAGE, member);
  }

  private anyLocked(rect: Rect): boolean {
    if (rect.nr * rect.nc <= 2_000_000) {
      for (let r = rect.r0; r < rect.r0 + rect.nr; r++) for (let c = rect.c0; c < rect.c0 + rect.nc; c++) if (this.styleAt(r, c, "protection.locked") !== false) return true;
      return false;
    }
    // Huge ranges: a cell nobody touched takes its column's format; then the stored cells.
    for (let c = rect.c0; c < rect.c0 + rect.nc; c++) if (this.styleAt(MAX_ROWS - 1, c, "protection.locked") !== false) return true;
    let locked = false;
    this.forEachCell((r, c) => void (locked ||= this.styleAt(r, c, "protection.locked") !== false), rect);
    return locked;
  }

  /** Writes seed cells directly (no sync, no interpretation); see FakeSeedCell. */
  seed(at: string, cells: FakeSeedCell[][]): this {
    const origin = parseRef(at);
    cells.forEach((row, i) =>
      row.forEach((seed, j) => {
        const r = origin.r0 + i;
        const c = origin.c0 + j;
        const obj: { value?: FakeSeedValue; formula?: string; numberFormat?: string; bold?: boolean } =
          seed !== null && typeof seed === "object" && !(seed instanceof Date) ? seed : { value: seed };
        if (obj.numberFormat !== undefined) this.setNumberFormat(r, c, obj.numberFormat);
        if (obj.bold !== undefined) this.setStyle(r, c, "font.bold", obj.bold);
        if (obj.formula !== undefined) {
          const computed = formulaWrite(obj.formula);
          const given = obj.value !== undefined ? seedWrite(obj.value)?.write : undefined;
          this.writeCell(r, c, given ? { ...given, f: obj.formula } : computed);
          return;
        }
        const w = seedWrite(obj.value);
        if (!w) return;
        if (w.nf && obj.numberFormat === undefined) this.setNumberFormat(r, c, w.nf);
        this.writeCell(r, c, w.write);
      }),
    );
    return this;
  }
}

export class FakeTable {
  readonly id: string;
  style = "TableStyleMedium2";
  showTotals = false;
  showHeaders = true;
  deleted = false;

  constructor(
    readonly workbook: FakeWorkbook,
    public name: string,
    readonly sheet: FakeSheet,
    /** Header row plus data body, 0-based. */
    public rect: Rect,
  ) {
    this.id = String(nextId());
  }

  get address(): string {
    return `${quoteSheetName(this.sheet.name)}!${formatRect(this.rect)}`;
  }

  headers(): string[] {
    return this.sheet.values(formatRect({ ...this.rect, nr: 1 }))[0].map(String);
  }

  /** Data body values (rows below the header). */
  bodyValues(): CellValue[][] {
    if (this.rect.nr < 2) return [];
    return this.sheet.values(formatRect({ ...this.rect, r0: this.rect.r0 + 1, nr: this.rect.nr - 1 }));
  }
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function validateSheetName(name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format (sheet names are 1-31 characters without [ ] : * ? / \\ or a leading/trailing apostrophe).");
  }
  if (name.toLowerCase() === "history") fail("InvalidArgument", "'History' is a reserved sheet name.");
  return name;
}

function validateTableName(name: unknown): string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 255 ||
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name) ||
    /^[Rr]\d*[Cc]\d*$/.test(name)
  ) {
    fail("InvalidArgument", "The argument is invalid or missing or has an incorrect format (table names start with a letter or _, have no spaces, and must not look like a cell reference).");
  }
  return name;
}

/** Where a change to cells came from: the add-in's API writes, or a person editing (FakeExcelHost.userEdit). */
export type FakeChangeOrigin = "api" | "user";

/**
 * Told about changes to the workbook's data as they happen (during the sync that makes them). The host
 * uses it to raise Office.js events, the custom-functions runtime to recalculate.
 */
export interface FakeWorkbookObserver {
  /** Values or formulas of `rect` were written or cleared. */
  cellsChanged?(sheet: FakeSheet, rect: Rect, origin: FakeChangeOrigin): void;
  sheetAdded?(sheet: FakeSheet): void;
  sheetDeleted?(sheet: FakeSheet): void;
  /** Application.calculate ran (its calculation type). */
  calculated?(type: "Recalculate" | "Full" | "FullRebuild"): void;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  /** @internal See FakeWorkbookObserver. */
  readonly observers = new Set<FakeWorkbookObserver>();
  readonly tables: FakeTable[] = [];
  activeSheet: FakeSheet | undefined;
  selection: { sheet: FakeSheet; rect: Rect } | undefined;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** A sync ran with calculation suspended and nothing has recalculated since: dependent formulas are stale. */
  calculationPending = false;

  /** A new workbook as Excel makes it: one empty "Sheet1". */
  static empty(): FakeWorkbook {
    return FakeWorkbook.from({});
  }

  /**
   * Builds a workbook from plain data: `{ "Reps": [[header...], [row...]], "Notes": { at: "B3", cells } }`.
   * Sheets appear in key order; the first is active. An empty spec gives one empty "Sheet1".
   */
  static from(spec: Record<string, FakeSeedCell[][] | FakeSheetSeed>): FakeWorkbook {
    const wb = new FakeWorkbook();
    const names = Object.keys(spec);
    for (const name of names.length ? names : ["Sheet1"]) {
      const sheet = wb.addSheet(name);
      const entry = spec[name];
      if (entry === undefined) continue;
      const seed: FakeSheetSeed = Array.isArray(entry) ? { cells: entry } : entry;
      if (seed.cells) sheet.seed(seed.at ?? "A1", seed.cells);
      if (seed.visibility) sheet.visibility = seed.visibility;
    }
    wb.activeSheet = wb.sheets.find((s) => s.visibility === "Visible");
    return wb;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** Case-insensitive lookup by name (or sheet id), as Excel does. */
  findSheet(nameOrId: string): FakeSheet | undefined {
    const lower = String(nameOrId).toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === nameOrId);
  }

  /** Test helper: the sheet, or a thrown Error naming the sheets that do exist. */
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet '${name}' in fake workbook (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** Every formula cell in the workbook as "Sheet!A1" (tests use it to prove nothing was injected). */
  formulaCells(): string[] {
    return this.sheets.flatMap((s) => s.formulaCells().map((a) => `${quoteSheetName(s.name)}!${a}`));
  }

  /** Adds a sheet at the end, validating the name as Excel does (throws FakeRichApiError). */
  addSheet(name?: string): FakeSheet {
    let finalName: string;
    if (name === undefined || name === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    } else {
      finalName = validateSheetName(name);
      if (this.findSheet(finalName)) fail("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${finalName}'.`, "WorksheetCollection.add");
    }
    const sheet = new FakeSheet(this, finalName);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    for (const o of this.observers) o.sheetAdded?.(sheet);
    return sheet;
  }

  /** @internal Tells the observers that values or formulas of `rect` changed. */
  cellsChanged(sheet: FakeSheet, rect: Rect, origin: FakeChangeOrigin): void {
    for (const o of this.observers) o.cellsChanged?.(sheet, rect, origin);
  }

  /** @internal */
  renameSheet(sheet: FakeSheet, name: unknown): void {
    const valid = validateSheetName(name);
    const other = this.findSheet(valid);
    if (other && other !== sheet) fail("ItemAlreadyExists", `A resource with the same name or identifier already exists: '${valid}'.`, "Worksheet.name");
    sheet.name = valid;
  }

  /** @internal */
  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (const t of sheet.tables) this.removeTable(t);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets.find((s) => s.visibility === "Visible");
    if (this.selection?.sheet === sheet) this.selection = undefined;
    for (const o of this.observers) o.sheetDeleted?.(sheet);
  }

  /** @internal */
  setVisibility(sheet: FakeSheet, visibility: unknown): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") fail("InvalidArgument", `Invalid visibility '${String(visibility)}'.`);
    if (visibility !== "Visible") {
      const visible = this.sheets.filter((s) => s.visibility === "Visible");
      if (visible.length === 1 && visible[0] === sheet) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.visibility");
    }
    sheet.visibility = visibility;
    if (this.activeSheet === sheet && visibility !== "Visible") this.activeSheet = this.sheets.find((s) => s.visibility === "Visible");
  }

  /** @internal */
  moveSheet(sheet: FakeSheet, position: unknown): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) fail("InvalidArgument", "Invalid worksheet position.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** @internal */
  activate(sheet: FakeSheet): void {
    if (sheet.visibility !== "Visible") fail("InvalidOperation", "A hidden worksheet can't be activated.", "Worksheet.activate");
    this.activeSheet = sheet;
  }

  /**
   * @internal Creates a table the way Excel does: header cells become unique text ("Column1" for
   * blanks, "Name2" for a repeated "Name"), and a header-only range gets one empty data row.
   */
  addTable(sheet: FakeSheet, rect: Rect, hasHeaders: unknown): FakeTable {
    if (hasHeaders !== true) {
      fail("NotImplemented", "The fake does not model tables.add(…, false): Excel inserts a generated header row and shifts the data.");
    }
    if (rect.nc === MAX_COLUMNS || rect.nr === MAX_ROWS) fail("InvalidArgument", "A table can't span entire rows or columns.");
    const full: Rect = rect.nr === 1 ? checkGrid({ ...rect, nr: 2 }) : rect;
    for (const t of sheet.tables) {
      if (overlaps(t.rect, full)) fail("InvalidOperation", "A table can't overlap another table.", "TableCollection.add");
    }
    const seen = new Set<string>();
    for (let j = 0; j < full.nc; j++) {
      const r = full.r0;
      const c = full.c0 + j;
      const cell = sheet.rawCell(r, c);
      let base = cell && (hasValue(cell) || cell.v !== "") ? displayText(cell, sheet.numberFormatAt(r, c)) : "";
      if (base === "") base = `Column${j + 1}`;
      let candidate = base;
      for (let k = 2; seen.has(candidate.toLowerCase()); k++) candidate = `${base}${k}`;
      seen.add(candidate.toLowerCase());
      sheet.writeCell(r, c, { v: candidate });
    }
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const table = new FakeTable(this, `Table${n}`, sheet, full);
    this.tables.push(table);
    return table;
  }

  /** @internal */
  renameTable(table: FakeTable, name: unknown): void {
    const valid = validateTableName(name);
    const other = this.table(valid);
    if (other && other !== table) fail("ItemAlreadyExists", `A table named '${valid}' already exists.`, "Table.name");
    table.name = valid;
  }

  /** @internal */
  removeTable(table: FakeTable): void {
    const i = this.tables.indexOf(table);
    if (i >= 0) this.tables.splice(i, 1);
    table.deleted = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy machinery (the "client" side of Office.js)
// ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

interface PropDef {
  get: (target: any, self: ProxyBase) => unknown;
  set?: (target: any, value: unknown, self: ProxyBase) => void;
  /** [member, version] of the ExcelApi set that introduced the property. */
  api?: [string, string];
}

/** One deferred effect of a successful sync: a loaded value arriving, or an object's null-ness. */
interface SyncResult {
  bytes: number;
  apply: () => void;
}

interface QueuedAction {
  bytes: number;
  run: (results: SyncResult[]) => void;
}

type Resolver = (parentTarget: any) => any;

abstract class ProxyBase {
  declare readonly _typeName: string;
  declare readonly _propDefs: Record<string, PropDef>;
  declare readonly _navNames: readonly string[];

  /** Server-side binding, fixed the first time a sync instantiates the object. */
  _resolved = false;
  _target: any = undefined;
  /** Client-side knowledge: undefined until a sync has instantiated the object. */
  _isNull: boolean | undefined = undefined;
  /** Made by an …OrNullObject method: it may name nothing until a sync says otherwise. */
  _mayBeNull = false;
  /** Loaded (or locally assigned) property values, as Office.js keeps them in m_* fields. */
  readonly _fields: Record<string, unknown> = {};
  readonly _navCache = new Map<string, ProxyBase>();

  constructor(
    readonly _ctx: FakeRequestContext,
    readonly _parent: ProxyBase | null,
    readonly _resolver: Resolver | null,
    preResolved?: { target: any },
  ) {
    if (preResolved) {
      this._resolved = true;
      this._target = preResolved.target;
      this._isNull = preResolved.target === null;
    } else if (_parent && _parent._mayBeNull && _parent._isNull !== false && !_ctx._processing) {
      // What a method on a null object returns is not documented (the docs only promise that
      // isNullObject is true); Excel's behaviour for such chains, e.g.
      // getItemOrNullObject(name).getUsedRangeOrNullObject() or getLastRow() on a used range that
      // may be null, is something this fake cannot vouch for. Refuse: check isNullObject after a
      // sync first (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
      fail("InvalidOperation", `Undocumented chain: ${_parent._typeName} may be a null object; sync and check isNullObject before calling into it.`);
    }
    if (!preResolved && _resolver && !_ctx._processing) {
      // Office.js queues an "instantiate" action for every object it creates, which is why a bad
      // getItem() fails at the next sync even if nothing else touches the object.
      _ctx._enqueue({ bytes: ACTION_OVERHEAD_BYTES, run: () => void _ctx._ensure(this) });
    }
  }

  get context(): FakeRequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /** @internal Reads a scalar as Office.js does: only once loaded+synced (or locally assigned). */
  _read(name: string): unknown {
    const def = this._propDefs[name];
    if (def?.api) this._ctx._host._requireApi(def.api[0], def.api[1]);
    if (this._isNull === true) return undefined;
    if (Object.prototype.hasOwnProperty.call(this._fields, name)) return this._fields[name];
    throw propertyNotLoaded(this._typeName, name);
  }

  /** @internal Assignment: remembered locally (readable at once, as in Office.js) and queued. */
  _write(name: string, value: unknown): void {
    const def = this._propDefs[name];
    if (def.api) this._ctx._host._requireApi(def.api[0], def.api[1]);
    this._fields[name] = value;
    this._ctx._enqueue({
      bytes: ACTION_OVERHEAD_BYTES + jsonBytes(value),
      run: () => {
        const target = this._ctx._ensure(this);
        if (target === null) return; // writes to a null object are ignored
        def.set!(target, value, this);
        this._ctx._host.revision += 1;
      },
    });
  }

  /** @internal Queues a method call; `fn` runs at sync against the resolved target. */
  _method<T>(args: unknown[], fn: (target: any) => T, result?: FakeClientResult<T>): void {
    this._ctx._enqueue({
      bytes: ACTION_OVERHEAD_BYTES + jsonBytes(args.filter((a) => !(a instanceof ProxyBase))),
      run: (results) => {
        const target = this._ctx._ensure(this);
        if (target === null) return;
        const value = fn(target);
        if (result) results.push({ bytes: jsonBytes(value), apply: () => result._set(value) });
        // A method that returns nothing acts on the workbook (activate, delete, add a format…).
        else this._ctx._host.revision += 1;
      },
    });
  }

  /** @internal A navigation property (format, font, …): one proxy per parent, as in Office.js. */
  _nav<T extends ProxyBase>(name: string, make: () => T): T {
    let p = this._navCache.get(name) as T | undefined;
    if (!p) {
      p = make();
      this._navCache.set(name, p);
    }
    return p;
  }

  load(spec?: unknown): this {
    const paths = parseLoadSpec(spec);
    this._ctx._enqueue({
      bytes: ACTION_OVERHEAD_BYTES + jsonBytes(spec ?? null),
      run: (results) => this._collectLoad(paths, results),
    });
    return this;
  }

  /** @internal */
  _collectLoad(paths: string[][], results: SyncResult[]): void {
    const target = this._ctx._ensure(this);
    if (target === null) return;
    const scalars = new Set<string>();
    const navs = new Map<string, string[][]>();
    const host = this._ctx._host;
    for (const path of paths) {
      if (path.length === 0 || path[0] === "$all" || path[0] === "*") {
        for (const [name, def] of Object.entries(this._propDefs)) {
          if (!def.api || host.isSetSupported("ExcelApi", def.api[1])) scalars.add(name);
        }
        continue;
      }
      const [head, ...rest] = path;
      if (this._propDefs[head]) {
        if (rest.length) fail("InvalidArgument", `'${head}' is not a navigation property of ${this._typeName}.`);
        const api = this._propDefs[head].api;
        if (api) host._requireApi(api[0], api[1]);
        scalars.add(head);
      } else if (this._navNames.includes(head)) {
        const list = navs.get(head) ?? [];
        list.push(rest);
        navs.set(head, list);
      } else {
        fail("InvalidArgument", `The property '${head}' does not exist on ${this._typeName}.`, `${this._typeName}.${head}`);
      }
    }
    for (const name of scalars) {
      const value = this._propDefs[name].get(target, this);
      results.push({ bytes: name.length + 4 + jsonBytes(value), apply: () => void (this._fields[name] = value) });
    }
    for (const [name, sub] of navs) {
      const child = (this as any)[name] as ProxyBase;
      child._collectLoad(sub, results);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this._fields)) out[k] = v instanceof Array && v[0] instanceof ProxyBase ? v.map((p: ProxyBase) => p.toJSON()) : v;
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Turns the forms load() accepts into property paths: "a, b/c", ["a"], {select, expand}, {a: true, b: {c: true}}. */
function parseLoadSpec(spec: unknown): string[][] {
  if (spec === undefined || spec === null) return [[]];
  const fromString = (s: string): string[][] =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0)
      .map((p) => p.split("/").map((x) => x.trim()));
  if (typeof spec === "string") return fromString(spec);
  if (Array.isArray(spec)) return spec.flatMap((s) => fromString(String(s)));
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      const list = (x: unknown): string[] => (x === undefined ? [] : Array.isArray(x) ? x.map(String) : String(x).split(","));
      const paths = list(o.select).flatMap(fromString);
      for (const e of list(o.expand).flatMap(fromString)) paths.push(e);
      return paths.length ? paths : [[]];
    }
    const paths: string[][] = [];
    const walk = (obj: Record<string, unknown>, prefix: string[]): void => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === "$all") {
          if (v) paths.push(prefix.length ? [...prefix] : []);
        } else if (k.startsWith("$")) {
          continue; // $top / $skip: not modelled
        } else if (v === true) paths.push([...prefix, k]);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, [...prefix, k]);
      }
    };
    walk(o, []);
    return paths.length ? paths : [[]];
  }
  return fail("InvalidArgument", "Invalid argument to load().");
}

function defineProxy(cls: { prototype: object }, typeName: string, props: Record<string, PropDef>, navNames: string[] = []): void {
  Object.defineProperty(cls.prototype, "_typeName", { value: typeName });
  Object.defineProperty(cls.prototype, "_propDefs", { value: props });
  Object.defineProperty(cls.prototype, "_navNames", { value: navNames });
  for (const [name, def] of Object.entries(props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: ProxyBase) {
        return this._read(name);
      },
      // Read-only properties get no setter, so assigning one throws a TypeError in strict code.
      set: def.set
        ? function (this: ProxyBase, v: unknown) {
            this._write(name, v);
          }
        : undefined,
    });
  }
}

/** Like OfficeExtension.ClientResult: `value` is readable only after the sync. */
export class FakeClientResult<T> {
  private has = false;
  private v: T | undefined;

  get value(): T {
    if (!this.has) fail("ValueNotLoaded", 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    return this.v as T;
  }

  /** @internal */
  _set(v: T): void {
    this.has = true;
    this.v = v;
  }
}

abstract class CollectionProxy extends ProxyBase {
  abstract _elements(target: any): any[];
  abstract _item(target: any): ProxyBase;

  get items(): ProxyBase[] {
    if (this._isNull === true) return [];
    if (Object.prototype.hasOwnProperty.call(this._fields, "items")) return this._fields.items as ProxyBase[];
    throw propertyNotLoaded(this._typeName, "items");
  }

  override _collectLoad(paths: string[][], results: SyncResult[]): void {
    const target = this._ctx._ensure(this);
    if (target === null) return;
    const own: string[][] = [];
    const itemPaths: string[][] = [];
    for (const p of paths) {
      if (p.length > 0 && this._propDefs[p[0]]) own.push(p);
      else if (p[0] === "items") itemPaths.push(p.slice(1));
      else itemPaths.push(p); // load("name") on a collection means items/name, as in Office.js
    }
    if (own.length) super._collectLoad(own, results);
    if (!itemPaths.length) return;
    const items = this._elements(target).map((e) => this._item(e));
    for (const item of items) item._collectLoad(itemPaths, results);
    results.push({ bytes: 2, apply: () => void (this._fields.items = items) });
  }
}

// ---------------------------------------------------------------------------------------------
// Concrete proxies
// ---------------------------------------------------------------------------------------------

/** Marks a proxy from an …OrNullObject method (see the chain check in ProxyBase's constructor). */
function maybeNull<T extends ProxyBase>(proxy: T): T {
  proxy._mayBeNull = true;
  return proxy;
}

function rangeOf(sheet: FakeSheet, rect: Rect): RangeTarget {
  return { sheet, rect: checkGrid(rect) };
}

function grid<T>(t: RangeTarget, fn: (r: number, c: number) => T, bytesPerCell: number, host: FakeExcelHost): T[][] {
  const cells = t.rect.nr * t.rect.nc;
  // Excel answers null, without an error, for ranges above ~5M cells (office-js #4783, #6781).
  if (cells > host.valuesCellLimit) return null as unknown as T[][];
  // Refuse before allocating: a whole-sheet read can never fit in a response.
  if (cells * bytesPerCell > host.responseLimitBytes) {
    fail("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${cells} cells).`);
  }
  const out: T[][] = [];
  for (let r = t.rect.r0; r < t.rect.r0 + t.rect.nr; r++) {
    const row: T[] = new Array(t.rect.nc);
    for (let j = 0; j < t.rect.nc; j++) row[j] = fn(r, t.rect.c0 + j);
    out.push(row);
  }
  return out;
}

/** Input of a 2-D property: a matching 2-D array, or one non-array value applied to every cell. */
function checkShape(input: unknown, rect: Rect): "broadcast" | "grid" {
  if (!Array.isArray(input)) return "broadcast";
  const ok = input.length === rect.nr && input.every((row) => Array.isArray(row) && row.length === rect.nc);
  if (!ok) {
    fail("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  return "grid";
}

/** Writes `input` as typed into the cells of `t` (see interpretInput) and tells the workbook's observers. */
function writeCells(t: RangeTarget, input: unknown, mode: "values" | "formulas", origin: FakeChangeOrigin = "api"): void {
  const shape = checkShape(input, t.rect);
  const { sheet, rect } = t;
  sheet.assertEditable(rect, `Range.${mode}`);
  for (let i = 0; i < rect.nr; i++) {
    for (let j = 0; j < rect.nc; j++) {
      const raw = shape === "broadcast" ? input : (input as unknown[][])[i][j];
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      const w = interpretInput(raw, sheet.numberFormatAt(r, c), mode);
      if (w !== UNCHANGED) sheet.writeCell(r, c, w);
    }
  }
  sheet.workbook.cellsChanged(sheet, rect, origin);
}

function writeNumberFormats(t: RangeTarget, input: unknown): void {
  const shape = checkShape(input, t.rect);
  const { sheet, rect } = t;
  sheet.assertAllowed("allowFormatCells", "Range.numberFormat");
  const norm = (x: unknown): string | null => {
    if (x === null || x === undefined) return null;
    if (typeof x === "string") return x;
    if (typeof x === "number") return String(x);
    return fail("InvalidArgument", "Number formats must be strings.");
  };
  if (shape === "broadcast" && rect.nr === MAX_ROWS) {
    const nf = norm(input);
    if (nf !== null) for (let c = rect.c0; c < rect.c0 + rect.nc; c++) sheet.setColumnFormat(c, nf);
    return;
  }
  for (let i = 0; i < rect.nr; i++) {
    for (let j = 0; j < rect.nc; j++) {
      const nf = norm(shape === "broadcast" ? input : (input as unknown[][])[i][j]);
      if (nf !== null) sheet.setNumberFormat(rect.r0 + i, rect.c0 + j, nf);
    }
  }
}

function uniformStyle(t: RangeTarget, key: string): unknown {
  const { sheet, rect } = t;
  let first: unknown = undefined;
  let mixed = false;
  const visit = (v: unknown): void => {
    if (first === undefined) first = v;
    else if (v !== first) mixed = true;
  };
  if (rect.nr * rect.nc <= 2_000_000) {
    for (let r = rect.r0; r < rect.r0 + rect.nr && !mixed; r++) for (let c = rect.c0; c < rect.c0 + rect.nc && !mixed; c++) visit(sheet.styleAt(r, c, key));
  } else {
    // Huge ranges: column defaults plus the stored cells are enough to decide.
    for (let c = rect.c0; c < Math.min(rect.c0 + rect.nc, rect.c0 + 256); c++) visit(sheet.styleAt(MAX_ROWS - 1, c, key));
    sheet.forEachCell((r, c) => visit(sheet.styleAt(r, c, key)), rect);
  }
  return mixed ? null : first;
}

function setStyle(t: RangeTarget, key: string, value: unknown): void {
  const { sheet, rect } = t;
  // Locking is never changed on a protected sheet; other formats only when allowFormatCells is set.
  sheet.assertAllowed(key.startsWith("protection.") ? null : "allowFormatCells", key.startsWith("protection.") ? "FormatProtection" : "RangeFormat");
  if (rect.nr === MAX_ROWS) {
    for (let c = rect.c0; c < rect.c0 + rect.nc; c++) sheet.setColumnFormat(c, undefined, key, value);
    return;
  }
  for (let r = rect.r0; r < rect.r0 + rect.nr; r++) for (let c = rect.c0; c < rect.c0 + rect.nc; c++) sheet.setStyle(r, c, key, value);
}

function styleProp(key: string): PropDef {
  return { get: (t: RangeTarget) => uniformStyle(t, key), set: (t: RangeTarget, v) => setStyle(t, key, v) };
}

class WorkbookProxy extends ProxyBase {
  get worksheets(): WorksheetCollectionProxy {
    return this._nav("worksheets", () => new WorksheetCollectionProxy(this._ctx, this, (wb) => wb));
  }
  get tables(): TableCollectionProxy {
    return this._nav("tables", () => new TableCollectionProxy(this._ctx, this, (wb: FakeWorkbook) => ({ wb })));
  }
  get application(): ApplicationProxy {
    return this._nav("application", () => new ApplicationProxy(this._ctx, this, (wb) => wb));
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this._ctx, this, (wb: FakeWorkbook) => {
      if (wb.selection) return rangeOf(wb.selection.sheet, wb.selection.rect);
      if (!wb.activeSheet) fail("ItemNotFound", "No active worksheet.");
      return rangeOf(wb.activeSheet, { r0: 0, c0: 0, nr: 1, nc: 1 });
    });
  }
}
defineProxy(WorkbookProxy, "Workbook", { name: { get: () => "Book1.xlsx" } }, ["worksheets", "tables", "application"]);

class ApplicationProxy extends ProxyBase {
  suspendApiCalculationUntilNextSync(): void {
    this._ctx._host._requireApi("Application.suspendApiCalculationUntilNextSync", "1.6");
    this._method([], () => {
      this._ctx._host._markCurrentSync("calculationSuspended");
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._ctx._host._requireApi("Application.suspendScreenUpdatingUntilNextSync", "1.9");
    this._method([], () => {
      this._ctx._host._markCurrentSync("screenUpdatingSuspended");
    });
  }
  /**
   * Recalculates. After a sync that ran under suspendApiCalculationUntilNextSync, formulas stay stale
   * until the add-in recalculates ("Once set, it is the developer's responsibility to re-calc the
   * workbook", Application.suspendApiCalculationUntilNextSync); a calculate inside a suspended sync
   * is taken as suspended too (the stricter reading: the docs do not say).
   */
  calculate(calculationType: string): void {
    if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType)) fail("InvalidArgument", `Invalid calculation type '${String(calculationType)}'.`);
    this._method([calculationType], (wb: FakeWorkbook) => {
      if (this._ctx._host._current) this._ctx._host._current.calculateRequested = true;
      for (const o of wb.observers) o.calculated?.(calculationType as "Recalculate" | "Full" | "FullRebuild");
    });
  }
}
defineProxy(ApplicationProxy, "Application", {
  calculationMode: {
    get: (wb: FakeWorkbook) => wb.calculationMode,
    set: (wb: FakeWorkbook, v) => {
      if (v !== "Automatic" && v !== "AutomaticExceptTables" && v !== "Manual") fail("InvalidArgument", `Invalid calculation mode '${String(v)}'.`);
      wb.calculationMode = v;
    },
    api: ["Application.calculationMode", "1.1"],
  },
});


// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/** The events the fake raises: what Fairshare listens to (ExcelApi 1.7; the collection's onChanged 1.9). */
export type FakeEventType = "WorksheetChanged" | "WorksheetAdded" | "WorksheetDeleted";

/** The arguments an event handler receives, shaped like Excel.WorksheetChangedEventArgs / WorksheetAddedEventArgs. */
export interface FakeEventArgs {
  type: FakeEventType;
  worksheetId: string;
  source: "Local" | "Remote";
  /** WorksheetChanged only: the changed block, A1 style without the sheet. */
  address?: string;
  changeType?: "RangeEdited";
  /** WorksheetChanged only: "ThisLocalAddin" for the add-in's own writes, "Unknown" for a person's. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

/** @internal A registered handler: its event type, the sheet it is scoped to (null: every sheet), the function. */
interface FakeHandler {
  type: FakeEventType;
  sheet: FakeSheet | null;
  handler: (args: FakeEventArgs) => unknown;
  removed: boolean;
}

/**
 * Like OfficeExtension.EventHandlers: `add` registers the handler with Excel at the next sync (Office.js
 * sends the registration with the batch) and returns an EventHandlerResult whose `remove` also takes a sync.
 */
class FakeEventHandlers {
  constructor(
    private readonly owner: ProxyBase,
    private readonly type: FakeEventType,
    private readonly scoped: boolean,
  ) {}

  add(handler: (args: FakeEventArgs) => unknown): { remove(): void; context: FakeRequestContext } {
    if (typeof handler !== "function") fail("InvalidArgument", "An event handler must be a function.");
    const ctx = this.owner._ctx;
    const entry: FakeHandler = { type: this.type, sheet: null, handler, removed: false };
    ctx._enqueue({
      bytes: ACTION_OVERHEAD_BYTES,
      run: () => {
        const target = ctx._ensure(this.owner);
        entry.sheet = this.scoped ? (target as FakeSheet) : null;
        ctx._host._handlers.push(entry);
      },
    });
    return {
      context: ctx,
      remove: () => {
        ctx._enqueue({ bytes: ACTION_OVERHEAD_BYTES, run: () => void (entry.removed = true) });
      },
    };
  }
}

class WorksheetCollectionProxy extends CollectionProxy {
  _elements(wb: FakeWorkbook): FakeSheet[] {
    return [...wb.sheets];
  }
  _item(sheet: FakeSheet): ProxyBase {
    return new WorksheetProxy(this._ctx, this, null, { target: sheet });
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, (wb: FakeWorkbook) => {
      const s = wb.findSheet(key);
      if (!s) fail("ItemNotFound", `The requested resource doesn't exist: worksheet '${key}'.`, "WorksheetCollection.getItem");
      return s;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    this._ctx._host._requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    return maybeNull(new WorksheetProxy(this._ctx, this, (wb: FakeWorkbook) => wb.findSheet(key) ?? null));
  }
  add(name?: string): WorksheetProxy {
    // The add happens when the returned object is instantiated at sync, in queue order.
    return new WorksheetProxy(this._ctx, this, (wb: FakeWorkbook) => wb.addSheet(name));
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, (wb: FakeWorkbook) => {
      if (!wb.activeSheet) fail("ItemNotFound", "No active worksheet.");
      return wb.activeSheet;
    });
  }
  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, (wb: FakeWorkbook) => {
      const s = wb.sheets.find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) fail("ItemNotFound", "No worksheet.");
      return s;
    });
  }
  getLast(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this._ctx, this, (wb: FakeWorkbook) => {
      const s = [...wb.sheets].reverse().find((x) => !visibleOnly || x.visibility === "Visible");
      if (!s) fail("ItemNotFound", "No worksheet.");
      return s;
    });
  }
  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    this._ctx._host._requireApi("WorksheetCollection.getCount", "1.4");
    const result = new FakeClientResult<number>();
    this._method([visibleOnly], (wb: FakeWorkbook) => wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length, result);
    return result;
  }
  /** Any worksheet's data changed (ExcelApi 1.9). */
  get onChanged(): FakeEventHandlers {
    this._ctx._host._requireApi("WorksheetCollection.onChanged", "1.9");
    return new FakeEventHandlers(this, "WorksheetChanged", false);
  }
  get onAdded(): FakeEventHandlers {
    this._ctx._host._requireApi("WorksheetCollection.onAdded", "1.7");
    return new FakeEventHandlers(this, "WorksheetAdded", false);
  }
  get onDeleted(): FakeEventHandlers {
    this._ctx._host._requireApi("WorksheetCollection.onDeleted", "1.7");
    return new FakeEventHandlers(this, "WorksheetDeleted", false);
  }
}
defineProxy(WorksheetCollectionProxy, "WorksheetCollection", {});

class WorksheetProxy extends ProxyBase {
  get tables(): TableCollectionProxy {
    return this._nav("tables", () => new TableCollectionProxy(this._ctx, this, (sheet: FakeSheet) => ({ wb: sheet.workbook, sheet })));
  }
  get charts(): ChartCollectionProxy {
    return this._nav("charts", () => new ChartCollectionProxy(this._ctx, this, (sheet: FakeSheet) => sheet));
  }
  get protection(): WorksheetProtectionProxy {
    this._ctx._host._requireApi("Worksheet.protection", "1.2");
    return this._nav("protection", () => new WorksheetProtectionProxy(this._ctx, this, (sheet: FakeSheet) => sheet));
  }
  get freezePanes(): FreezePanesProxy {
    this._ctx._host._requireApi("Worksheet.freezePanes", "1.7");
    return this._nav("freezePanes", () => new FreezePanesProxy(this._ctx, this, (sheet: FakeSheet) => sheet));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this._ctx, this, (sheet: FakeSheet) => {
      if (address === undefined || address === null || address === "") return rangeOf(sheet, FULL_SHEET);
      const { sheet: prefix, ref } = splitSheetPrefix(address);
      if (prefix !== undefined && prefix.toLowerCase() !== sheet.name.toLowerCase()) {
        fail("InvalidArgument", `The address '${address}' refers to another worksheet.`, "Worksheet.getRange");
      }
      return rangeOf(sheet, parseRef(ref));
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    this._ctx._host._requireApi("Worksheet.getRangeByIndexes", "1.7");
    return new RangeProxy(this._ctx, this, (sheet: FakeSheet) => rangeOf(sheet, { r0: startRow, c0: startColumn, nr: rowCount, nc: columnCount }));
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this._ctx, this, (sheet: FakeSheet) => rangeOf(sheet, { r0: row, c0: column, nr: 1, nc: 1 }));
  }
  /** Documented: on a blank sheet this returns A1 and does NOT throw. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx, this, (sheet: FakeSheet) => rangeOf(sheet, sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, nr: 1, nc: 1 }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this._ctx._host._requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    return maybeNull(
      new RangeProxy(this._ctx, this, (sheet: FakeSheet) => {
        const u = sheet.usedRect(valuesOnly === true);
        return u ? rangeOf(sheet, u) : null;
      }),
    );
  }
  activate(): void {
    this._method([], (sheet: FakeSheet) => sheet.workbook.activate(sheet));
  }
  delete(): void {
    this._method([], (sheet: FakeSheet) => sheet.workbook.deleteSheet(sheet));
  }
  /** This worksheet's data changed (ExcelApi 1.7). */
  get onChanged(): FakeEventHandlers {
    this._ctx._host._requireApi("Worksheet.onChanged", "1.7");
    return new FakeEventHandlers(this, "WorksheetChanged", true);
  }
}

defineProxy(
  WorksheetProxy,
  "Worksheet",
  {
    name: { get: (s: FakeSheet) => s.name, set: (s: FakeSheet, v) => s.workbook.renameSheet(s, v) },
    id: { get: (s: FakeSheet) => s.id },
    position: { get: (s: FakeSheet) => s.position, set: (s: FakeSheet, v) => s.workbook.moveSheet(s, v) },
    visibility: { get: (s: FakeSheet) => s.visibility, set: (s: FakeSheet, v) => s.workbook.setVisibility(s, v) },
    tabColor: { get: (s: FakeSheet) => s.tabColor, set: (s: FakeSheet, v) => void (s.tabColor = String(v)) },
    showGridlines: { get: (s: FakeSheet) => s.showGridlines, set: (s: FakeSheet, v) => void (s.showGridlines = v === true), api: ["Worksheet.showGridlines", "1.8"] },
  },
  ["tables", "charts", "freezePanes", "protection"],
);

/** Excel's protection options when protect() is called without them (only selecting cells is allowed). */
const DEFAULT_PROTECTION_OPTIONS: Required<FakeProtectionOptions> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};
/** Options that came with ExcelApi 1.7 (1.2 has the rest). */
const PROTECTION_OPTIONS_1_7 = new Set(["allowEditObjects", "allowEditScenarios", "selectionMode"]);

/**
 * Worksheet.protection (ExcelApi 1.2; the password 1.7). protect() fails on a sheet that is already
 * protected, and unprotect() without the right password fails on a sheet that has one (AccessDenied, the
 * stricter reading: the docs only say "fails").
 */
class WorksheetProtectionProxy extends ProxyBase {
  protect(options?: FakeProtectionOptions | null, password?: string): void {
    if (password !== undefined) this._ctx._host._requireApi("WorksheetProtection.protect(password)", "1.7");
    const given = options ?? {};
    for (const [k, v] of Object.entries(given)) {
      if (!(k in DEFAULT_PROTECTION_OPTIONS)) fail("InvalidArgument", `'${k}' is not a worksheet protection option.`, "WorksheetProtection.protect");
      if (PROTECTION_OPTIONS_1_7.has(k)) this._ctx._host._requireApi(`WorksheetProtectionOptions.${k}`, "1.7");
      if (k === "selectionMode" ? !["Normal", "Unlocked", "None"].includes(String(v)) : typeof v !== "boolean") fail("InvalidArgument", `Invalid value for the protection option '${k}'.`, "WorksheetProtection.protect");
    }
    this._method([given, password === undefined ? null : "********"], (sheet: FakeSheet) => {
      if (sheet.protection) fail("AccessDenied", "The worksheet is already protected.", "WorksheetProtection.protect");
      sheet.protection = { options: { ...DEFAULT_PROTECTION_OPTIONS, ...given } as Required<FakeProtectionOptions>, password: password ? String(password) : null };
    });
  }
  unprotect(password?: string): void {
    if (password !== undefined) this._ctx._host._requireApi("WorksheetProtection.unprotect(password)", "1.7");
    this._method([password === undefined ? null : "********"], (sheet: FakeSheet) => {
      if (sheet.protection?.password && sheet.protection.password !== password) fail("AccessDenied", "The password you supplied is not correct.", "WorksheetProtection.unprotect");
      sheet.protection = null;
    });
  }
}
defineProxy(WorksheetProtectionProxy, "WorksheetProtection", {
  protected: { get: (s: FakeSheet) => s.protection !== null },
  options: { get: (s: FakeSheet) => ({ ...(s.protection?.options ?? DEFAULT_PROTECTION_OPTIONS) }) },
});

class RangeProxy extends ProxyBase {
  private child(fn: (t: RangeTarget) => Rect): RangeProxy {
    return new RangeProxy(this._ctx, this, (t: RangeTarget) => rangeOf(t.sheet, fn(t)));
  }
  get format(): RangeFormatProxy {
    return this._nav("format", () => new RangeFormatProxy(this._ctx, this, (t) => t));
  }
  get dataValidation(): DataValidationProxy {
    this._ctx._host._requireApi("Range.dataValidation", "1.8");
    return this._nav("dataValidation", () => new DataValidationProxy(this._ctx, this, (t) => t));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this._ctx._host._requireApi("Range.conditionalFormats", "1.6");
    return this._nav("conditionalFormats", () => new ConditionalFormatCollectionProxy(this._ctx, this, (t) => t));
  }
  get worksheet(): WorksheetProxy {
    return this._nav("worksheet", () => new WorksheetProxy(this._ctx, this, (t: RangeTarget) => t.sheet));
  }
  getCell(row: number, column: number): RangeProxy {
    return this.child((t) => ({ r0: t.rect.r0 + row, c0: t.rect.c0 + column, nr: 1, nc: 1 }));
  }
  getRow(row: number): RangeProxy {
    return this.child((t) => ({ r0: t.rect.r0 + row, c0: t.rect.c0, nr: 1, nc: t.rect.nc }));
  }
  getColumn(column: number): RangeProxy {
    return this.child((t) => ({ r0: t.rect.r0, c0: t.rect.c0 + column, nr: t.rect.nr, nc: 1 }));
  }
  getLastRow(): RangeProxy {
    return this.child((t) => ({ ...t.rect, r0: t.rect.r0 + t.rect.nr - 1, nr: 1 }));
  }
  getLastColumn(): RangeProxy {
    return this.child((t) => ({ ...t.rect, c0: t.rect.c0 + t.rect.nc - 1, nc: 1 }));
  }
  getLastCell(): RangeProxy {
    return this.child((t) => ({ r0: t.rect.r0 + t.rect.nr - 1, c0: t.rect.c0 + t.rect.nc - 1, nr: 1, nc: 1 }));
  }
  getEntireRow(): RangeProxy {
    return this.child((t) => ({ r0: t.rect.r0, nr: t.rect.nr, c0: 0, nc: MAX_COLUMNS }));
  }
  getEntireColumn(): RangeProxy {
    return this.child((t) => ({ r0: 0, nr: MAX_ROWS, c0: t.rect.c0, nc: t.rect.nc }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this._ctx._host._requireApi("Range.getResizedRange", "1.3");
    return this.child((t) => ({ ...t.rect, nr: t.rect.nr + deltaRows, nc: t.rect.nc + deltaColumns }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.child((t) => ({ ...t.rect, r0: t.rect.r0 + rowOffset, c0: t.rect.c0 + columnOffset }));
  }
  /** Documented: throws ItemNotFound when the range holds no used cell. */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.child((t) => t.sheet.usedRect(valuesOnly === true, t.rect) ?? fail("ItemNotFound", "The requested resource doesn't exist (no used cells in the range).", "Range.getUsedRange"));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this._ctx._host._requireApi("Range.getUsedRangeOrNullObject", "1.4");
    return maybeNull(
      new RangeProxy(this._ctx, this, (t: RangeTarget) => {
        const u = t.sheet.usedRect(valuesOnly === true, t.rect);
        return u ? rangeOf(t.sheet, u) : null;
      }),
    );
  }
  select(): void {
    this._method([], (t: RangeTarget) => {
      t.sheet.workbook.activate(t.sheet);
      t.sheet.workbook.selection = { sheet: t.sheet, rect: t.rect };
    });
  }
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this._method([applyTo], (t: RangeTarget) => {
      if (applyTo !== "Formats") t.sheet.assertEditable(t.rect, "Range.clear");
      if (applyTo !== "Contents") t.sheet.assertAllowed("allowFormatCells", "Range.clear");
      t.sheet.forEachCell((r, c) => t.sheet.clearCell(r, c, applyTo), t.rect);
      if (applyTo !== "Formats") t.sheet.workbook.cellsChanged(t.sheet, t.rect, "api");
    });
  }
}
defineProxy(
  RangeProxy,
  "Range",
  {
    address: { get: (t: RangeTarget) => `${quoteSheetName(t.sheet.name)}!${formatRect(t.rect)}` },
    addressLocal: { get: (t: RangeTarget) => `${quoteSheetName(t.sheet.name)}!${formatRect(t.rect)}` },
    rowIndex: { get: (t: RangeTarget) => t.rect.r0 },
    columnIndex: { get: (t: RangeTarget) => t.rect.c0 },
    rowCount: { get: (t: RangeTarget) => t.rect.nr },
    columnCount: { get: (t: RangeTarget) => t.rect.nc },
    cellCount: { get: (t: RangeTarget) => t.rect.nr * t.rect.nc },
    isEntireColumn: { get: (t: RangeTarget) => t.rect.nr === MAX_ROWS, api: ["Range.isEntireColumn", "1.7"] },
    isEntireRow: { get: (t: RangeTarget) => t.rect.nc === MAX_COLUMNS, api: ["Range.isEntireRow", "1.7"] },
    values: {
      get: (t: RangeTarget, self) => {
        const values = grid(t, (r, c) => t.sheet.rawCell(r, c)?.v ?? "", 3, self._ctx._host);
        if (values !== null) self._ctx._host._noteValuesRead(t.sheet, t.rect);
        return values;
      },
      set: (t: RangeTarget, v) => writeCells(t, v, "values"),
    },
    formulas: {
      get: (t: RangeTarget, self) =>
        grid(
          t,
          (r, c) => {
            const cell = t.sheet.rawCell(r, c);
            return cell?.f ?? cell?.v ?? "";
          },
          3,
          self._ctx._host,
        ),
      set: (t: RangeTarget, v) => writeCells(t, v, "formulas"),
    },
    numberFormat: {
      get: (t: RangeTarget, self) => grid(t, (r, c) => t.sheet.numberFormatAt(r, c), 10, self._ctx._host),
      set: (t: RangeTarget, v) => writeNumberFormats(t, v),
    },
    text: { get: (t: RangeTarget, self) => grid(t, (r, c) => displayText(t.sheet.rawCell(r, c), t.sheet.numberFormatAt(r, c)), 3, self._ctx._host) },
    valueTypes: { get: (t: RangeTarget, self) => grid(t, (r, c) => valueType(t.sheet.rawCell(r, c)), 8, self._ctx._host) },
  },
  ["format", "dataValidation", "conditionalFormats", "worksheet"],
);

/**
 * Autofit fits the whole column, not only the range's cells: RangeFormat.autofitColumns "changes the width
 * of the columns of the current range to achieve the best fit, based on the current data in the columns"
 * (learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitcolumns-member(1)).
 * So a long title above a table widens its column even when only the table is autofitted.
 */
function autofitWidth(t: RangeTarget, c: number): number | null {
  let longest = 0;
  const column: Rect = { r0: 0, nr: MAX_ROWS, c0: c, nc: 1 };
  t.sheet.forEachCell((r, cc, cell) => {
    const len = displayText(cell, t.sheet.numberFormatAt(r, cc)).length;
    if (len > longest) longest = len;
  }, column);
  return longest === 0 ? null : Math.round((longest + 1.5) * 5.6 * 100) / 100;
}

class RangeFormatProxy extends ProxyBase {
  get font(): RangeStyleProxy {
    return this._nav("font", () => new RangeFontProxy(this._ctx, this, (t) => t));
  }
  get fill(): RangeFillProxy {
    return this._nav("fill", () => new RangeFillProxy(this._ctx, this, (t) => t));
  }
  get protection(): FormatProtectionProxy {
    this._ctx._host._requireApi("RangeFormat.protection", "1.2");
    return this._nav("protection", () => new FormatProtectionProxy(this._ctx, this, (t) => t));
  }
  autofitColumns(): void {
    this._ctx._host._requireApi("RangeFormat.autofitColumns", "1.2");
    this._method([], (t: RangeTarget) => {
      t.sheet.assertAllowed("allowFormatColumns", "RangeFormat.autofitColumns");
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.nc; c++) {
        const w = autofitWidth(t, c);
        if (w !== null) t.sheet.columnWidths.set(c, w);
        t.sheet.autofittedColumns.add(c);
      }
    });
  }
  autofitRows(): void {
    this._ctx._host._requireApi("RangeFormat.autofitRows", "1.2");
    this._method([], () => undefined);
  }
}
defineProxy(
  RangeFormatProxy,
  "RangeFormat",
  {
    columnWidth: {
      get: (t: RangeTarget) => {
        const widths = new Set<number>();
        for (let c = t.rect.c0; c < t.rect.c0 + t.rect.nc && widths.size < 2; c++) widths.add(t.sheet.columnWidth(c));
        return widths.size === 1 ? [...widths][0] : null;
      },
      set: (t: RangeTarget, v) => {
        if (typeof v !== "number" || !(v >= 0)) fail("InvalidArgument", "columnWidth must be a non-negative number of points.");
        t.sheet.assertAllowed("allowFormatColumns", "RangeFormat.columnWidth");
        for (let c = t.rect.c0; c < t.rect.c0 + t.rect.nc; c++) t.sheet.columnWidths.set(c, v);
      },
      api: ["RangeFormat.columnWidth", "1.2"],
    },
    rowHeight: {
      get: (t: RangeTarget) => {
        const hs = new Set<number>();
        for (let r = t.rect.r0; r < t.rect.r0 + Math.min(t.rect.nr, 10_000) && hs.size < 2; r++) hs.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return hs.size === 1 ? [...hs][0] : null;
      },
      set: (t: RangeTarget, v) => {
        if (typeof v !== "number" || !(v >= 0)) fail("InvalidArgument", "rowHeight must be a non-negative number of points.");
        t.sheet.assertAllowed("allowFormatRows", "RangeFormat.rowHeight");
        for (let r = t.rect.r0; r < t.rect.r0 + t.rect.nr; r++) t.sheet.rowHeights.set(r, v);
      },
      api: ["RangeFormat.rowHeight", "1.2"],
    },
    horizontalAlignment: styleProp("horizontalAlignment"),
    verticalAlignment: styleProp("verticalAlignment"),
    wrapText: styleProp("wrapText"),
  },
  ["font", "fill", "protection"],
);

/** Range.format.protection: whether cells are locked (and their formulas hidden) once the sheet is protected. */
class FormatProtectionProxy extends ProxyBase {}
defineProxy(FormatProtectionProxy, "FormatProtection", {
  locked: styleProp("protection.locked"),
  formulaHidden: styleProp("protection.formulaHidden"),
});

class RangeStyleProxy extends ProxyBase {}
class RangeFontProxy extends RangeStyleProxy {}
defineProxy(RangeFontProxy, "RangeFont", {
  bold: styleProp("font.bold"),
  italic: styleProp("font.italic"),
  underline: styleProp("font.underline"),
  strikethrough: styleProp("font.strikethrough"),
  color: styleProp("font.color"),
  name: styleProp("font.name"),
  size: styleProp("font.size"),
});
class RangeFillProxy extends RangeStyleProxy {
  clear(): void {
    this._method([], (t: RangeTarget) => setStyle(t, "fill.color", "#FFFFFF"));
  }
}
defineProxy(RangeFillProxy, "RangeFill", { color: styleProp("fill.color") });

const RULE_TYPES: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

function validationsCovering(t: RangeTarget): { all: FakeValidation | null; any: boolean } {
  const vs = t.sheet.validations.filter((v) => overlaps(v.rect, t.rect));
  if (!vs.length) return { all: null, any: false };
  const last = vs[vs.length - 1];
  return { all: contains(last.rect, t.rect) ? last : null, any: true };
}

class DataValidationProxy extends ProxyBase {
  clear(): void {
    this._method([], (t: RangeTarget) => {
      t.sheet.assertAllowed(null, "DataValidation.clear");
      const keep = t.sheet.validations.filter((v) => !overlaps(v.rect, t.rect));
      t.sheet.validations.splice(0, t.sheet.validations.length, ...keep);
    });
  }
}
defineProxy(DataValidationProxy, "DataValidation", {
  type: {
    get: (t: RangeTarget) => {
      const { all, any } = validationsCovering(t);
      if (!any) return "None";
      if (!all) return "Inconsistent";
      return RULE_TYPES[Object.keys(all.rule)[0]] ?? "Inconsistent";
    },
  },
  rule: {
    get: (t: RangeTarget) => validationsCovering(t).all?.rule ?? {},
    set: (t: RangeTarget, rule, self) => {
      t.sheet.assertAllowed(null, "DataValidation.rule");
      if (!rule || typeof rule !== "object") fail("InvalidArgument", "A data validation rule object is required.");
      const keys = Object.keys(rule as object).filter((k) => (rule as any)[k] !== undefined);
      if (keys.length !== 1 || !RULE_TYPES[keys[0]]) fail("InvalidArgument", "A data validation rule must have exactly one rule type.");
      const stored: Record<string, any> = JSON.parse(JSON.stringify({ [keys[0]]: { ...(rule as any)[keys[0]], source: undefined } }));
      if (keys[0] === "list") {
        const list = (rule as any).list;
        let source: unknown = list.source;
        if (source instanceof RangeProxy) {
          const rt = self._ctx._ensure(source) as RangeTarget;
          source = `=${quoteSheetName(rt.sheet.name)}!${formatRect(rt.rect)}`;
        }
        if (typeof source !== "string" || source.length === 0) fail("InvalidArgument", "A list validation needs a source.");
        if (!source.startsWith("=") && source.length > LIST_SOURCE_LIMIT) {
          fail("InvalidArgument", `A list validation source is limited to ${LIST_SOURCE_LIMIT} characters.`);
        }
        stored.list.source = source;
      }
      t.sheet.validations.splice(0, t.sheet.validations.length, ...t.sheet.validations.filter((v) => !contains(t.rect, v.rect)));
      t.sheet.validations.push({ address: formatRect(t.rect), rect: { ...t.rect }, rule: stored });
    },
  },
});

// ----- conditional formats (ExcelApi 1.6) -----

/** Excel's limit on one text constant inside a formula. */
const FORMULA_TEXT_LIMIT = 255;

/**
 * What Excel checks of a rule formula before it stores it: present, every text constant closed (a
 * quote inside one is doubled) and no longer than 255 characters. The rest is not parsed, so a
 * well-formed formula that does something unwanted passes; tests compare the stored text for that.
 */
function checkRuleFormula(formula: unknown, name: string): string {
  const bad = (why: string): never => fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${name}: ${why}).`, "CellValueConditionalFormat.rule");
  if (typeof formula !== "string" || formula.trim() === "" || formula.trim() === "=") return bad("a formula is required");
  let i = 0;
  while (i < formula.length) {
    if (formula[i] !== '"') {
      i++;
      continue;
    }
    let length = 0;
    i++;
    for (;;) {
      if (i >= formula.length) return bad("unterminated text constant");
      if (formula[i] === '"') {
        if (formula[i + 1] !== '"') break;
        i++;
      }
      length++;
      i++;
    }
    i++;
    if (length > FORMULA_TEXT_LIMIT) bad(`text constants are limited to ${FORMULA_TEXT_LIMIT} characters`);
  }
  return formula;
}

function checkCellValueRule(rule: unknown): NonNullable<FakeConditionalFormat["rule"]> {
  if (!rule || typeof rule !== "object") fail("InvalidArgument", "A conditional format rule object is required.", "CellValueConditionalFormat.rule");
  const { formula1, formula2, operator } = rule as Record<string, unknown>;
  if (!CELL_VALUE_OPERATORS.includes(operator as (typeof CELL_VALUE_OPERATORS)[number])) {
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (operator '${String(operator)}').`, "CellValueConditionalFormat.rule");
  }
  const op = operator as (typeof CELL_VALUE_OPERATORS)[number];
  const stored: NonNullable<FakeConditionalFormat["rule"]> = { formula1: checkRuleFormula(formula1, "formula1"), operator: op };
  if (op === "Between" || op === "NotBetween") stored.formula2 = checkRuleFormula(formula2, "formula2");
  else if (formula2 !== undefined && formula2 !== "") stored.formula2 = checkRuleFormula(formula2, "formula2");
  return stored;
}

/** Colours as Office.js takes them: "#RRGGBB", "RRGGBB" or an HTML colour name. Hex comes back as "#RRGGBB". */
function checkColor(v: unknown, member: string): string {
  if (typeof v === "string") {
    const hex = /^#?([0-9A-Fa-f]{6})$/.exec(v);
    if (hex) return `#${hex[1].toUpperCase()}`;
    if (/^[A-Za-z]+$/.test(v)) return v;
  }
  return fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (colour '${String(v)}').`, member);
}

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

class ConditionalFormatCollectionProxy extends CollectionProxy {
  /** The formats that touch the range, as Office.js lists them. */
  _elements(t: RangeTarget): CfTarget[] {
    return t.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, t.rect)).map((cf) => ({ sheet: t.sheet, cf }));
  }
  _item(target: CfTarget): ProxyBase {
    return new ConditionalFormatProxy(this._ctx, this, null, { target });
  }
  /** The format is created at sync, in queue order, at the top priority. */
  add(type: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, this, (t: RangeTarget) => {
      t.sheet.assertAllowed(null, "ConditionalFormatCollection.add");
      return { sheet: t.sheet, cf: t.sheet.addConditionalFormat(t.rect, type) };
    });
  }
  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this._ctx, this, (t: RangeTarget) => this._elements(t)[index] ?? fail("ItemNotFound", `The requested resource doesn't exist: conditional format ${index}.`, "ConditionalFormatCollection.getItemAt"));
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this._method([], (t: RangeTarget) => this._elements(t).length, result);
    return result;
  }
}
defineProxy(ConditionalFormatCollectionProxy, "ConditionalFormatCollection", {});

class ConditionalFormatProxy extends ProxyBase {
  /** Only a CellValue format has one; on another type the non-OrNullObject getter fails with ItemNotFound at sync. */
  get cellValue(): CellValueConditionalFormatProxy {
    return this._nav(
      "cellValue",
      () =>
        new CellValueConditionalFormatProxy(this._ctx, this, (t: CfTarget) =>
          t.cf.type === "CellValue" ? t : fail("ItemNotFound", `The requested resource doesn't exist: a ${t.cf.type} conditional format has no cellValue.`, "ConditionalFormat.cellValue"),
        ),
    );
  }
  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, this, (t: CfTarget) => rangeOf(t.sheet, t.cf.rect));
  }
  delete(): void {
    this._method([], (t: CfTarget) => {
      const i = t.sheet.conditionalFormats.indexOf(t.cf);
      if (i >= 0) t.sheet.conditionalFormats.splice(i, 1);
    });
  }
}
defineProxy(
  ConditionalFormatProxy,
  "ConditionalFormat",
  {
    id: { get: (t: CfTarget) => t.cf.id },
    type: { get: (t: CfTarget) => t.cf.type },
    priority: {
      get: (t: CfTarget) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t: CfTarget, v) => {
        const list = t.sheet.conditionalFormats;
        if (typeof v !== "number" || !Number.isInteger(v) || v < 0) fail("InvalidArgument", "priority must be a non-negative integer.", "ConditionalFormat.priority");
        list.splice(list.indexOf(t.cf), 1);
        list.splice(Math.min(v, list.length), 0, t.cf);
      },
    },
    stopIfTrue: { get: (t: CfTarget) => t.cf.stopIfTrue, set: (t: CfTarget, v) => void (t.cf.stopIfTrue = v === true) },
  },
  ["cellValue"],
);

class CellValueConditionalFormatProxy extends ProxyBase {
  get format(): ConditionalRangeFormatProxy {
    return this._nav("format", () => new ConditionalRangeFormatProxy(this._ctx, this, (t) => t));
  }
}
defineProxy(
  CellValueConditionalFormatProxy,
  "CellValueConditionalFormat",
  {
    // Before a rule is set Excel has none; the fake reports it as an Invalid one.
    rule: { get: (t: CfTarget) => (t.cf.rule ? { ...t.cf.rule } : { formula1: "", operator: "Invalid" }), set: (t: CfTarget, v) => void (t.cf.rule = checkCellValueRule(v)) },
  },
  ["format"],
);

class ConditionalRangeFormatProxy extends ProxyBase {
  get fill(): ConditionalRangeFillProxy {
    return this._nav("fill", () => new ConditionalRangeFillProxy(this._ctx, this, (t) => t));
  }
  get font(): ConditionalRangeFontProxy {
    return this._nav("font", () => new ConditionalRangeFontProxy(this._ctx, this, (t) => t));
  }
}
defineProxy(ConditionalRangeFormatProxy, "ConditionalRangeFormat", {}, ["fill", "font"]);

class ConditionalRangeFillProxy extends ProxyBase {
  clear(): void {
    this._method([], (t: CfTarget) => void (t.cf.fillColor = null));
  }
}
defineProxy(ConditionalRangeFillProxy, "ConditionalRangeFill", {
  color: { get: (t: CfTarget) => t.cf.fillColor, set: (t: CfTarget, v) => void (t.cf.fillColor = checkColor(v, "ConditionalRangeFill.color")) },
});

class ConditionalRangeFontProxy extends ProxyBase {
  clear(): void {
    this._method([], (t: CfTarget) => {
      t.cf.fontColor = null;
      t.cf.bold = null;
    });
  }
}
defineProxy(ConditionalRangeFontProxy, "ConditionalRangeFont", {
  color: { get: (t: CfTarget) => t.cf.fontColor, set: (t: CfTarget, v) => void (t.cf.fontColor = checkColor(v, "ConditionalRangeFont.color")) },
  bold: { get: (t: CfTarget) => t.cf.bold, set: (t: CfTarget, v) => void (t.cf.bold = v === true) },
});

class FreezePanesProxy extends ProxyBase {
  freezeRows(count = 1): void {
    this._method([count], (sheet: FakeSheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) fail("InvalidArgument", "Invalid row count.");
      sheet.frozenRows = count;
      sheet.frozenColumns = 0;
    });
  }
  freezeColumns(count = 1): void {
    this._method([count], (sheet: FakeSheet) => {
      if (!Number.isInteger(count) || count < 0 || count >= MAX_COLUMNS) fail("InvalidArgument", "Invalid column count.");
      sheet.frozenColumns = count;
      sheet.frozenRows = 0;
    });
  }
  freezeAt(frozenRange: RangeProxy | string): void {
    this._method([typeof frozenRange === "string" ? frozenRange : null], (sheet: FakeSheet) => {
      const rect = typeof frozenRange === "string" ? parseRef(splitSheetPrefix(frozenRange).ref) : (this._ctx._ensure(frozenRange) as RangeTarget).rect;
      sheet.frozenRows = rect.r0 + rect.nr;
      sheet.frozenColumns = rect.c0 + rect.nc;
    });
  }
  unfreeze(): void {
    this._method([], (sheet: FakeSheet) => {
      sheet.frozenRows = 0;
      sheet.frozenColumns = 0;
    });
  }
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(this._ctx, this, (sheet: FakeSheet) => {
      if (!sheet.frozenRows && !sheet.frozenColumns) return null;
      return rangeOf(sheet, { r0: 0, c0: 0, nr: sheet.frozenRows || MAX_ROWS, nc: sheet.frozenColumns || MAX_COLUMNS });
    });
  }
}
defineProxy(FreezePanesProxy, "WorksheetFreezePanes", {});

interface TableScope {
  wb: FakeWorkbook;
  sheet?: FakeSheet;
}

class TableCollectionProxy extends CollectionProxy {
  _elements(scope: TableScope): FakeTable[] {
    return scope.wb.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet);
  }
  _item(table: FakeTable): ProxyBase {
    return new TableProxy(this._ctx, this, null, { target: table });
  }
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    return new TableProxy(this._ctx, this, (scope: TableScope) => {
      let sheet: FakeSheet;
      let rect: Rect;
      if (address instanceof RangeProxy) {
        const rt = this._ctx._ensure(address) as RangeTarget;
        sheet = rt.sheet;
        rect = rt.rect;
      } else {
        const { sheet: prefix, ref } = splitSheetPrefix(String(address));
        const named = prefix !== undefined ? scope.wb.findSheet(prefix) : scope.sheet ?? scope.wb.activeSheet;
        if (!named) fail("InvalidArgument", `The address '${String(address)}' refers to an unknown worksheet.`, "TableCollection.add");
        sheet = named;
        rect = parseRef(ref);
      }
      if (scope.sheet && sheet !== scope.sheet) fail("InvalidArgument", "The range is on another worksheet.", "TableCollection.add");
      sheet.assertAllowed(null, "TableCollection.add");
      return scope.wb.addTable(sheet, rect, hasHeaders);
    });
  }
  getItem(key: string): TableProxy {
    return new TableProxy(this._ctx, this, (scope: TableScope) => {
      const t = this._elements(scope).find((x) => x.name.toLowerCase() === String(key).toLowerCase() || x.id === key);
      if (!t) fail("ItemNotFound", `The requested resource doesn't exist: table '${key}'.`, "TableCollection.getItem");
      return t;
    });
  }
  getItemOrNullObject(key: string): TableProxy {
    this._ctx._host._requireApi("TableCollection.getItemOrNullObject", "1.4");
    return maybeNull(new TableProxy(this._ctx, this, (scope: TableScope) => this._elements(scope).find((x) => x.name.toLowerCase() === String(key).toLowerCase() || x.id === key) ?? null));
  }
  getCount(): FakeClientResult<number> {
    this._ctx._host._requireApi("TableCollection.getCount", "1.4");
    const result = new FakeClientResult<number>();
    this._method([], (scope: TableScope) => this._elements(scope).length, result);
    return result;
  }
}
defineProxy(TableCollectionProxy, "TableCollection", { count: { get: (scope: TableScope) => scope.wb.tables.filter((t) => !scope.sheet || t.sheet === scope.sheet).length } });

function tablePart(table: FakeTable, part: "all" | "header" | "body"): RangeTarget {
  const { rect } = table;
  if (part === "all") return rangeOf(table.sheet, rect);
  if (part === "header") return rangeOf(table.sheet, { ...rect, nr: 1 });
  return rangeOf(table.sheet, { ...rect, r0: rect.r0 + 1, nr: rect.nr - 1 });
}

class TableProxy extends ProxyBase {
  get rows(): TableRowCollectionProxy {
    return this._nav("rows", () => new TableRowCollectionProxy(this._ctx, this, (t) => t));
  }
  get columns(): TableColumnCollectionProxy {
    return this._nav("columns", () => new TableColumnCollectionProxy(this._ctx, this, (t) => t));
  }
  get worksheet(): WorksheetProxy {
    return this._nav("worksheet", () => new WorksheetProxy(this._ctx, this, (t: FakeTable) => t.sheet));
  }
  getRange(): RangeProxy {
    return new RangeProxy(this._ctx, this, (t: FakeTable) => tablePart(t, "all"));
  }
  getHeaderRowRange(): RangeProxy {
    return new RangeProxy(this._ctx, this, (t: FakeTable) => tablePart(t, "header"));
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this._ctx, this, (t: FakeTable) => tablePart(t, "body"));
  }
  delete(): void {
    this._method([], (t: FakeTable) => t.workbook.removeTable(t));
  }
}
defineProxy(
  TableProxy,
  "Table",
  {
    name: { get: (t: FakeTable) => t.name, set: (t: FakeTable, v) => t.workbook.renameTable(t, v) },
    id: { get: (t: FakeTable) => t.id },
    showHeaders: { get: (t: FakeTable) => t.showHeaders },
    showTotals: { get: (t: FakeTable) => t.showTotals },
    style: { get: (t: FakeTable) => t.style, set: (t: FakeTable, v) => void (t.style = String(v)) },
  },
  ["rows", "columns", "worksheet"],
);

/**
 * Inserts table rows as Excel does: cells below the insertion point, within the table's columns,
 * move down (other tables in the way must move as a whole), and new rows take the number formats
 * of the row above.
 */
function insertTableRows(table: FakeTable, index: number | null | undefined, values: unknown): { index: number; count: number } {
  const { sheet, rect } = table;
  sheet.assertAllowed(null, "TableRowCollection.add");
  const bodyRows = rect.nr - 1;
  const at = index === null || index === undefined ? bodyRows : index;
  if (!Number.isInteger(at) || at < 0 || at > bodyRows) fail("InvalidArgument", "The row index is outside the table.", "TableRowCollection.add");
  const count = values === null || values === undefined ? 1 : Array.isArray(values) ? values.length : 1;
  if (Array.isArray(values)) checkShape(values, { r0: 0, c0: 0, nr: count, nc: rect.nc });
  const absRow = rect.r0 + 1 + at;
  if (rect.r0 + rect.nr + count > MAX_ROWS) fail("NonBlankCellOffSheet", "The table can't grow past the last row.");
  const below: Rect = { r0: absRow, c0: rect.c0, nr: MAX_ROWS - absRow, nc: rect.nc };
  const moved = sheet.tables.filter((t) => t !== table && overlaps(t.rect, below));
  for (const t of moved) {
    if (t.rect.c0 < rect.c0 || t.rect.c0 + t.rect.nc > rect.c0 + rect.nc) fail("InsertDeleteConflict", "The insert would move part of another table.");
  }
  sheet.shiftDown(absRow, rect.c0, rect.nc, count);
  for (const t of moved) t.rect = { ...t.rect, r0: t.rect.r0 + count };
  table.rect = { ...rect, nr: rect.nr + count };
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < rect.nc; j++) {
      const r = absRow + i;
      const c = rect.c0 + j;
      const nfAbove = sheet.numberFormatAt(absRow - 1, c);
      if (nfAbove !== "General") sheet.setNumberFormat(r, c, nfAbove);
      if (Array.isArray(values)) {
        const w = interpretInput((values as unknown[][])[i][j], sheet.numberFormatAt(r, c), "values");
        if (w !== UNCHANGED) sheet.writeCell(r, c, w);
      }
    }
  }
  // Everything from the insertion down moved: all of it changed as far as formulas and events are concerned.
  sheet.workbook.cellsChanged(sheet, { r0: absRow, c0: rect.c0, nr: MAX_ROWS - absRow, nc: rect.nc }, "api");
  return { index: at, count };
}

class TableRowCollectionProxy extends CollectionProxy {
  _elements(table: FakeTable): Array<{ table: FakeTable; index: number }> {
    return Array.from({ length: table.rect.nr - 1 }, (_, index) => ({ table, index }));
  }
  _item(row: { table: FakeTable; index: number }): ProxyBase {
    return new TableRowProxy(this._ctx, this, null, { target: row });
  }
  add(index?: number | null, values?: unknown[][] | null): TableRowProxy {
    return new TableRowProxy(this._ctx, this, (table: FakeTable) => ({ table, index: insertTableRows(table, index, values).index }));
  }
  getCount(): FakeClientResult<number> {
    this._ctx._host._requireApi("TableRowCollection.getCount", "1.4");
    const result = new FakeClientResult<number>();
    this._method([], (table: FakeTable) => table.rect.nr - 1, result);
    return result;
  }
}
defineProxy(TableRowCollectionProxy, "TableRowCollection", { count: { get: (table: FakeTable) => table.rect.nr - 1 } });

class TableRowProxy extends ProxyBase {}
defineProxy(TableRowProxy, "TableRow", {
  index: { get: (row: { index: number }) => row.index },
  values: {
    get: (row: { table: FakeTable; index: number }, self) => {
      const { table, index } = row;
      return grid(rangeOf(table.sheet, { ...table.rect, r0: table.rect.r0 + 1 + index, nr: 1 }), (r, c) => table.sheet.rawCell(r, c)?.v ?? "", 3, self._ctx._host);
    },
  },
});

class TableColumnCollectionProxy extends CollectionProxy {
  _elements(table: FakeTable): Array<{ table: FakeTable; index: number }> {
    return Array.from({ length: table.rect.nc }, (_, index) => ({ table, index }));
  }
  _item(col: { table: FakeTable; index: number }): ProxyBase {
    return new TableColumnProxy(this._ctx, this, null, { target: col });
  }
  private find(table: FakeTable, key: string | number): { table: FakeTable; index: number } | null {
    const headers = table.headers();
    const i = typeof key === "number" ? key - 1 : headers.findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
    return i >= 0 && i < headers.length ? { table, index: i } : null;
  }
  getItem(key: string | number): TableColumnProxy {
    return new TableColumnProxy(this._ctx, this, (table: FakeTable) => this.find(table, key) ?? fail("ItemNotFound", `The requested resource doesn't exist: column '${key}'.`, "TableColumnCollection.getItem"));
  }
  getItemOrNullObject(key: string | number): TableColumnProxy {
    this._ctx._host._requireApi("TableColumnCollection.getItemOrNullObject", "1.4");
    return maybeNull(new TableColumnProxy(this._ctx, this, (table: FakeTable) => this.find(table, key)));
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(this._ctx, this, (table: FakeTable) => {
      if (!Number.isInteger(index) || index < 0 || index >= table.rect.nc) fail("InvalidArgument", "Column index out of range.");
      return { table, index };
    });
  }
}
defineProxy(TableColumnCollectionProxy, "TableColumnCollection", { count: { get: (table: FakeTable) => table.rect.nc } });

class TableColumnProxy extends ProxyBase {
  private part(header: boolean | null): RangeProxy {
    return new RangeProxy(this._ctx, this, (col: { table: FakeTable; index: number }) => {
      const { rect, sheet } = col.table;
      const c0 = rect.c0 + col.index;
      if (header === true) return rangeOf(sheet, { r0: rect.r0, c0, nr: 1, nc: 1 });
      if (header === false) return rangeOf(sheet, { r0: rect.r0 + 1, c0, nr: rect.nr - 1, nc: 1 });
      return rangeOf(sheet, { r0: rect.r0, c0, nr: rect.nr, nc: 1 });
    });
  }
  getDataBodyRange(): RangeProxy {
    return this.part(false);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part(true);
  }
  getRange(): RangeProxy {
    return this.part(null);
  }
}
defineProxy(TableColumnProxy, "TableColumn", {
  name: { get: (col: { table: FakeTable; index: number }) => col.table.headers()[col.index] },
  index: { get: (col: { index: number }) => col.index },
  id: { get: (col: { index: number }) => col.index + 1 },
});

class ChartCollectionProxy extends CollectionProxy {
  _elements(sheet: FakeSheet): FakeChart[] {
    return [...sheet.charts];
  }
  _item(chart: FakeChart): ProxyBase {
    return new ChartProxy(this._ctx, this, null, { target: chart });
  }
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    return new ChartProxy(this._ctx, this, (sheet: FakeSheet) => {
      sheet.assertAllowed("allowEditObjects", "ChartCollection.add");
      const rt = this._ctx._ensure(sourceData) as RangeTarget;
      const n = sheet.workbook.sheets.reduce((acc, s) => acc + s.charts.length, 0) + 1;
      const chart: FakeChart = {
        id: `{chart-${nextId()}}`,
        name: `Chart ${n}`,
        type,
        sourceAddress: `${quoteSheetName(rt.sheet.name)}!${formatRect(rt.rect)}`,
        seriesBy,
        title: "",
        top: 0,
        left: 0,
        width: 360,
        height: 216,
      };
      sheet.charts.push(chart);
      return chart;
    });
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this._ctx, this, (sheet: FakeSheet) => sheet.charts.find((c) => c.name === name) ?? fail("ItemNotFound", `The requested resource doesn't exist: chart '${name}'.`));
  }
}
defineProxy(ChartCollectionProxy, "ChartCollection", { count: { get: (sheet: FakeSheet) => sheet.charts.length } });

class ChartProxy extends ProxyBase {
  get title(): ChartTitleProxy {
    return this._nav("title", () => new ChartTitleProxy(this._ctx, this, (c) => c));
  }
  setPosition(startCell: string | RangeProxy, endCell?: string | RangeProxy): void {
    const addr = (x: string | RangeProxy | undefined): string | undefined =>
      x === undefined ? undefined : typeof x === "string" ? x : formatRect((this._ctx._ensure(x) as RangeTarget).rect);
    this._method([typeof startCell === "string" ? startCell : null], (chart: FakeChart) => {
      chart.position = { start: addr(startCell)!, end: addr(endCell) };
    });
  }
  delete(): void {
    this._method([], (chart: FakeChart) => {
      for (const s of this._ctx._host.workbook.sheets) {
        const i = s.charts.indexOf(chart);
        if (i >= 0) s.charts.splice(i, 1);
      }
    });
  }
}
const chartNumber = (key: "top" | "left" | "width" | "height"): PropDef => ({
  get: (c: FakeChart) => c[key],
  set: (c: FakeChart, v) => void (c[key] = Number(v)),
});
defineProxy(
  ChartProxy,
  "Chart",
  {
    name: { get: (c: FakeChart) => c.name, set: (c: FakeChart, v) => void (c.name = String(v)) },
    id: { get: (c: FakeChart) => c.id },
    chartType: { get: (c: FakeChart) => c.type, set: (c: FakeChart, v) => void (c.type = String(v)) },
    top: chartNumber("top"),
    left: chartNumber("left"),
    width: chartNumber("width"),
    height: chartNumber("height"),
  },
  ["title"],
);
class ChartTitleProxy extends ProxyBase {}
defineProxy(ChartTitleProxy, "ChartTitle", {
  text: { get: (c: FakeChart) => c.title, set: (c: FakeChart, v) => void (c.title = String(v)) },
  visible: { get: (c: FakeChart) => c.title !== "", set: () => undefined },
});

// ---------------------------------------------------------------------------------------------
// Request context, host, globals
// ---------------------------------------------------------------------------------------------

/** One load of a range's `values` (FakeExcelHost.valueReads). */
export interface FakeValuesRead {
  sheet: string;
  /** A1 address without the sheet. */
  address: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** One round trip as the host saw it. */
export interface FakeSyncRecord {
  index: number;
  /** Serialized size of the queued writes, method calls and loads. */
  payloadBytes: number;
  /** Serialized size of the loaded values sent back. */
  responseBytes: number;
  actionCount: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Application.calculate ran in this sync. */
  calculateRequested?: boolean;
  /** Error code when the sync failed. */
  error?: string;
  /**
   * When Excel's side of the sync ran (performance.now(), ms): work the real Excel does in its own
   * process, which the fake does on the page; the run bench leaves it out of the pane's own figures.
   */
  at?: { start: number; end: number };
}

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** @internal */ _queue: QueuedAction[] = [];
  /** @internal True while a sync executes: objects made then are results, not new actions. */
  _processing = false;
  /** @internal */ _results: SyncResult[] | null = null;
  /** @internal */ _closed = false;

  constructor(readonly _host: FakeExcelHost) {
    // The workbook is a global object in Office.js: no instantiate action for it.
    this.workbook = new WorkbookProxy(this, null, null, { target: _host.workbook });
  }

  get application(): ApplicationProxy {
    return this.workbook.application;
  }

  /** @internal */
  _enqueue(action: QueuedAction): void {
    this._queue.push(action);
  }

  /** @internal Binds an object to what it names in the workbook (the server's object-path resolution). */
  _ensure(obj: ProxyBase): any {
    if (obj._ctx !== this) fail("InvalidArgument", "The object belongs to another request context (InvalidRequestContext).");
    if (!obj._resolved) {
      let target: any;
      const parentTarget = obj._parent ? this._ensure(obj._parent) : undefined;
      if (obj._parent && parentTarget === null) target = null; // a method on a null object yields a null object
      else target = obj._resolver ? obj._resolver(parentTarget) : null;
      obj._resolved = true;
      obj._target = target;
      this._results?.push({ bytes: 8, apply: () => void (obj._isNull = target === null) });
    }
    const t = obj._target;
    const sheet: FakeSheet | undefined = t instanceof FakeSheet ? t : t?.sheet instanceof FakeSheet ? t.sheet : t?.table?.sheet;
    if (sheet?.deleted) fail("ItemNotFound", `The requested resource doesn't exist: worksheet '${sheet.name}' was deleted.`);
    if ((t instanceof FakeTable && t.deleted) || t?.table?.deleted) fail("ItemNotFound", "The requested resource doesn't exist: the table was deleted.");
    return t;
  }

  load<T extends ProxyBase>(obj: T, spec?: unknown): T {
    return obj.load(spec);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this._queue;
    this._queue = [];
    // Office.js sends nothing when nothing is queued.
    if (actions.length === 0) return passThroughValue as T;
    // The request travels to Excel: let other work interleave, as a real round trip does. (Promise
    // hops rather than timers, so tests that fake timers still work.)
    for (let i = 0; i < 3; i++) await Promise.resolve();
    const host = this._host;
    const record: FakeSyncRecord = {
      index: host._syncs.length,
      payloadBytes: 256 + actions.reduce((sum, a) => sum + a.bytes, 0),
      responseBytes: 0,
      actionCount: actions.length,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    host._syncs.push(record);
    if (this._closed) {
      record.error = "InvalidObjectPath";
      fail("InvalidObjectPath", "The object path isn't working for what you're trying to do: the Excel.run batch that created these objects has finished.");
    }
    if (record.payloadBytes > host.requestLimitBytes) {
      record.error = "RequestPayloadSizeLimitExceeded";
      fail("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${record.payloadBytes} bytes > ${host.requestLimitBytes}).`);
    }
    const results: SyncResult[] = [];
    this._results = results;
    this._processing = true;
    host._current = record;
    const at = { start: performance.now(), end: 0 };
    record.at = at;
    try {
      // Excel is not transactional: actions before a failing one stay applied.
      for (const action of actions) action.run(results);
    } catch (e) {
      record.error = e instanceof FakeRichApiError ? e.code : "GeneralException";
      throw e;
    } finally {
      this._processing = false;
      this._results = null;
      host._current = undefined;
      // Excel is not transactional: what a failed batch changed before failing raises its events too.
      host._deliverEvents();
      at.end = performance.now();
    }
    // Sending the loaded values back is Excel's work too; taking them in (apply) is Office.js's, on the page.
    record.responseBytes = results.reduce((sum, r) => sum + r.bytes, 0);
    at.end = performance.now();
    if (record.responseBytes > host.responseLimitBytes) {
      record.error = "ResponsePayloadSizeLimitExceeded";
      fail("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${record.responseBytes} bytes > ${host.responseLimitBytes}).`);
    }
    for (const r of results) r.apply();
    if (record.calculationSuspended) host.workbook.calculationPending = true;
    else if (record.calculateRequested) host.workbook.calculationPending = false;
    return passThroughValue as T;
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The fake Excel application: owns the workbook, counts round trips, builds the globals. */
export class FakeExcelHost {
  /** Largest request Excel accepts (5 MB on the web). */
  requestLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
  /** Largest response Excel sends back (5 MB on the web). */
  responseLimitBytes = DEFAULT_PAYLOAD_LIMIT_BYTES;
  /** Ranges with more cells than this read as null `values` (office-js #4783, #6781); tests lower it to stay small. */
  valuesCellLimit = DEFAULT_VALUES_CELL_LIMIT;
  displayLanguage = "en-US";
  contentLanguage = "en-US";
  platform: "PC" | "OfficeOnline" | "Mac" | "iOS" | "Universal" = "OfficeOnline";
  runCount = 0;
  /**
   * Every successful load of `values`, in order: which sheet and block. Tests add these up to show that a
   * pane start reads only header rows, and that a run reads each input cell once.
   */
  readonly valueReads: FakeValuesRead[] = [];
  /** @internal */ readonly _syncs: FakeSyncRecord[] = [];
  /** @internal */ _current: FakeSyncRecord | undefined;
  /** @internal Event handlers registered through onChanged/onAdded/onDeleted. */
  readonly _handlers: FakeHandler[] = [];
  /** @internal Events raised and not yet delivered. */
  private readonly eventQueue: FakeEventArgs[] = [];
  /** @internal Work under way that settled() waits for (event handlers, custom-function evaluations). */
  private readonly pending = new Set<Promise<unknown>>();
  /** Errors thrown by event handlers (Excel swallows them; tests can look). */
  readonly handlerErrors: unknown[] = [];
  private activeRuns = 0;
  /**
   * Grows with every property write and every method call that returns nothing (what changes the
   * workbook, or which sheet and cell are shown); a batch that only read leaves it as it was.
   */
  revision = 0;
  /** Whether Office reports a touch device (Office.context.touchEnabled: Excel on iPad says true). */
  touchEnabled = false;
  private readonly apiSets = new Map<string, string>([["excelapi", "1.12"]]);
  private readonly observer: FakeWorkbookObserver;

  readonly excel: Record<string, unknown>;
  readonly office: Record<string, unknown>;
  readonly officeExtension: Record<string, unknown>;

  constructor(readonly workbook: FakeWorkbook) {
    this.excel = buildExcelNamespace(this);
    this.office = buildOfficeNamespace(this);
    this.officeExtension = { Error: FakeRichApiError, ErrorCodes: { ...ERROR_CODES }, ClientResult: FakeClientResult };
    this.observer = {
      cellsChanged: (sheet, rect, origin) =>
        this.raise({
          type: "WorksheetChanged",
          worksheetId: sheet.id,
          source: "Local",
          address: formatRect(rect),
          changeType: "RangeEdited",
          triggerSource: origin === "api" ? "ThisLocalAddin" : "Unknown",
        }, sheet),
      sheetAdded: (sheet) => this.raise({ type: "WorksheetAdded", worksheetId: sheet.id, source: "Local" }, sheet),
      sheetDeleted: (sheet) => this.raise({ type: "WorksheetDeleted", worksheetId: sheet.id, source: "Local" }, sheet),
    };
    workbook.observers.add(this.observer);
  }

  /** Stops raising events for this host's workbook (installFakeExcel does it when a newer host takes over). */
  dispose(): void {
    this.workbook.observers.delete(this.observer);
  }

  /** @internal Records a values load (see valueReads). */
  _noteValuesRead(sheet: FakeSheet, rect: Rect): void {
    this.valueReads.push({ sheet: sheet.name, address: formatRect(rect), rowIndex: rect.r0, columnIndex: rect.c0, rowCount: rect.nr, columnCount: rect.nc });
  }

  /** Cells whose values were loaded, per sheet name, since the last resetSyncs(). */
  cellsRead(): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.valueReads) out.set(r.sheet, (out.get(r.sheet) ?? 0) + r.rowCount * r.columnCount);
    return out;
  }

  /** @internal Queues an event for every handler that listens to it; delivered after the current sync. */
  private raise(args: FakeEventArgs, sheet: FakeSheet): void {
    const wanted = this._handlers.some((h) => !h.removed && h.type === args.type && (h.sheet === null || h.sheet === sheet));
    if (!wanted) return;
    this.eventQueue.push(args);
    // During a sync the events go out once it ends (Excel raises them after the batch); otherwise now.
    if (!this._current) this._deliverEvents();
  }

  /** @internal Delivers queued events, each handler in its own task, as Excel does (never inside a batch). */
  _deliverEvents(): void {
    const events = this.eventQueue.splice(0);
    for (const args of events) {
      for (const h of [...this._handlers]) {
        if (h.removed || h.type !== args.type) continue;
        if (h.sheet !== null && h.sheet.id !== args.worksheetId) continue;
        this.track(
          (async () => {
            for (let i = 0; i < 3; i++) await Promise.resolve();
            await h.handler({ ...args });
          })().catch((e: unknown) => void this.handlerErrors.push(e)),
        );
      }
    }
  }

  /** Keeps `work` in view until it settles: settled() waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => void this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * Resolves once nothing is under way: no Excel.run batch, no event handler, no custom-function
   * evaluation, and nothing new started for a few rounds of the microtask queue. Tests await it after an
   * edit before looking at results that arrive asynchronously (events, custom functions).
   */
  async settled(): Promise<void> {
    let quiet = 0;
    for (let round = 0; quiet < 3; round++) {
      if (round > 100_000) throw new Error("the fake Excel host does not settle: something keeps starting new work");
      for (let i = 0; i < 10; i++) await Promise.resolve();
      if (this.pending.size > 0) {
        quiet = 0;
        await Promise.allSettled([...this.pending]);
      } else if (this.activeRuns > 0 || this.eventQueue.length > 0) quiet = 0;
      else quiet++;
    }
  }

  /**
   * A person edits cells: `values` (one value for every cell, or rows matching `address`) goes in as typed
   * ("=…" becomes a formula, "1,234" a number), outside any add-in batch. Raises the change events an edit
   * raises (triggerSource "Unknown") and recalculates; resolves once everything that follows has settled.
   */
  async userEdit(sheet: string, address: string, values: unknown): Promise<void> {
    const s = this.workbook.sheet(sheet);
    writeCells({ sheet: s, rect: parseRef(address) }, values, "values", "user");
    await this.settled();
  }

  /** Every sync that reached the host (syncs with nothing queued send nothing and are not listed). */
  get syncs(): readonly FakeSyncRecord[] {
    return this._syncs;
  }

  get syncCount(): number {
    return this._syncs.length;
  }

  /** Largest request payload seen so far. */
  get maxPayloadBytes(): number {
    return this._syncs.reduce((m, s) => Math.max(m, s.payloadBytes), 0);
  }

  resetSyncs(): void {
    this._syncs.length = 0;
    this.valueReads.length = 0;
  }

  /** Sets the highest supported version of an API set ("ExcelApi", "1.7"), or null to drop it. */
  setApiSupport(name: string, maxVersion: string | null): void {
    if (maxVersion === null) this.apiSets.delete(name.toLowerCase());
    else this.apiSets.set(name.toLowerCase(), maxVersion);
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    const max = this.apiSets.get(String(name).toLowerCase());
    return max !== undefined && compareVersions(String(version), max) <= 0;
  }

  /** @internal Office.js checks API sets on the client and throws ApiNotFound at the call. */
  _requireApi(member: string, version: string): void {
    if (!this.isSetSupported("ExcelApi", version)) {
      fail("ApiNotFound", `The API you are trying to use could not be found. ${member} requires ExcelApi ${version}.`, member);
    }
  }

  /** @internal */
  _markCurrentSync(flag: "calculationSuspended" | "screenUpdatingSuspended"): void {
    if (this._current) this._current[flag] = true;
  }

  /** Runs a batch like Excel.run; also reachable as the global `Excel.run`. */
  async run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1];
    if (typeof batch !== "function") fail("InvalidArgument", "Excel.run needs a batch function.");
    this.runCount += 1;
    this.activeRuns += 1;
    // Excel.run(object, batch): the batch continues the request context of an earlier batch (how an
    // EventHandlerResult is removed); otherwise a new context.
    const earlier = args.length > 1 ? args[0] : undefined;
    const reused = earlier instanceof FakeRequestContext ? earlier : earlier instanceof ProxyBase ? earlier._ctx : null;
    if (reused && reused._host !== this) fail("InvalidArgument", "The object belongs to another Excel host.");
    const ctx = reused ?? new FakeRequestContext(this);
    ctx._closed = false;
    try {
      const pending = (batch as (c: FakeRequestContext) => unknown)(ctx);
      if (!pending || typeof (pending as PromiseLike<T>).then !== "function") {
        fail("RunMustReturnPromise", 'The batch function passed to the ".run" method didn\'t return a promise.');
      }
      const result = await (pending as PromiseLike<T>);
      // Excel.run syncs whatever is still queued when the batch resolves.
      await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
      this.activeRuns -= 1;
    }
  }
}

const ERROR_CODES = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidObjectPath: "InvalidObjectPath",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
};

function buildExcelNamespace(host: FakeExcelHost): Record<string, unknown> {
  return {
    run: (...args: unknown[]) => host.run(...args),
    RequestContext: FakeRequestContext,
    ErrorCodes: { ...ERROR_CODES },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
    RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error" },
    DataValidationType: { none: "None", wholeNumber: "WholeNumber", decimal: "Decimal", list: "List", date: "Date", time: "Time", textLength: "TextLength", custom: "Custom", inconsistent: "Inconsistent", mixedCriteria: "MixedCriteria" },
    ConditionalFormatType: { custom: "Custom", dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet", topBottom: "TopBottom", presetCriteria: "PresetCriteria", containsText: "ContainsText", cellValue: "CellValue" },
    ConditionalCellValueOperator: { invalid: "Invalid", between: "Between", notBetween: "NotBetween", equalTo: "EqualTo", notEqualTo: "NotEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan", greaterThanOrEqual: "GreaterThanOrEqual", lessThanOrEqual: "LessThanOrEqual" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line", pie: "Pie", xyscatter: "XYScatter", area: "Area" },
  };
}

function buildOfficeNamespace(host: FakeExcelHost): Record<string, unknown> {
  const info = (): { host: string; platform: string } => ({ host: "Excel", platform: host.platform });
  return {
    context: {
      requirements: { isSetSupported: (name: string, version?: string) => host.isSetSupported(name, version) },
      get displayLanguage() {
        return host.displayLanguage;
      },
      get contentLanguage() {
        return host.contentLanguage;
      },
      get platform() {
        return host.platform;
      },
      get touchEnabled() {
        return host.touchEnabled;
      },
      host: "Excel",
      diagnostics: { host: "Excel", get platform() {
        return host.platform;
      }, version: "16.0.0.0" },
    },
    onReady: (callback?: (i: { host: string; platform: string }) => void) => {
      callback?.(info());
      return Promise.resolve(info());
    },
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
  };
}

const GLOBAL_NAMES = ["Excel", "Office", "OfficeExtension"] as const;
let saved: Record<string, { had: boolean; value: unknown }> | null = null;
let installed: FakeExcelHost | null = null;

/**
 * Installs the fake as the globals `Excel`, `Office` and `OfficeExtension` and returns its host.
 * Installing again replaces the previous fake; `uninstallFakeExcel` restores what was there before.
 */
export function installFakeExcel(workbook: FakeWorkbook = FakeWorkbook.empty()): FakeExcelHost {
  const g = globalThis as Record<string, unknown>;
  if (!saved) {
    saved = {};
    for (const name of GLOBAL_NAMES) saved[name] = { had: name in g, value: g[name] };
  }
  installed?.dispose();
  const host = new FakeExcelHost(workbook);
  g.Excel = host.excel;
  g.Office = host.office;
  g.OfficeExtension = host.officeExtension;
  installed = host;
  return host;
}

export function uninstallFakeExcel(): void {
  installed?.dispose();
  const g = globalThis as Record<string, unknown>;
  if (saved) {
    for (const name of GLOBAL_NAMES) {
      if (saved[name].had) g[name] = saved[name].value;
      else delete g[name];
    }
  }
  saved = null;
  installed = null;
}

/** The host most recently installed, if any. */
export function currentFakeExcel(): FakeExcelHost | null {
  return installed;
}
