import type { PaneActions } from "./actions";

/**
 * Placeholder until the Office.js adapter is wired in; the real module (the only one in the pane that
 * calls Excel.run) replaces this file. index.tsx shows the thrown error in the pane.
 */
export function createOfficeActions(): PaneActions {
  throw new Error("not wired yet");
}
