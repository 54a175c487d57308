/**
 * Excel custom functions (=FAIRSHARE.…), thin wrappers over engine functions.
 *
 * Each function has a `…Core` that takes plain values and returns a result as data, so it runs in
 * node; the wrapper only translates: issue → CustomFunctions.Error with a localized message.
 *
 * Registration: custom-functions-metadata-plugin reads the JSDoc below at build time, writes
 * functions.json and appends `CustomFunctions.associate("<ID>", <function>)` for every
 * `@customfunction` to this module in the bundle (office.js defines `CustomFunctions.associate`
 * before this script runs). Do not associate by hand: a second association only logs a warning.
 * Imported in node (tests), this module has no side effects.
 */
import { gini } from "../engine/fairness";
import { functionLocale, functionMessage, type FunctionIssue } from "./messages";

/** The part of the custom-functions runtime used here (the @types package is not a dependency). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string };
}
declare const CustomFunctions: CustomFunctionsRuntime;

/** A result as data: the value, or the first issue that prevents computing it. */
export type CoreResult<T> = { ok: true; value: T } | { ok: false; issue: FunctionIssue };

const EXCEL_ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!)$/;

/** An Excel error in a cell: a CustomFunctions.Error-like object with an error code, or its text. */
function excelErrorOf(cell: unknown): string | null {
  if (typeof cell === "string") return EXCEL_ERROR_TEXT.test(cell) ? cell : null;
  if (typeof cell === "object" && cell !== null && "code" in cell) {
    const code = (cell as { code: unknown }).code;
    return typeof code === "string" ? code : "#VALUE!";
  }
  return null;
}

/**
 * The numbers of a range, the way Excel's statistical functions read a reference: blanks, text and
 * logical values are skipped; an error in any cell, a negative number or a non-finite number is an issue.
 *
 * @param range - the cells as Excel hands them over (rows of values; blanks may be null, undefined or "")
 * @returns the numbers in row order, or the first issue found
 * @example
 * nonNegativeNumbersCore([[1, ""], [null, "x"], [true, 3]]) // { ok: true, value: [1, 3] }
 */
export function nonNegativeNumbersCore(range: readonly (readonly unknown[])[]): CoreResult<number[]> {
  const numbers: number[] = [];
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const error = excelErrorOf(cell);
      if (error !== null) return { ok: false, issue: { code: "errorValue", row: r + 1, column: c + 1, error } };
      if (typeof cell !== "number") continue;
      if (!Number.isFinite(cell)) return { ok: false, issue: { code: "notFinite", row: r + 1, column: c + 1 } };
      if (cell < 0) return { ok: false, issue: { code: "negativeValue", row: r + 1, column: c + 1, value: cell } };
      numbers.push(cell);
    }
  }
  return { ok: true, value: numbers };
}

/**
 * The Gini coefficient of the numbers in a range (see `gini` in the engine), or the issue that
 * prevents it. An empty range, or one with only blanks and text, gives 0.
 *
 * @example
 * giniCore([[0], [0], [0], [4]]) // { ok: true, value: 0.75 }
 * giniCore([[1], [-2]])          // { ok: false, issue: { code: "negativeValue", row: 2, column: 1, value: -2 } }
 */
export function giniCore(range: readonly (readonly unknown[])[]): CoreResult<number> {
  const numbers = nonNegativeNumbersCore(range);
  return numbers.ok ? { ok: true, value: gini(numbers.value) } : numbers;
}

/** The Excel display language when running inside Office, otherwise undefined. */
function displayLanguage(): string | undefined {
  return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
}

/** Returns the value, or throws the issue as #VALUE! with a message in Excel's display language. */
function unwrap<T>(result: CoreResult<T>): T {
  if (result.ok) return result.value;
  throw new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    functionMessage(result.issue, functionLocale(displayLanguage()))
  );
}

/**
 * Gini coefficient of the numbers in a range: 0 when everyone has the same, near 1 when one has everything. Blanks and text are ignored.
 * @customfunction GINI
 * @param values Range of non-negative numbers, one per person (for example portfolio values).
 * @returns The Gini coefficient, between 0 and 1.
 */
// `any[][]` (metadata type "any"), not number[][]: Excel would refuse a range holding blanks or text
// with #VALUE! before calling; this way they arrive and are skipped as SUM or AVERAGE would.
export function giniFunction(values: any[][]): number {
  return unwrap(giniCore(values));
}
