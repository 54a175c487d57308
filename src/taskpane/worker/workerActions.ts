/**
 * The page's side of the engine's Web Worker: PaneActions whose heavy methods (WORKER_METHODS) are
 * computed in the worker while the workbook stays behind the page's port (the Office adapter). The page
 * answers the worker's port calls, forwards a run's progress, and stops a run the moment its signal is
 * aborted: the worker is terminated and nothing is written, unless the run had already begun writing
 * (then it finishes, and the pane says Cancel came too late). Where no worker can be had, the methods
 * run here on the page, as before.
 */
import { nextTask } from "../../workbook/nextTask";
import { CancelledError } from "../../workbook/pipeline";
import type { WorkbookPort } from "../../workbook/port";
import type { PaneActions, ProgressListener } from "../actions";
import type { Table } from "../../engine/table";
import { receiveError, rowSlices, sendError, WRITING_PORT_METHODS, type FromWorker, type ToWorker, type WorkerMethod } from "./protocol";

/** The least of a Worker the page uses (a fake in node tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

type Signal = { readonly aborted: boolean } | AbortSignal;

interface Call {
  method: WorkerMethod;
  args: unknown[];
  resolve(value: unknown): void;
  reject(err: unknown): void;
  progress?: ProgressListener;
  signal?: Signal;
  /** Told at once when a cancel stops the call (before its promise rejects). */
  onStopped?: () => void;
  /** A write has been asked for: from here on the call cannot be cancelled. */
  wrote: boolean;
  /** Stops listening to the signal. */
  release(): void;
}

/** The User Timing mark set the moment a cancel stops the engine's worker (the browser tests time Cancel by it). */
export const RUN_STOPPED_MARK = "fairshare:run-stopped";

function isAbortSignal(signal: Signal | undefined): signal is AbortSignal {
  return typeof (signal as AbortSignal | undefined)?.addEventListener === "function";
}

/**
 * `base` with WORKER_METHODS computed in workers made by `spawn` (one at a time, made on first use and
 * again after a cancel). `port` is what `base` works on; the worker's reads and writes go to it.
 *
 * @example createOfficeActions({ spawnWorker: () => new Worker(new URL("./engineWorker.ts", import.meta.url)) })
 */
export function inWorker(base: PaneActions, port: WorkbookPort, spawn: () => WorkerLike, displayLanguage?: string): PaneActions {
  let worker: WorkerLike | null = null;
  /** The worker could not be made or died: the page computes from now on. */
  let broken = false;
  const calls = new Map<number, Call>();
  let nextCall = 1;

  const onPage = (call: Call): Promise<unknown> => {
    const actions = base as unknown as Record<WorkerMethod, (...args: unknown[]) => Promise<unknown>>;
    return call.method === "runAllocation" ? base.runAllocation({ progress: call.progress, signal: call.signal }) : actions[call.method](...call.args);
  };

  /** Ends a call, whatever ended it. */
  const settle = (id: number, outcome: { value: unknown } | { error: unknown }) => {
    const call = calls.get(id);
    if (!call) return;
    calls.delete(id);
    call.release();
    if ("value" in outcome) call.resolve(outcome.value);
    else call.reject(outcome.error);
  };

  /** The worker is gone (failed to load, crashed): calls that wrote nothing are done again on the page. */
  const lose = (w: WorkerLike) => {
    if (w !== worker) return;
    worker = null;
    broken = true;
    w.terminate();
    for (const [id, call] of [...calls]) {
      if (call.wrote) settle(id, { error: new Error("The engine's worker stopped while writing to the workbook.") });
      else {
        calls.delete(id);
        call.release();
        onPage(call).then(call.resolve, call.reject);
      }
    }
  };

  const answer = async (w: WorkerLike, message: Extract<FromWorker, { type: "port" }>) => {
    const reply = (m: ToWorker) => {
      if (w === worker) w.postMessage(m);
    };
    const call = calls.get(message.call);
    if (!call) return reply({ type: "portReply", id: message.id, ok: false, error: sendError(new CancelledError()) });
    if (WRITING_PORT_METHODS.has(message.method)) {
      // The last moment a cancel counts: a cancelled run never writes.
      if (call.signal?.aborted && !call.wrote) return reply({ type: "portReply", id: message.id, ok: false, error: sendError(new CancelledError()) });
      call.wrote = true;
    }
    try {
      const method = port[message.method] as (...args: unknown[]) => Promise<unknown>;
      const value = await method.apply(port, message.args);
      if (message.method !== "readTables") return reply({ type: "portReply", id: message.id, ok: true, value });
      // The sheets' rows go in slices, the page free between them (for a Cancel press above all).
      const tables = value as Table[];
      for (const [table, t] of tables.entries()) {
        for (const rows of rowSlices(t.values)) {
          if (w !== worker) return; // stopped meanwhile
          reply({ type: "portRows", id: message.id, table, rows });
          await nextTask();
        }
      }
      reply({ type: "portReply", id: message.id, ok: true, value: tables.map((t) => ({ ...t, values: [] })), sliced: true });
    } catch (err) {
      reply({ type: "portReply", id: message.id, ok: false, error: sendError(err) });
    }
  };

  const ensureWorker = (): WorkerLike | null => {
    if (worker) return worker;
    if (broken) return null;
    let w: WorkerLike;
    try {
      w = spawn();
    } catch {
      broken = true;
      return null;
    }
    w.onmessage = (event) => {
      if (w !== worker) return;
      const m = event.data;
      if (m.type === "port") void answer(w, m);
      else if (m.type === "progress") {
        const call = calls.get(m.call);
        // The page paints it when it can; the worker does not wait.
        if (call?.progress) Promise.resolve(call.progress(m.step, m.fraction)).catch(() => undefined);
      } else if (m.type === "done") settle(m.call, m.ok ? { value: m.value } : { error: receiveError(m.error) });
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      lose(w);
    };
    worker = w;
    return w;
  };

  /** Stops the worker at once (a cancel): its calls end as cancelled; the next call makes a new one. */
  const stop = () => {
    const w = worker;
    worker = null;
    w?.terminate();
    if (typeof performance !== "undefined") performance.mark?.(RUN_STOPPED_MARK);
    for (const [id, call] of [...calls]) {
      settle(id, { error: new CancelledError() });
      call.onStopped?.();
    }
  };

  const inWorkerCall = (method: WorkerMethod, args: unknown[], progress?: ProgressListener, signal?: Signal, onStopped?: () => void): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      const id = nextCall++;
      const call: Call = { method, args, resolve, reject, progress, signal, onStopped, wrote: false, release: () => undefined };
      const w = ensureWorker();
      if (!w) return onPage(call).then(resolve, reject);
      if (isAbortSignal(signal)) {
        const onAbort = () => {
          if (calls.get(id)?.wrote === false) stop();
        };
        signal.addEventListener("abort", onAbort, { once: true });
        call.release = () => signal.removeEventListener("abort", onAbort);
      }
      calls.set(id, call);
      w.postMessage({ type: "call", id, method, args, displayLanguage });
    });

  return {
    ...base,
    checkData: () => inWorkerCall("checkData", []) as ReturnType<PaneActions["checkData"]>,
    runAllocation: (options = {}) => inWorkerCall("runAllocation", [], options.progress, options.signal, options.onStopped) as ReturnType<PaneActions["runAllocation"]>,
    readSettings: (keys) => inWorkerCall("readSettings", [keys]) as ReturnType<PaneActions["readSettings"]>,
    statements: () => inWorkerCall("statements", []) as ReturnType<PaneActions["statements"]>,
    applyApproved: (options) => inWorkerCall("applyApproved", [options]) as ReturnType<PaneActions["applyApproved"]>,
  };
}
