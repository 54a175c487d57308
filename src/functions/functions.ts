/**
 * Excel custom functions (=FAIRSHARE.…), thin wrappers over engine functions.
 *
 * Each function has a `…Core` that takes plain values and returns a result as data, so it runs in
 * node (giniCore here; tieredCore, incentiveRequestCore/incentiveCore/breakdownCore in incentive.ts;
 * scoreCore in scorecard.ts); the wrapper only translates: issue → CustomFunctions.Error with a
 * localized message. Workbook reads (settings, scorecard) go through workbookData.ts, which uses the
 * Office adapter and caches them for a few seconds.
 *
 * Registration: custom-functions-metadata-plugin reads the JSDoc below at build time, writes
 * functions.json and appends `CustomFunctions.associate("<ID>", <function>)` for every
 * `@customfunction` to this module in the bundle (office.js defines `CustomFunctions.associate`
 * before this script runs). Do not associate by hand: a second association only logs a warning.
 * Imported in node (tests), this module has no side effects.
 */
import { gini } from "../engine/fairness";
import { booleanArgument, excelErrorOf, isIssue } from "./arguments";
import { breakdownCore, incentiveCore, incentiveRequestCore, tieredCore } from "./incentive";
import { functionLocale, functionMessage, type FunctionIssue, type FunctionLocale } from "./messages";
import { failed, type CoreResult } from "./result";
import { scoreCore } from "./scorecard";
import { workbookPlan, workbookScorecard } from "./workbookData";

export type { CoreResult } from "./result";

/** The part of the custom-functions runtime used here (the @types package is not a dependency). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; notAvailable: string };
}
declare const CustomFunctions: CustomFunctionsRuntime;

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
 * giniCore([[0], [0], [0], [4]], true) // { ok: true, value: 1 } (sample: × n / (n − 1))
 */
export function giniCore(range: readonly (readonly unknown[])[], sample?: unknown): CoreResult<number> {
  const numbers = nonNegativeNumbersCore(range);
  if (!numbers.ok) return numbers;
  const asSample = booleanArgument(sample, "sample");
  if (isIssue(asSample)) return failed(asSample);
  return { ok: true, value: gini(numbers.value, asSample) };
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

/** Throws the issue as #VALUE! or #N/A with a message in Excel's display language. */
function fail(issue: FunctionIssue): never {
  const code = NOT_AVAILABLE.has(issue.code) ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  throw new CustomFunctions.Error(code, functionMessage(issue, locale()));
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
 * @returns The Gini coefficient, between 0 and 1.
 */
// `any[][]` (metadata type "any"), not number[][]: Excel would refuse a range holding blanks or text
// with #VALUE! before calling; this way they arrive and are skipped as SUM or AVERAGE would.
export function giniFunction(values: any[][], sample?: any): number {
  return unwrap(giniCore(values, sample));
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
 * @param tiers Commission tiers to use instead of the plan's: text such as "0:3%; 100000:5%", or a two-column range of from-amounts and rates.
 * @param newAccounts Number of new accounts the rep won in the window.
 * @param retainedSales Sales from the rep's retained accounts in the window.
 * @param satisfaction The rep's customer satisfaction, 1 to 5; empty when unknown (then no retention bonus).
 * @param handoverCredit Sales credit the rep receives as the former owner of accounts handed over (handover split).
 * @param refunds Refunds in the window, as a positive amount, taken off sales; with clawback on they take back commission.
 * @param spifAccounts Number of won accounts that meet the SPIF's criteria (category, size, dates); each earns spifBonus.
 * @param draw The rep's draw against commission for the window; earnings below it are topped up.
 * @param drawBalance Unrecovered draw carried into the window (recoverable draws).
 * @param categorySales Two-column range of category and sales (part of sales); categories with a rate.<category> setting earn that rate instead of the tiers.
 * @returns The total incentive.
 */
// The arguments after tiers are the incentive components' (CELL_ARGUMENTS, in the registry's order; a test keeps the two in step).
export async function incentiveFunction(sales: any, quota: any, tiers?: any[][], newAccounts?: any, retainedSales?: any, satisfaction?: any, handoverCredit?: any, refunds?: any, spifAccounts?: any, draw?: any, drawBalance?: any, categorySales?: any[][]): Promise<number> {
  // Arguments first: a bad one is reported without waiting for the workbook.
  const request = unwrap(incentiveRequestCore(sales, quota, tiers, newAccounts, retainedSales, satisfaction, handoverCredit, refunds, spifAccounts, draw, drawBalance, categorySales));
  const plan = unwrap(await workbookPlan());
  return incentiveCore(request, plan);
}

/**
 * A rep's incentive as a table: each component a cell can compute (commission, new-customer bonus, retention bonus, handover split, clawback, SPIF, draw) with its base, rate, amount and arithmetic, then the total.
 * @customfunction BREAKDOWN
 * @param sales Sales credited to the rep in the incentive window, before refunds.
 * @param quota The rep's quota for the window; 0 or empty when there is none.
 * @param tiers Commission tiers to use instead of the plan's: text such as "0:3%; 100000:5%", or a two-column range of from-amounts and rates.
 * @param newAccounts Number of new accounts the rep won in the window.
 * @param retainedSales Sales from the rep's retained accounts in the window.
 * @param satisfaction The rep's customer satisfaction, 1 to 5; empty when unknown (then no retention bonus).
 * @param handoverCredit Sales credit the rep receives as the former owner of accounts handed over (handover split).
 * @param refunds Refunds in the window, as a positive amount, taken off sales; with clawback on they take back commission.
 * @param spifAccounts Number of won accounts that meet the SPIF's criteria (category, size, dates); each earns spifBonus.
 * @param draw The rep's draw against commission for the window; earnings below it are topped up.
 * @param drawBalance Unrecovered draw carried into the window (recoverable draws).
 * @param categorySales Two-column range of category and sales (part of sales); categories with a rate.<category> setting earn that rate instead of the tiers.
 * @returns A header row, one row per component and a total row.
 */
export async function breakdownFunction(sales: any, quota: any, tiers?: any[][], newAccounts?: any, retainedSales?: any, satisfaction?: any, handoverCredit?: any, refunds?: any, spifAccounts?: any, draw?: any, drawBalance?: any, categorySales?: any[][]): Promise<any[][]> {
  const request = unwrap(incentiveRequestCore(sales, quota, tiers, newAccounts, retainedSales, satisfaction, handoverCredit, refunds, spifAccounts, draw, drawBalance, categorySales));
  const plan = unwrap(await workbookPlan());
  return breakdownCore(request, plan, locale());
}

/**
 * A rep's score on the newest Fairshare Scorecard sheet.
 * @customfunction SCORE
 * @param repId The rep's ID, as in the scorecard's Rep ID column.
 * @returns The rep's score.
 */
export async function scoreFunction(repId: any): Promise<number> {
  const index = unwrap(await workbookScorecard());
  return unwrap(scoreCore(index, repId));
}
