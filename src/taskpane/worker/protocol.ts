/**
 * The messages between the pane's page and the engine's Web Worker. The worker computes; every workbook
 * read and write it needs is a `port` message the page answers through the Office adapter, which stays
 * on the page (Office.js lives there). Everything sent is structured-clonable: tables, sheets, summaries.
 */
import type { WorkbookPort } from "../../workbook/port";

/** The actions the worker computes (the others are light and stay on the page). */
export const WORKER_METHODS = ["checkData", "runAllocation", "readSettings", "statements", "applyApproved"] as const;
export type WorkerMethod = (typeof WORKER_METHODS)[number];

/** The port's methods the worker may ask the page for. */
export const PORT_METHODS = ["listSheets", "readTables", "addSheets", "updateCells", "appendRows", "activate"] as const satisfies ReadonlyArray<keyof WorkbookPort>;
export type PortMethod = (typeof PORT_METHODS)[number];
/** Of those, the ones that write: refused once a run is cancelled, and after the first a run cannot be cancelled. */
export const WRITING_PORT_METHODS: ReadonlySet<PortMethod> = new Set(["addSheets", "updateCells", "appendRows"]);

/** An error as it crosses between threads: its name (CancelledError, SheetExistsError…), message and own data fields. */
export interface SentError {
  name: string;
  message: string;
  fields: Record<string, unknown>;
}

/**
 * Most cells one message carries. A sheet's rows are sent in slices of about this many cells, each
 * in a task of its own: copying a whole sales sheet in one postMessage held the page for 180 ms (1.1 s
 * at CPU 6×), and a Cancel pressed meanwhile waited that long. A slice takes a few milliseconds.
 */
export const CELLS_PER_MESSAGE = 10_000;

/**
 * `rows` as consecutive slices of at most `cells` cells (a row is never split, so a row wider than
 * `cells` is a slice of its own); none for no rows.
 * @example rowSlices([[1, 2], [3, 4], [5, 6]], 4) // [[[1, 2], [3, 4]], [[5, 6]]]
 */
export function rowSlices<T>(rows: readonly T[][], cells = CELLS_PER_MESSAGE): T[][][] {
  const slices: T[][][] = [];
  let slice: T[][] = [];
  let count = 0;
  for (const row of rows) {
    if (slice.length > 0 && count + row.length > cells) {
      slices.push(slice);
      slice = [];
      count = 0;
    }
    slice.push(row);
    count += row.length;
  }
  if (slice.length > 0) slices.push(slice);
  return slices;
}

/** Page → worker. */
export type ToWorker =
  | { type: "call"; id: number; method: WorkerMethod; args: unknown[]; displayLanguage?: string }
  /**
   * A slice of the `table`-th table's rows of readTables' answer `id`, sent before the answer itself,
   * whose tables then come with no rows (`sliced`): the worker puts the slices back in order.
   */
  | { type: "portRows"; id: number; table: number; rows: unknown[][] }
  | { type: "portReply"; id: number; ok: true; value: unknown; sliced?: true }
  | { type: "portReply"; id: number; ok: false; error: SentError };

/** Worker → page. */
export type FromWorker =
  | { type: "port"; id: number; call: number; method: PortMethod; args: unknown[] }
  | { type: "progress"; call: number; step: string; fraction: number }
  | { type: "done"; call: number; ok: true; value: unknown }
  | { type: "done"; call: number; ok: false; error: SentError };

/**
 * An error as plain data: name, message and the own fields that survive structured cloning (a
 * SheetExistsError's `sheets`, an Office error's `code`).
 * @example sendError(new RangeError("bad")) // { name: "RangeError", message: "bad", fields: {} }
 */
export function sendError(err: unknown): SentError {
  if (!(err instanceof Error)) return { name: "Error", message: String(err), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(err)) {
    if (key === "name" || key === "message" || key === "stack") continue;
    if (value === null || ["string", "number", "boolean"].includes(typeof value) || (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number"))) fields[key] = value;
  }
  return { name: err.name, message: err.message, fields };
}

/**
 * The error again, on the other side: an Error with the same name, message and fields, so callers that
 * tell errors apart by name (isCancelled) still can.
 */
export function receiveError(sent: SentError): Error {
  const err = new Error(sent.message);
  Object.assign(err, sent.fields);
  Object.defineProperty(err, "name", { value: sent.name, enumerable: false, configurable: true, writable: true });
  return err;
}
