/**
 * The pane's actions, bound to the open workbook through the Office.js adapter. Components receive
 * these through props; only the adapter behind them (and officeEvents.ts, for change events) calls
 * Excel.run. With a worker, the engine's heavy actions run in it (worker/workerActions.ts) while the
 * adapter stays here on the page.
 */
import { OfficeWorkbook } from "../workbook/officeAdapter";
import type { PaneActions } from "./actions";
import { displayLanguageSafe } from "./officeContext";
import { watchSheet } from "./officeEvents";
import { createActions } from "./portActions";
import { inWorker } from "./worker/workerActions";

export { createActions };

/**
 * The actions of the add-in running inside Excel. With `spawnWorker`, checks, runs, the rules' read,
 * statements and apply compute in a Web Worker (the pane never freezes, and Cancel stops a run at once).
 */
export function createOfficeActions(options: { spawnWorker?: () => Worker } = {}): PaneActions {
  const port = new OfficeWorkbook();
  const displayLanguage = displayLanguageSafe();
  const actions: PaneActions = { ...createActions(port, displayLanguage), watchSheet };
  return options.spawnWorker ? inWorker(actions, port, options.spawnWorker, displayLanguage) : actions;
}
