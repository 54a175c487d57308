import type { SheetInfo } from "../workbook/port";
import type { DataDescription, RepStatement, ReviewFilter, ReviewRow, ReviewStatus, SettingChange, SettingView } from "../workbook/panePipeline";

export type { DataDescription, RepStatement, ReviewFilter, ReviewRow, ReviewStatus, SettingChange, SettingView };

/**
 * Progress of a long action: a step id (run: detect, read, check, allocate, evaluate, write, done) and
 * 0–1. A returned promise makes the run wait for it (the pane waits for the bar to be painted).
 */
export type ProgressListener = (step: string, fraction: number) => void | Promise<void>;

/** A problem found in the data, as the pane shows it (already rendered in the pane's language). */
export interface PaneIssue {
  severity: "error" | "warning" | "info";
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
  /** Fairness before → after, overall and per region (null values without a run). */
  fairness: { scope: string; giniBefore: number; giniAfter: number; newRepShareBefore: number; newRepShareAfter: number }[];
  /** The most common reasons, rendered, with how many moves give each. */
  topReasons: { reason: string; count: number }[];
  /** Proposed moves by rule id. */
  movesByRule: Record<string, number>;
  withoutRecipient: number;
  atRisk: number;
  giniBefore: number | null;
  giniAfter: number | null;
  sheetsWritten: string[];
  /** The diagnostics funnel per rule and region, rendered; `blocked` when a stage reached zero. */
  diagnostics: { rule: string; region: string; text: string; blocked: boolean }[];
  /** The watch list: one step before a rule fires, each with its message to the rep. */
  watch: { repId: string; rule: string; message: string }[];
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
  /**
   * Runs allocation; `signal` aborted before the write stops it with nothing written (CancelledError).
   * An AbortSignal is heard at once (a run in a worker is stopped then, and `onStopped` is called before
   * `abort()` returns, so the pane can say so in the same frame); a plain flag is read between steps.
   */
  runAllocation(options?: { progress?: ProgressListener; signal?: { readonly aborted: boolean } | AbortSignal; onStopped?: () => void }): Promise<RunSummary>;
  /**
   * Applies the approved rows of the newest proposal; with `approver`, decided rows whose Approver is
   * empty are first signed with that name, so the audit log says who decided.
   */
  applyApproved(options?: { approver?: string }): Promise<ApplySummary>;
  /**
   * Approves or rejects the undecided rows of the newest proposal that `filter` selects (all when none;
   * approval only rows with a recipient), signing each with `approver`; returns how many rows were decided.
   */
  decidePending(options: { decision: "approve" | "reject"; filter?: ReviewFilter | null; approver: string }): Promise<{ proposalSheet: string | null; decided: number }>;
  /** The approver's name remembered in the settings sheet (`approverName`), or null. */
  approverName(): Promise<string | null>;
  /**
   * Calls `listener` after cells of `sheet` change, whoever changed them (Worksheet.onChanged); resolves
   * with the function that stops listening, or null where the host sends no such events. Optional: hosts
   * without events leave it out, and the pane reads the counts when the step opens.
   */
  watchSheet?(sheet: string, listener: () => void): Promise<(() => Promise<void>) | null>;
  /** Detected sheets and column mapping with the alternatives. */
  describeData(): Promise<DataDescription>;
  /** Saves settings (including `sheet.<role>` / `column.<role>.<field>` mappings) to the Fairshare Settings sheet. */
  saveSettings(changes: SettingChange[]): Promise<void>;
  /**
   * Adds the Fairshare Settings sheet when missing, or the settings an existing one lacks (the user's
   * rows stay as they are); returns the keys added.
   */
  completeSettings(): Promise<string[]>;
  /** The given settings' current values, overrides by region, and the regions. */
  readSettings(keys: string[]): Promise<{ regions: string[]; settings: SettingView[] }>;
  reviewStatus(): Promise<ReviewStatus>;
  statements(): Promise<{ period: string | null; reps: RepStatement[] }>;
  /** The workbook's `language` setting when it names one (en-US or zh-CN): it overrides Office's language. */
  settingsLanguage(): Promise<string | null>;
  /** Shows a sheet (and selects a cell, 1-based) in the workbook. */
  activate(sheet: string, row?: number | null, column?: string | number | null): Promise<void>;
}
