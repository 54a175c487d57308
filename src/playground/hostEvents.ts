/**
 * Tells the playground's grid when the fake Excel host may have changed. Office.js has no "workbook
 * changed" event that covers every write, and the grid is not part of the add-in, so the playground
 * wraps the host's `Excel.run`: every batch that wrote (or showed a sheet) — the pane's or the grid's own
 * edits — ends with a notification, whether it succeeded or not (Excel is not transactional; a failed
 * batch may have written). Batches that only read do not: the grid is not drawn again for them, which
 * keeps the page free while the pane reads a large workbook.
 */
import type { CellValue, FakeExcelHost } from "../fakes/fakeExcel";

export interface HostEvents {
  /** Calls `listener` after each Excel.run batch that changed the workbook; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Grows by one after each such batch: a snapshot for React's useSyncExternalStore. */
  version(): number;
  /**
   * Writes one cell as if a person typed `value` into it (through Excel.run, so Excel's input rules
   * apply: "=…" is a formula, "1,234" a number). `row` and `column` are 0-based, like Office.js's
   * `worksheet.getCell(row, column)`.
   */
  setCell(sheet: string, row: number, column: number, value: CellValue): Promise<void>;
}

/**
 * Wraps `host.excel.run` (the global `Excel.run`) so each batch that changed the workbook notifies subscribers.
 *
 * @example
 * const events = watchHost(installFakeExcel(sampleWorkbook()));
 * events.subscribe(() => console.log("workbook may have changed"));
 */
export function watchHost(host: FakeExcelHost): HostEvents {
  const listeners = new Set<() => void>();
  let version = 0;
  const notify = () => {
    version += 1;
    for (const listener of [...listeners]) listener();
  };
  const excel = host.excel as { run: (...args: unknown[]) => Promise<unknown> };
  const run = excel.run;
  excel.run = async (...args: unknown[]) => {
    // Sheets made by `worksheets.add()` count too (made when the batch syncs, not by a write).
    const state = () => `${host.revision}/${host.workbook.sheets.length}`;
    const before = state();
    try {
      return await run(...args);
    } finally {
      if (state() !== before) notify();
    }
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    version: () => version,
    setCell: (sheet, row, column, value) =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem(sheet).getCell(row, column).values = [[value]];
        await context.sync();
      }),
  };
}
