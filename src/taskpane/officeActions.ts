/**
 * The pane's actions, bound to the open workbook through the Office.js adapter. Components receive
 * these through props; only the adapter behind them calls Excel.run.
 */
import { OfficeWorkbook } from "../workbook/officeAdapter";
import type { WorkbookPort } from "../workbook/port";
import { detect, runCheck } from "../workbook/pipeline";
import type { CheckSummary, DetectedSheets, PaneActions } from "./actions";
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
  };
}

/** The actions of the add-in running inside Excel. */
export function createOfficeActions(): PaneActions {
  return createActions(new OfficeWorkbook(), displayLanguageSafe());
}
