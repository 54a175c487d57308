import type { SheetInfo } from "../workbook/port";

/** A problem found in the data, as the pane shows it (already rendered in the pane's language). */
export interface PaneIssue {
  severity: "error" | "warning";
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** What the detected input sheets are: role → sheet name (null when not found). */
export interface DetectedSheets {
  reps: string | null;
  accounts: string | null;
  sales: string | null;
  ratings: string | null;
  settings: string | null;
}

export interface CheckSummary {
  period: string | null;
  issues: PaneIssue[];
  errorCount: number;
  warningCount: number;
  /** Names of the sheets the check wrote. */
  sheetsWritten: string[];
  repCount: number;
  accountCount: number;
  gini: number | null;
}

/** What "Run allocation" reports back. */
export interface RunSummary {
  period: string | null;
  errorCount: number;
  /** Proposed moves by rule id. */
  movesByRule: Record<string, number>;
  withoutRecipient: number;
  atRisk: number;
  giniBefore: number | null;
  giniAfter: number | null;
  sheetsWritten: string[];
}

/** What "Apply approved" reports back. */
export interface ApplySummary {
  proposalSheet: string | null;
  applied: number;
  alreadyApplied: number;
  rejected: number;
  pending: number;
  conflicts: { proposalId: string; accountId: string; detail: string }[];
}

/**
 * Everything the task pane can ask of the workbook. Components get this through props/context
 * and never touch `Excel` themselves, so they can be tested without Office.
 */
export interface PaneActions {
  listSheets(): Promise<SheetInfo[]>;
  detectSheets(): Promise<DetectedSheets>;
  checkData(): Promise<CheckSummary>;
  runAllocation(): Promise<RunSummary>;
  applyApproved(): Promise<ApplySummary>;
}
