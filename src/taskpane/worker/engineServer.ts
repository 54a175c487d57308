/**
 * What the engine's Web Worker does with the page's messages, apart from the worker's global scope so
 * node tests can drive it over a fake channel: each `call` computes one of the pane's actions over a port
 * whose reads and writes are messages to the page (answered by `portReply`), posting progress and then
 * the result or the error.
 */
import type { Table } from "../../engine/table";
import type { WorkbookPort } from "../../workbook/port";
import { createActions } from "../portActions";
import { receiveError, sendError, type FromWorker, type PortMethod, type ToWorker } from "./protocol";

/** Where the worker posts (its global scope, or a test's channel). */
export interface EngineScope {
  postMessage(message: FromWorker): void;
}

/**
 * The handler of the page's messages.
 * @example const handle = serveEngine(self); self.onmessage = (e) => handle(e.data);
 */
export function serveEngine(scope: EngineScope): (message: ToWorker) => void {
  const waiting = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  /** Rows of an answer that come in slices (see CELLS_PER_MESSAGE), by answer and table. */
  const slices = new Map<number, unknown[][][]>();
  let nextPortCall = 1;

  /**
   * The page's workbook for one call, one message per batch (the port's calls are batches already); the
   * call's id tells the page which action asks, so it can refuse a cancelled run's writes.
   */
  const portFor = (call: number): WorkbookPort => {
    const ask = (method: PortMethod, args: unknown[]): Promise<never> =>
      new Promise((resolve, reject) => {
        const id = nextPortCall++;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        scope.postMessage({ type: "port", id, call, method, args });
      });
    return {
      listSheets: () => ask("listSheets", []),
      readTables: (names, options) => ask("readTables", [names, options]),
      addSheets: (sheets, options) => ask("addSheets", [sheets, options]),
      updateCells: (updates) => ask("updateCells", [updates]),
      appendRows: (sheet, header, rows, options) => ask("appendRows", [sheet, header, rows, options]),
      activate: (sheet, row, column) => ask("activate", [sheet, row, column]),
    };
  };

  return (message) => {
    if (message.type === "portRows") {
      const tables = slices.get(message.id) ?? [];
      slices.set(message.id, tables);
      const rows = (tables[message.table] ??= []);
      for (const row of message.rows) rows.push(row);
      return;
    }
    if (message.type === "portReply") {
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      const rows = slices.get(message.id) ?? [];
      slices.delete(message.id);
      if (!call) return;
      if (!message.ok) call.reject(receiveError(message.error));
      else if (message.sliced) call.resolve((message.value as Table[]).map((t, i) => ({ ...t, values: rows[i] ?? [] })));
      else call.resolve(message.value);
      return;
    }
    const { id, method, args, displayLanguage } = message;
    const actions = createActions(portFor(id), displayLanguage);
    let work: Promise<unknown>;
    try {
      work =
        method === "runAllocation"
          ? // Progress is posted and the run goes on: the page paints it without holding the engine back.
            actions.runAllocation({ progress: (step, fraction) => scope.postMessage({ type: "progress", call: id, step, fraction }) })
          : method === "checkData"
            ? actions.checkData()
            : method === "readSettings"
              ? actions.readSettings(args[0] as string[])
              : method === "statements"
                ? actions.statements()
                : actions.applyApproved(args[0] as { approver?: string } | undefined);
    } catch (err) {
      work = Promise.reject(err);
    }
    work.then(
      (value) => scope.postMessage({ type: "done", call: id, ok: true, value }),
      (err: unknown) => scope.postMessage({ type: "done", call: id, ok: false, error: sendError(err) }),
    );
  };
}
