/**
 * The pane's actions, bound to the open workbook through the Office.js adapter. Components receive
 * these through props; only the adapter behind them calls Excel.run.
 */
import { OfficeWorkbook } from "../workbook/officeAdapter";
import type { WorkbookPort } from "../workbook/port";
import { applyApproved, detect, runAllocation, runCheck } from "../workbook/pipeline";
import type { ApplySummary, CheckSummary, DetectedSheets, PaneActions, RunSummary } from "./actions";
import { displayLanguageSafe } from "./officeContext";

/**
 * Actions over any workbook port (the Office adapter in Excel, the fake host in tests).
 * @example createActions(new OfficeWorkbook()).checkData()
 */
export function createActions(port: WorkbookPort, displayLanguage?: string): PaneActions {
  return {
    listSheets: () => port.listSheets(),
    async detectSheets(): Promise<DetectedSheets> {
      const d = await detect(port);
      return { ...d.assignment, settings: d.settingsSheet };
    },
    async checkData(): Promise<CheckSummary> {
      const { result, written } = await runCheck(port, { displayLanguage, write: true });
      const errorCount = result.issues.filter((i) => i.severity === "error").length;
      return {
        period: result.period === null ? null : `${Math.floor(result.period / 12)}-${String((result.period % 12) + 1).padStart(2, "0")}`,
        issues: result.issues.map(({ severity, code, sheet, row, column, message }) => ({ severity, code, sheet, row, column, message })),
        errorCount,
        warningCount: result.issues.length - errorCount,
        sheetsWritten: written,
        repCount: result.portfolio.length,
        accountCount: result.model.accounts.length,
        gini: result.fairness ? result.fairness.gini : null,
      };
    },
    async runAllocation(): Promise<RunSummary> {
      const { result, allocation, written } = await runAllocation(port, { displayLanguage, write: true });
      const movesByRule: Record<string, number> = {};
      for (const m of allocation?.moves ?? []) if (m.to >= 0) movesByRule[m.rule] = (movesByRule[m.rule] ?? 0) + 1;
      return {
        period: result.period === null ? null : `${Math.floor(result.period / 12)}-${String((result.period % 12) + 1).padStart(2, "0")}`,
        errorCount: result.issues.filter((i) => i.severity === "error").length,
        movesByRule,
        withoutRecipient: allocation?.moves.filter((m) => m.to < 0).length ?? 0,
        atRisk: allocation?.atRisk.length ?? 0,
        giniBefore: result.fairness?.gini ?? null,
        giniAfter: allocation?.fairnessAfter.gini ?? null,
        sheetsWritten: written,
      };
    },
    async applyApproved(): Promise<ApplySummary> {
      const { proposalSheet, outcome } = await applyApproved(port);
      return {
        proposalSheet,
        applied: outcome.applied.length,
        alreadyApplied: outcome.alreadyApplied.length,
        rejected: outcome.rejected.length,
        pending: outcome.pending,
        conflicts: outcome.conflicts.map((c) => ({ proposalId: c.proposalId, accountId: c.accountId, detail: c.detail ?? "" })),
      };
    },
  };
}

/** The actions of the add-in running inside Excel. */
export function createOfficeActions(): PaneActions {
  return createActions(new OfficeWorkbook(), displayLanguageSafe());
}
