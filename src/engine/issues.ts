/**
 * Data problems are values, not exceptions: every one is collected with its place in the workbook,
 * and the sentence shown to people is rendered from the code and params by the locale catalogue.
 */
import { renderMessage, type Locale } from "./messages";

export type Severity = "error" | "warning";

/** Every kind of data problem the engine reports. Errors block a run; warnings skip or default a value. */
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
  | "owner_matched_by_name"
  | "owner_ambiguous"
  | "unknown_rep"
  | "value_out_of_range"
  | "no_sales"
  | "hired_after_period"
  | "region_defaulted"
  | "quota_missing";

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
  get hasErrors(): boolean {
    return this.items.some((i) => i.severity === "error");
  }
}

/**
 * Renders each issue's message in a locale and orders them: errors first, then by sheet, row, column.
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
        (a.issue.severity === b.issue.severity ? 0 : a.issue.severity === "error" ? -1 : 1) ||
        (a.issue.row === null ? 0 : 1) - (b.issue.row === null ? 0 : 1) ||
        a.index - b.index,
    )
    .map((x) => x.issue);
}
