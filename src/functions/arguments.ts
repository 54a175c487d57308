/**
 * Reading custom-function arguments as Excel hands them over. Each reader returns the value, or a
 * FunctionIssue saying why the argument cannot be used; on success nothing is allocated, since these
 * run once per cell and a sheet may hold 10,000 cells.
 *
 * How Excel passes "nothing": an omitted optional argument arrives as null or undefined; a reference to
 * an empty cell arrives as null in Excel on the web and as 0 in Excel on Windows and Mac. So a blank is
 * null, undefined or "", and where 0 cannot be a real value (satisfaction, a tier table, a mode) 0 counts
 * as blank too, so a formula gives the same result on every platform.
 */
import { isBlank, parseBool, parseNumberCell } from "../engine/cells";
import type { CategoryCents } from "../engine/incentives/components";
import { isTierProblem, parseTiers, tiersFromRows, type CommissionMode, type Tier, type TierProblem } from "../engine/incentives/tiers";
import type { Cell } from "../engine/table";
import type { ArgumentName, FunctionIssue } from "./messages";

const EXCEL_ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

/** Largest amount (currency units) whose cents are still exact integers in a double. */
const MAX_AMOUNT = Number.MAX_SAFE_INTEGER / 100;

/**
 * An Excel error in a cell: a CustomFunctions.Error-like object with an error code, or its text.
 * @example excelErrorOf("#N/A") // "#N/A"
 * @example excelErrorOf("#1 seller") // null
 */
export function excelErrorOf(cell: unknown): string | null {
  if (typeof cell === "string") return EXCEL_ERROR_TEXT.test(cell) ? cell : null;
  if (typeof cell === "object" && cell !== null && !Array.isArray(cell)) {
    if ("code" in cell) {
      const code = (cell as { code: unknown }).code;
      return typeof code === "string" ? code : "#VALUE!";
    }
    // A data-type error value ({ type: "Error", basicValue: "#N/A", … }).
    if ((cell as { type?: unknown }).type === "Error") {
      const text = (cell as { basicValue?: unknown }).basicValue;
      return typeof text === "string" ? text : "#VALUE!";
    }
  }
  return null;
}

/**
 * The plain value of a cell. The metadata allows data types for "any" parameters, so a formatted number
 * or an entity may arrive as an object ({ type: "Double", basicValue: 5, numberFormat: "0%" }): its
 * basicValue is what the cell shows. Errors stay objects for excelErrorOf.
 * @example basicValueOf({ type: "Double", basicValue: 5 }) // 5
 */
export function basicValueOf(cell: unknown): unknown {
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return cell;
  const c = cell as { type?: unknown; basicValue?: unknown };
  return c.type !== "Error" && "basicValue" in c ? c.basicValue : cell;
}

/** Whether a reader's result is an issue (values are numbers, strings, null or arrays). */
export function isIssue(x: unknown): x is FunctionIssue {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Omitted, or an empty cell as Excel on the web passes it. */
function isBlankArgument(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** A 1×1 range as the value it holds (Excel passes a single cell to a matrix parameter as [[value]]), as a plain value. */
export function scalarOf(value: unknown): unknown {
  return basicValueOf(Array.isArray(value) && value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : value);
}

/**
 * A number argument: a finite number, or text that reads as one the way people type numbers
 * ("1,234", "¥1,234", "1.2万"). Percentages are refused here: no argument read this way is a rate.
 *
 * @returns the number, null when blank, or the issue
 * @example numberArgument("1,234", "sales") // 1234
 * @example numberArgument("abc", "sales") // { code: "argumentNotNumber", argument: "sales", value: "abc" }
 */
export function numberArgument(value: unknown, argument: ArgumentName): number | null | FunctionIssue {
  const v = scalarOf(value);
  if (typeof v === "number") return Number.isFinite(v) ? v : { code: "argumentNotNumber", argument, value: String(v) };
  if (isBlankArgument(v)) return null;
  const error = excelErrorOf(v);
  if (error !== null) return { code: "argumentError", argument, error };
  if (typeof v === "string") {
    const parsed = parseNumberCell(v);
    if (parsed && !parsed.percent) return parsed.value;
  }
  return { code: "argumentNotNumber", argument, value: String(v) };
}

/**
 * A non-negative amount of money in currency units, as integer cents (the engine's unit).
 *
 * @returns the cents, null when blank, or the issue
 * @example centsArgument(1234.56, "sales") // 123456
 */
export function centsArgument(value: unknown, argument: ArgumentName): number | null | FunctionIssue {
  const n = numberArgument(value, argument);
  if (n === null || isIssue(n)) return n;
  if (n < 0) return { code: "argumentNegative", argument, value: n };
  if (n > MAX_AMOUNT) return { code: "argumentTooLarge", argument, value: n };
  return Math.round(n * 100);
}

/**
 * A count (new accounts won): a non-negative whole number; blank is 0.
 * @example countArgument(undefined, "newAccounts") // 0
 */
export function countArgument(value: unknown, argument: ArgumentName): number | FunctionIssue {
  const n = numberArgument(value, argument);
  if (n === null) return 0;
  if (isIssue(n)) return n;
  if (n < 0) return { code: "argumentNegative", argument, value: n };
  if (!Number.isInteger(n)) return { code: "argumentNotWhole", argument, value: n };
  if (n > MAX_AMOUNT) return { code: "argumentTooLarge", argument, value: n };
  return n;
}

/**
 * Customer satisfaction on the 1–5 scale; blank or 0 means unknown (no retention bonus).
 * @example satisfactionArgument(4.5) // 4.5
 * @example satisfactionArgument(0) // null
 */
export function satisfactionArgument(value: unknown): number | null | FunctionIssue {
  const n = numberArgument(value, "satisfaction");
  if (n === null || isIssue(n)) return n;
  if (n === 0) return null;
  if (n < 1 || n > 5) return { code: "satisfactionOutOfRange", value: n };
  return n;
}

/**
 * A yes/no argument: TRUE/FALSE, 1/0, or text the sheets use (Y/N, 是/否); blank is false.
 * @example booleanArgument("TRUE", "sample") // true
 * @example booleanArgument(undefined, "sample") // false
 */
export function booleanArgument(value: unknown, argument: ArgumentName): boolean | FunctionIssue {
  const v = scalarOf(value);
  if (isBlankArgument(v)) return false;
  const error = excelErrorOf(v);
  if (error !== null) return { code: "argumentError", argument, error };
  const b = typeof v === "boolean" || typeof v === "number" || typeof v === "string" ? parseBool(v) : undefined;
  return typeof b === "boolean" ? b : { code: "argumentNotBoolean", argument, value: String(v) };
}

const MODES = new Map<string, CommissionMode>([
  ["marginal", "marginal"],
  ["累进", "marginal"],
  ["超额累进", "marginal"],
  ["超额", "marginal"],
  ["retroactive", "retroactive"],
  ["全额", "retroactive"],
  ["全额累进", "retroactive"],
]);

/**
 * How tiers apply: "marginal" (also 累进, 超额累进) or "retroactive" (also 全额, 全额累进), any case;
 * blank is marginal.
 * @example modeArgument(" Retroactive ") // "retroactive"
 */
export function modeArgument(value: unknown): CommissionMode | FunctionIssue {
  const v = scalarOf(value);
  if (isBlankArgument(v) || v === 0) return "marginal";
  const error = excelErrorOf(v);
  if (error !== null) return { code: "argumentError", argument: "mode", error };
  const mode = typeof v === "string" ? MODES.get(v.trim().toLowerCase()) : undefined;
  return mode ?? { code: "unknownMode", value: String(v) };
}

/** Tier tables read from ranges, by a key of the cells' types and values (Excel hands over a new array per call). */
const rangeCache = new Map<string, Tier[] | TierProblem>();
const RANGE_CACHE_LIMIT = 1000;

function tierIssue(problem: TierProblem): FunctionIssue {
  return { code: "tiersInvalid", problem: problem.code, part: problem.part };
}

/** Blank in a tier range: empty, or 0 when Excel on Windows passes an empty cell as 0. */
function isBlankTierCell(cell: unknown, zeroIsBlank: boolean): boolean {
  return isBlankArgument(cell) || (zeroIsBlank && cell === 0);
}

/** A header row such as "From | Rate": text in both cells, neither a number. */
function isHeaderRow(row: readonly unknown[]): boolean {
  return row.every((c) => typeof c === "string" && !isBlank(c) && parseNumberCell(c) === undefined);
}

/** The (from, rate) rows of a two-column range: an optional header row, blank rows and trailing 0|0 rows dropped. */
function tierRows(range: readonly (readonly unknown[])[]): [unknown, unknown][] {
  let end = range.length;
  // Trailing rows that are blank, or 0 | 0 as Windows Excel passes empty cells; a lone 0 | 0 row stays (0% from 0).
  while (end > 1 && isBlankTierCell(range[end - 1][0], true) && isBlankTierCell(range[end - 1][1], true)) end--;
  const rows: [unknown, unknown][] = [];
  for (let r = 0; r < end; r++) {
    const row = range[r];
    if (r === 0 && isHeaderRow(row)) continue;
    if (isBlankTierCell(row[0], false) && isBlankTierCell(row[1], false)) continue;
    rows.push([row[0], row[1]]);
  }
  return rows;
}

function rangeKey(range: readonly (readonly unknown[])[]): string {
  let key = "";
  for (const row of range) {
    for (const raw of row) {
      const cell = basicValueOf(raw);
      const tag = typeof cell === "string" ? "s" : typeof cell === "number" ? "n" : excelErrorOf(cell) !== null ? "e" : "o";
      key += `${tag}${tag === "e" ? excelErrorOf(cell) : String(cell)}\u0001`;
    }
  }
  return key;
}

/**
 * A tier table argument: the settings' text ("0:3%; 100000:5%; 200000:8%") in one cell, or a two-column
 * range of (from, rate) rows. Text is parsed once per distinct text (parseTiers caches), a range once per
 * distinct contents.
 *
 * @returns the tiers, null when blank (the plan's tiers apply), or the issue
 * @example tiersArgument([["0:3%; 100000:5%"]]) // [{ fromCents: 0, rate: 0.03 }, { fromCents: 10000000, rate: 0.05 }]
 * @example tiersArgument([[0, 0.03], [100000, "5%"]]) // the same tiers
 */
export function tiersArgument(value: unknown): Tier[] | null | FunctionIssue {
  const v = scalarOf(value);
  if (!Array.isArray(v)) {
    if (isBlankArgument(v) || v === 0) return null;
    const error = excelErrorOf(v);
    if (error !== null) return { code: "argumentError", argument: "tiers", error };
    if (typeof v !== "string") return { code: "tiersShape", rows: 1, columns: 1 };
    const tiers = parseTiers(v);
    return isTierProblem(tiers) ? tierIssue(tiers) : tiers;
  }
  const range = v as unknown[];
  const columns = range.length > 0 && Array.isArray(range[0]) ? (range[0] as unknown[]).length : 0;
  if (columns !== 2 || !range.every((row) => Array.isArray(row) && row.length === 2)) return { code: "tiersShape", rows: range.length, columns };
  const rows = range as readonly (readonly unknown[])[];
  const key = rangeKey(rows);
  let tiers = rangeCache.get(key);
  if (tiers === undefined) {
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < 2; c++) {
        const error = excelErrorOf(rows[r][c]);
        if (error !== null) return { code: "errorValue", row: r + 1, column: c + 1, error };
      }
    }
    tiers = tiersFromRows(tierRows(rows.map((row) => row.map(basicValueOf))) as [Cell, Cell][]);
    if (rangeCache.size >= RANGE_CACHE_LIMIT) rangeCache.clear();
    rangeCache.set(key, tiers);
  }
  return isTierProblem(tiers) ? tierIssue(tiers) : tiers;
}

const NO_CATEGORIES: CategoryCents[] = [];

/**
 * A two-column range of category and amount (a Category/Product and its sales): rows without a category
 * are skipped, an optional header row too; the same category twice adds up. Blank is no categories.
 *
 * @returns the categories' sales in cents, or the issue
 * @example categoriesArgument([["Category", "Sales"], ["Services", 20000], ["Freight", "5,000"]], "categorySales")
 *   // [{ category: "Services", cents: 2000000 }, { category: "Freight", cents: 500000 }]
 */
export function categoriesArgument(value: unknown, argument: ArgumentName): CategoryCents[] | FunctionIssue {
  if (!Array.isArray(value) || (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1)) {
    const v = scalarOf(value);
    if (isBlankArgument(v) || v === 0) return NO_CATEGORIES;
    const error = excelErrorOf(v);
    if (error !== null) return { code: "argumentError", argument, error };
    return { code: "rangeShape", argument, rows: 1, columns: 1 };
  }
  const rows = value as unknown[];
  const columns = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 0;
  if (columns !== 2 || !rows.every((row) => Array.isArray(row) && row.length === 2)) return { code: "rangeShape", argument, rows: rows.length, columns };
  const byCategory = new Map<string, CategoryCents>();
  for (let r = 0; r < rows.length; r++) {
    const [rawCategory, rawAmount] = (rows[r] as unknown[]).map(basicValueOf);
    for (let c = 0; c < 2; c++) {
      const error = excelErrorOf(c === 0 ? rawCategory : rawAmount);
      if (error !== null) return { code: "errorValue", row: r + 1, column: c + 1, error };
    }
    if (isBlankArgument(rawCategory) || rawCategory === 0) continue;
    if (r === 0 && isHeaderRow([rawCategory, rawAmount])) continue;
    let amount: number | undefined;
    if (typeof rawAmount === "number") amount = rawAmount;
    else if (isBlankArgument(rawAmount)) amount = 0;
    else if (typeof rawAmount === "string") {
      const parsed = parseNumberCell(rawAmount);
      if (parsed && !parsed.percent) amount = parsed.value;
    }
    if (amount === undefined || !Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) return { code: "rangeAmount", argument, row: r + 1, value: String(rawAmount) };
    const category = String(rawCategory).trim();
    const key = category.toLowerCase();
    const seen = byCategory.get(key);
    if (seen) seen.cents += Math.round(amount * 100);
    else byCategory.set(key, { category, cents: Math.round(amount * 100) });
  }
  return byCategory.size ? [...byCategory.values()] : NO_CATEGORIES;
}
