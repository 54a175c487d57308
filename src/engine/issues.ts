/**
 * Data problems are values, not exceptions: every one is collected with its place in the workbook,
 * and the sentence shown to people is rendered from the code and params by the locale catalogue.
 */
import { renderMessage, type Locale } from "./messages";

export type Severity = "error" | "warning" | "info";

/**
 * Every kind of data problem the engine reports. Errors block a run; warnings skip or default a value;
 * notes (info) say once what was assumed or derived for a whole sheet.
 */
export type IssueCode =
  | "missing_sheet"
  | "missing_column"
  | "mapping_sheet_not_found"
  | "mapping_column_not_found"
  | "duplicate_rep_id"
  | "duplicate_account_id"
  | "setting_unknown"
  | "setting_invalid"
  | "setting_out_of_range"
  | "setting_not_regional"
  | "setting_unknown_region"
  | "settings_conflict"
  | "bad_number"
  | "bad_date"
  | "bad_bool"
  | "cell_error"
  | "missing_value"
  | "totals_row"
  | "unknown_account"
  | "unknown_owner"
  | "owner_ambiguous"
  | "unknown_rep"
  | "value_out_of_range"
  | "no_sales"
  | "hired_after_period"
  | "region_defaulted"
  | "quota_missing"
  | "quota_column_missing"
  | "deals_skipped"
  | "stage_no_won"
  | "matched_by_name"
  | "account_ambiguous"
  | "rep_ambiguous"
  | "owner_derived"
  | "owner_not_derivable"
  | "region_derived"
  | "hire_date_derived"
  | "checks_skipped"
  | "column_guessed"
  | "sheet_guessed"
  | "sheet_guessed_content"
  | "setting_misspelled"
  | "future_sale"
  | "sales_after_period"
  | "date_out_of_range"
  | "hidden_sheet_skipped"
  | "refunds"
  | "not_calculated";

export type IssueParams = Record<string, string | number>;

/** One problem in the data, located by sheet, 1-based row and column header. */
export interface Issue {
  severity: Severity;
  code: IssueCode;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
  /** The figures the message is rendered from, so it can be re-rendered in another language. */
  params: IssueParams;
}

/** Collects issues while parsing; messages are rendered once the locale is known. */
export class IssueList {
  readonly items: Issue[] = [];

  add(severity: Severity, code: IssueCode, sheet: string, row: number | null, column: string | null, params: IssueParams = {}): void {
    this.items.push({ severity, code, sheet, row, column, message: "", params });
  }
  error(code: IssueCode, sheet: string, row: number | null, column: string | null, params: IssueParams = {}): void {
    this.add("error", code, sheet, row, column, params);
  }
  warning(code: IssueCode, sheet: string, row: number | null, column: string | null, params: IssueParams = {}): void {
    this.add("warning", code, sheet, row, column, params);
  }
  info(code: IssueCode, sheet: string, row: number | null, column: string | null, params: IssueParams = {}): void {
    this.add("info", code, sheet, row, column, params);
  }
  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === "error");
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Renders each issue's message in a locale and orders them: errors, then warnings, then notes; sheet-wide
 * ones before row ones; otherwise as found.
 *
 * @example
 * localizeIssues([{ severity: "error", code: "missing_sheet", sheet: "Reps", row: null, column: null, message: "", params: { role: "Reps" } }], "en-US")[0].message
 */
export function localizeIssues(issues: readonly Issue[], locale: Locale): Issue[] {
  const rendered = issues.map((i) => ({ ...i, message: renderMessage(locale, i.code, { ...i.params, sheet: i.sheet, row: i.row ?? "", column: i.column ?? "" }) }));
  return rendered
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity] ||
        (a.issue.row === null ? 0 : 1) - (b.issue.row === null ? 0 : 1) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}
