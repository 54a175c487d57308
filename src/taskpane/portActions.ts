/**
 * The pane's actions over any workbook port: the Office.js adapter on the pane's page, a port that
 * forwards to it from the engine's Web Worker (worker/engineWorker.ts), the fake host in tests. Nothing
 * here touches Office or the DOM, so it runs in a worker as it runs on the page.
 */
import type { WorkbookPort } from "../workbook/port";
import { conflictText } from "../engine/allocation/applyText";
import { renderDiagnostic, renderExplanation } from "../engine/allocation/text";
import { IssueList } from "../engine/issues";
import { toLocale } from "../engine/messages";
import { parseSettings, REGISTRY } from "../engine/settings";
import { completeSettings } from "../workbook/completeSettings";
import { applyApproved, detect, runAllocation, runCheck } from "../workbook/pipeline";
import { decidePending, describeData, readSettingsView, repStatements, reviewStatus, saveSettings, signDecisions } from "../workbook/panePipeline";
import type { ApplySummary, CheckSummary, DetectedSheets, PaneActions, RunSummary } from "./actions";

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
    async runAllocation(options = {}): Promise<RunSummary> {
      const { result, allocation, written } = await runAllocation(port, { displayLanguage, write: true, progress: options.progress, signal: options.signal });
      const movesByRule: Record<string, number> = {};
      const reasons = new Map<string, number>();
      for (const m of allocation?.moves ?? []) {
        if (m.to < 0) continue;
        movesByRule[m.rule] = (movesByRule[m.rule] ?? 0) + 1;
        // Reasons differ by their figures; group them by kind, named in a short sentence.
        const r = renderExplanation({ key: `short.${m.reason.key}`, params: {} }, result.locale);
        reasons.set(r, (reasons.get(r) ?? 0) + 1);
      }
      const before = result.fairness;
      const after = allocation?.fairnessAfter;
      const fairness =
        before && after
          ? [
              { scope: "", giniBefore: before.gini, giniAfter: after.gini, newRepShareBefore: before.newRepShare, newRepShareAfter: after.newRepShare },
              ...Object.keys(before.byRegion).map((r) => ({
                scope: r,
                giniBefore: before.byRegion[r].gini,
                giniAfter: after.byRegion[r]?.gini ?? before.byRegion[r].gini,
                newRepShareBefore: before.byRegion[r].newRepShare,
                newRepShareAfter: after.byRegion[r]?.newRepShare ?? before.byRegion[r].newRepShare,
              })),
            ]
          : [];
      return {
        period: result.period === null ? null : `${Math.floor(result.period / 12)}-${String((result.period % 12) + 1).padStart(2, "0")}`,
        errorCount: result.issues.filter((i) => i.severity === "error").length,
        movesByRule,
        withoutRecipient: allocation?.moves.filter((m) => m.to < 0).length ?? 0,
        atRisk: allocation?.atRisk.length ?? 0,
        giniBefore: result.fairness?.gini ?? null,
        giniAfter: allocation?.fairnessAfter.gini ?? null,
        sheetsWritten: written,
        watch: (allocation?.watch ?? []).map((w) => ({ repId: result.model.reps[w.rep].id, rule: w.rule, message: renderExplanation(w.message, result.locale) })),
        diagnostics: (allocation?.diagnostics ?? []).map((d) => ({ rule: d.rule, region: d.region, text: renderDiagnostic(d, result.locale), blocked: d.blockedBy !== null })),
        fairness,
        topReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)).slice(0, 5),
      };
    },
    async applyApproved(options = {}): Promise<ApplySummary> {
      if (options.approver?.trim()) await signDecisions(port, options.approver);
      const { proposalSheet, outcome, locale } = await applyApproved(port, { displayLanguage });
      const L = locale ?? toLocale(displayLanguage);
      return {
        proposalSheet,
        applied: outcome.applied.length,
        alreadyApplied: outcome.alreadyApplied.length,
        rejected: outcome.rejected.length,
        pending: outcome.pending,
        conflicts: outcome.conflicts.map((c) => ({ proposalId: c.proposalId, accountId: c.accountId, detail: c.reason ? conflictText(c.reason, L) : (c.detail ?? "") })),
      };
    },
    decidePending(options) {
      return decidePending(port, options);
    },
    async approverName() {
      const d = await detect(port);
      const name = parseSettings(d.settingsTable, REGISTRY, new IssueList()).get("approverName");
      return typeof name === "string" && name.trim() !== "" ? name.trim() : null;
    },
    async settingsLanguage() {
      const d = await detect(port);
      const language = parseSettings(d.settingsTable, REGISTRY, new IssueList()).get("language");
      return typeof language === "string" && language !== "auto" ? language : null;
    },
    describeData: () => describeData(port),
    saveSettings: (changes) => saveSettings(port, changes, displayLanguage),
    completeSettings: () => completeSettings(port, toLocale(displayLanguage)),
    readSettings: (keys) => readSettingsView(port, keys, displayLanguage),
    reviewStatus: () => reviewStatus(port),
    statements: () => repStatements(port, displayLanguage),
    async activate(sheet, row, column) {
      // Issues name their column by header; find its position on the sheet's header row.
      let col: number | undefined = typeof column === "number" ? column : undefined;
      if (typeof column === "string" && row) {
        const [t] = await port.readTables([sheet], { maxRows: 30 });
        const header = t?.values.find((r) => r.some((c) => String(c ?? "").trim() === column));
        const i = header ? header.findIndex((c) => String(c ?? "").trim() === column) : -1;
        if (i >= 0) col = (t?.firstColumn ?? 1) + i;
      }
      await port.activate(sheet, row ?? undefined, col);
    },
  };
}
