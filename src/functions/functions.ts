/**
 * Excel custom functions (=FAIRSHARE.…), thin wrappers over engine functions.
 *
 * Each function has a `…Core` that takes plain values and returns a result as data, so it runs in
 * node (giniCore here; tieredCore, incentiveRequestCore/incentiveCore/breakdownCore in incentive.ts;
 * scoreCore in scorecard.ts); the wrapper only translates: issue → CustomFunctions.Error with a
 * localized message. Workbook reads (settings, scorecard) go through workbookData.ts, which uses the
 * Office adapter and caches them. INCENTIVE, BREAKDOWN and SCORE are streaming: liveResults.ts sends them
 * fresh results whenever the settings or scorecard sheets change (Excel would not recalculate them).
 *
 * Registration: custom-functions-metadata-plugin reads the JSDoc below at build time, writes
 * functions.json and appends `CustomFunctions.associate("<ID>", <function>)` for every
 * `@customfunction` to this module in the bundle (office.js defines `CustomFunctions.associate`
 * before this script runs). Do not associate by hand: a second association only logs a warning.
 * Imported in node (tests), this module has no side effects.
 */
import { gini } from "../engine/fairness";
import { booleanArgument, countArgument, excelErrorOf, isIssue, numberArgument } from "./arguments";
import { breakdownCore, incentiveCore, incentiveRequestCore, tieredCore } from "./incentive";
import { functionLocale, functionMessage, type FunctionIssue, type FunctionLocale } from "./messages";
import { failed, type CoreResult } from "./result";
import { follow, type LiveSource } from "./liveResults";
import { scoreCore } from "./scorecard";
import { workbookPlan, workbookScorecard } from "./workbookData";

export type { CoreResult } from "./result";

/**
 * The part of the custom-functions runtime used here (the @types package is not a dependency). The metadata
 * generator recognises a streaming function by its last parameter's type name, CustomFunctions.StreamingInvocation.
 */
declare namespace CustomFunctions {
  class Error extends globalThis.Error {
    constructor(code: string, message?: string);
    readonly code: string;
  }
  const ErrorCode: { invalidValue: string; notAvailable: string };
  interface StreamingInvocation<T> {
    setResult(value: T | Error): void;
    onCanceled?: () => void;
  }
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
 * The numbers of a range without the zeros Excel made of its blank cells, given how many numbers the range
 * really holds (`count`, as Excel's COUNT gives it: numbers only, never blanks). Older desktop builds hand a
 * blank cell to a custom function as 0 (office-js #4702, #5262), which a function cannot tell from a real 0;
 * COUNT is Excel's own, so it counts right on every build, and the surplus can only be those zeros.
 *
 * @example withoutBlankZeros([0, 0, 0, 4, 0], 4) // { ok: true, value: [0, 0, 4, 0] } — one zero was a blank
 * @example withoutBlankZeros([1, 2], 3) // { ok: false, issue: { code: "countAboveValues", count: 3, found: 2 } }
 */
export function withoutBlankZeros(numbers: readonly number[], count: number): CoreResult<number[]> {
  const surplus = numbers.length - count;
  if (surplus < 0) return failed({ code: "countAboveValues", count, found: numbers.length });
  if (surplus === 0) return { ok: true, value: [...numbers] };
  const zeros = numbers.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
  if (zeros < surplus) return failed({ code: "countBelowValues", count, found: numbers.length - zeros });
  let drop = surplus;
  return { ok: true, value: numbers.filter((x) => !(x === 0 && drop-- > 0)) };
}

/**
 * The Gini coefficient of the numbers in a range (see `gini` in the engine), or the issue that
 * prevents it. An empty range, or one with only blanks and text, gives 0. With `count` (COUNT of the same
 * range) blanks an older Excel passed as 0 are dropped first (see withoutBlankZeros).
 *
 * @example
 * giniCore([[0], [0], [0], [4]]) // { ok: true, value: 0.75 }
 * giniCore([[1], [-2]])          // { ok: false, issue: { code: "negativeValue", row: 2, column: 1, value: -2 } }
 * giniCore([[0], [0], [0], [4]], true) // { ok: true, value: 1 } (sample: × n / (n − 1))
 * giniCore([[0], [0], [0], [4], [0]], null, 4) // { ok: true, value: 0.75 } (the fifth 0 was a blank cell)
 */
export function giniCore(range: readonly (readonly unknown[])[], sample?: unknown, count?: unknown): CoreResult<number> {
  const numbers = nonNegativeNumbersCore(range);
  if (!numbers.ok) return numbers;
  const asSample = booleanArgument(sample, "sample");
  if (isIssue(asSample)) return failed(asSample);
  let values = numbers.value;
  if (numberArgument(count, "count") !== null) {
    const n = countArgument(count, "count");
    if (isIssue(n)) return failed(n);
    const kept = withoutBlankZeros(values, n);
    if (!kept.ok) return kept;
    values = kept.value;
  }
  return { ok: true, value: gini(values, asSample) };
}

/** The Excel display language when running inside Office, otherwise undefined. */
function displayLanguage(): string | undefined {
  return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
}

function locale(): FunctionLocale {
  return functionLocale(displayLanguage());
}

/** Issues meaning "the workbook has no such data (yet)": #N/A. Every other issue is a bad argument or setting: #VALUE!. */
const NOT_AVAILABLE: ReadonlySet<FunctionIssue["code"]> = new Set<FunctionIssue["code"]>([
  "sheetUnreadable",
  "workbookUnreadable",
  "workbookBusy",
  "noScorecard",
  "scorecardNoHeader",
  "unknownRep",
  "duplicateRep",
  "noScore",
]);

/** The issue as #VALUE! or #N/A with a message in Excel's display language. */
function excelError(issue: FunctionIssue): CustomFunctions.Error {
  const code = NOT_AVAILABLE.has(issue.code) ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, functionMessage(issue, locale()));
}

/** Throws the issue as #VALUE! or #N/A with a message in Excel's display language. */
function fail(issue: FunctionIssue): never {
  throw excelError(issue);
}

/**
 * Streams `compute()`'s value into the cell, again whenever `source` changes (liveResults.ts). Anything
 * `compute` throws that is not already an Excel error becomes #VALUE! with its message.
 */
function stream<T>(invocation: CustomFunctions.StreamingInvocation<T>, source: LiveSource, compute: () => Promise<T>): void {
  follow(invocation, source, async () => {
    try {
      return await compute();
    } catch (error) {
      if (error instanceof CustomFunctions.Error) throw error;
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error instanceof globalThis.Error ? error.message : String(error));
    }
  });
}

/** Returns the value, or throws the issue as an Excel error. */
function unwrap<T>(result: CoreResult<T>): T {
  if (result.ok) return result.value;
  return fail(result.issue);
}

/**
 * Gini coefficient of the numbers in a range: 0 when everyone has the same, near 1 when one has everything. Blanks and text are ignored.
 * @customfunction GINI
 * @param values Range of non-negative numbers, one per person (for example portfolio values).
 * @param sample TRUE for the sample (unbiased) Gini, the population Gini × n / (n − 1); FALSE or empty for the population Gini.
 * @param count COUNT of the same range, for example COUNT(A2:A50): then blank cells count as blanks even where Excel passes them as 0.
 * @returns The Gini coefficient, between 0 and 1.
 */
// `any[][]` (metadata type "any"), not number[][]: Excel would refuse a range holding blanks or text
// with #VALUE! before calling; this way they arrive and are skipped as SUM or AVERAGE would.
export function giniFunction(values: any[][], sample?: any, count?: any): number {
  return unwrap(giniCore(values, sample, count));
}

/**
 * Commission on an amount from a tier table, rounded to cents. Marginal: each tier's rate applies to the part of the amount inside that tier; retroactive: the rate of the highest tier reached applies to the whole amount.
 * @customfunction TIERED
 * @param amount Amount the commission is paid on, for example the period's sales (0 or more).
 * @param tiers Tier table: text such as "0:3%; 100000:5%; 200000:8%", or a two-column range of from-amounts and rates.
 * @param mode "marginal" (the default) or "retroactive".
 * @returns The commission.
 */
// Arguments are `any` so that text, blanks and wrong types reach the core and get a message, rather
// than Excel's bare #VALUE!. A single cell given for `tiers` arrives as [[value]].
export function tieredFunction(amount: any, tiers: any[][], mode?: any): number {
  return unwrap(tieredCore(amount, tiers, mode));
}

/**
 * A rep's incentive under the workbook's plan (the Fairshare Settings sheet, or the default plan): every component one cell can compute (all but the team bonus).
 * @customfunction INCENTIVE
 * @param sales Sales credited to the rep in the incentive window, before refunds.
 * @param quota The rep's quota for the window; 0 or empty when there is none.
 * @param [tiers] Commission tiers to use instead of the plan's: text such as "0:3%; 100000:5%", or a two-column range of from-amounts and rates.
 * @param [newAccounts] Number of new accounts the rep won in the window.
 * @param [retainedSales] Sales from the rep's retained accounts in the window.
 * @param [satisfaction] The rep's customer satisfaction, 1 to 5; empty when unknown (then no retention bonus).
 * @param [handoverCredit] Sales credit the rep receives as the former owner of accounts handed over (handover split).
 * @param [refunds] Refunds in the window, as a positive amount, taken off sales; with clawback on they take back commission.
 * @param [spifAccounts] Number of won accounts that meet the SPIF's criteria (category, size, dates); each earns spifBonus.
 * @param [draw] The rep's draw against commission for the window; earnings below it are topped up.
 * @param [drawBalance] Unrecovered draw carried into the window (recoverable draws).
 * @param [categorySales] Two-column range of category and sales (part of sales); categories with a rate.<category> setting earn that rate instead of the tiers.
 * @param invocation Where the result goes, now and after every change to the settings.
 * @returns The total incentive.
 */
// Streaming: the result is sent again whenever the settings sheet changes (liveResults.ts). Optional
// parameters are marked in the JSDoc ([tiers]) because a required invocation parameter follows them.
// The arguments after tiers are the incentive components' (CELL_ARGUMENTS, in the registry's order; a test keeps the two in step).
export function incentiveFunction(sales: any, quota: any, tiers: any[][], newAccounts: any, retainedSales: any, satisfaction: any, handoverCredit: any, refunds: any, spifAccounts: any, draw: any, drawBalance: any, categorySales: any[][], invocation: CustomFunctions.StreamingInvocation<number>): void {
  // Arguments first: a bad one is reported without waiting for the workbook.
  const request = incentiveRequestCore(sales, quota, tiers, newAccounts, retainedSales, satisfaction, handoverCredit, refunds, spifAccounts, draw, drawBalance, categorySales);
  if (!request.ok) return invocation.setResult(excelError(request.issue));
  stream(invocation, "plan", async () => incentiveCore(request.value, unwrap(await workbookPlan())));
}

/**
 * A rep's incentive as a table: each component a cell can compute (commission, new-customer bonus, retention bonus, handover split, clawback, SPIF, draw) with its base, rate, amount and arithmetic, then the total.
 * @customfunction BREAKDOWN
 * @param sales Sales credited to the rep in the incentive window, before refunds.
 * @param quota The rep's quota for the window; 0 or empty when there is none.
 * @param [tiers] Commission tiers to use instead of the plan's: text such as "0:3%; 100000:5%", or a two-column range of from-amounts and rates.
 * @param [newAccounts] Number of new accounts the rep won in the window.
 * @param [retainedSales] Sales from the rep's retained accounts in the window.
 * @param [satisfaction] The rep's customer satisfaction, 1 to 5; empty when unknown (then no retention bonus).
 * @param [handoverCredit] Sales credit the rep receives as the former owner of accounts handed over (handover split).
 * @param [refunds] Refunds in the window, as a positive amount, taken off sales; with clawback on they take back commission.
 * @param [spifAccounts] Number of won accounts that meet the SPIF's criteria (category, size, dates); each earns spifBonus.
 * @param [draw] The rep's draw against commission for the window; earnings below it are topped up.
 * @param [drawBalance] Unrecovered draw carried into the window (recoverable draws).
 * @param [categorySales] Two-column range of category and sales (part of sales); categories with a rate.<category> setting earn that rate instead of the tiers.
 * @param invocation Where the table goes, now and after every change to the settings.
 * @returns A header row, one row per component and a total row.
 */
export function breakdownFunction(sales: any, quota: any, tiers: any[][], newAccounts: any, retainedSales: any, satisfaction: any, handoverCredit: any, refunds: any, spifAccounts: any, draw: any, drawBalance: any, categorySales: any[][], invocation: CustomFunctions.StreamingInvocation<any[][]>): void {
  const request = incentiveRequestCore(sales, quota, tiers, newAccounts, retainedSales, satisfaction, handoverCredit, refunds, spifAccounts, draw, drawBalance, categorySales);
  if (!request.ok) return invocation.setResult(excelError(request.issue));
  stream(invocation, "plan", async () => breakdownCore(request.value, unwrap(await workbookPlan()), locale()));
}

/**
 * A rep's score on the newest Fairshare Scorecard sheet.
 * @customfunction SCORE
 * @param repId The rep's ID, as in the scorecard's Rep ID column.
 * @param invocation Where the score goes, now and after every change to the scorecards.
 * @returns The rep's score.
 */
export function scoreFunction(repId: any, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, "scorecard", async () => unwrap(scoreCore(unwrap(await workbookScorecard()), repId)));
}
