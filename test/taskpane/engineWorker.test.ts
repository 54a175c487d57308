/**
 * The engine's Web Worker, driven in node over a fake channel: the page's side (inWorker) and the
 * worker's (serveEngine) exchange structured clones in separate tasks, as postMessage does, while the
 * workbook stays behind the page's port. What is checked: the same results as on the page, progress
 * forwarded, a cancel that stops at once with nothing written (or, once writing began, lets the run
 * finish), errors that keep their name, and the page computing when no worker can be had.
 */
import { FakeWorkbook, installFakeExcel, uninstallFakeExcel, type FakeExcelHost } from "../../src/fakes/fakeExcel";
import type { PaneActions } from "../../src/taskpane/actions";
import { isCancelled } from "../../src/taskpane/hooks/allocationRun";
import { createActions } from "../../src/taskpane/portActions";
import { serveEngine } from "../../src/taskpane/worker/engineServer";
import { CELLS_PER_MESSAGE, receiveError, rowSlices, sendError, type FromWorker, type ToWorker } from "../../src/taskpane/worker/protocol";
import { generateTeam } from "../../src/sample/generateTeam";
import { inWorker, RUN_STOPPED_MARK, type WorkerLike } from "../../src/taskpane/worker/workerActions";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import type { WorkbookPort } from "../../src/workbook/port";
import { smallTeam } from "../helpers/team";

/** A worker on a fake channel: each message is cloned and delivered in a task of its own. */
class ChannelWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  /** Every message each way, for the tests to read. */
  readonly sent: ToWorker[] = [];
  readonly received: FromWorker[] = [];
  private readonly handle = serveEngine({
    postMessage: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => {
        if (this.terminated) return;
        this.received.push(copy);
        this.onmessage?.({ data: copy } as MessageEvent<FromWorker>);
      }, 0);
    },
  });

  postMessage(message: ToWorker): void {
    const copy = structuredClone(message);
    this.sent.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

let host: FakeExcelHost;
let port: OfficeWorkbook;
let workers: ChannelWorker[];

function setUp(team = smallTeam()): { base: PaneActions; actions: PaneActions } {
  host = installFakeExcel(FakeWorkbook.from(team));
  port = new OfficeWorkbook();
  workers = [];
  const base = createActions(port, "en-US");
  const actions = inWorker(base, port, () => {
    const w = new ChannelWorker();
    workers.push(w);
    return w;
  }, "en-US");
  return { base, actions };
}

afterEach(() => uninstallFakeExcel());

/** Long enough for a run on the small team to have written, were it still going. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

test("a run in the worker gives the page's result, writes through the page's port, and forwards progress", async () => {
  const { actions } = setUp();
  const steps: string[] = [];
  const summary = await actions.runAllocation({ progress: (step) => void steps.push(step) });
  expect(summary.sheetsWritten).toContain("Fairshare Proposal 2026-03");
  expect(host.workbook.sheetNames()).toEqual(expect.arrayContaining(summary.sheetsWritten));
  expect(steps).toEqual(["detect", "read", "check", "check", "evaluate", "allocate", "write", "done"]);
  // The workbook was reached only through port messages the page answered.
  expect(workers[0].received.filter((m) => m.type === "port").map((m) => (m as { method: string }).method)).toEqual(expect.arrayContaining(["listSheets", "readTables", "addSheets"]));
  // The same answer as the page computes (a rerun replaces its own sheets, so the names are the same).
  const onPage = await createActions(port, "en-US").runAllocation();
  expect({ ...summary, sheetsWritten: [] }).toEqual({ ...onPage, sheetsWritten: [] });
  // One worker serves the next calls too.
  expect((await actions.checkData()).repCount).toBe(3);
  expect((await actions.readSettings(["releaseShare"])).settings[0].def.key).toBe("releaseShare");
  expect(workers.length).toBe(1);
});

test("rowSlices: consecutive slices of whole rows, each within the cell budget unless one row alone is wider", () => {
  expect(rowSlices([[1, 2], [3, 4], [5, 6]], 4)).toEqual([[[1, 2], [3, 4]], [[5, 6]]]);
  expect(rowSlices([[1, 2, 3, 4, 5], [6], [7]], 4)).toEqual([[[1, 2, 3, 4, 5]], [[6], [7]]]);
  expect(rowSlices([], 4)).toEqual([]);
  const rows = Array.from({ length: 1001 }, (_, i) => [i, `r${i}`, i * 2]);
  const slices = rowSlices(rows, 300);
  expect(slices.map((s) => s.length)).toEqual([...Array(10).fill(100), 1]);
  expect(slices.flat()).toEqual(rows);
});

test("a large sheet crosses to the worker in slices of whole rows, each a message of its own, and arrives whole", async () => {
  // 60 reps × 24 months of orders: a Sales sheet of several times CELLS_PER_MESSAGE cells.
  const team = generateTeam({ reps: 60, accounts: 900, months: 24, settings: false }).sheets;
  const salesCells = team.Sales.length * team.Sales[0].length;
  expect(salesCells).toBeGreaterThan(3 * CELLS_PER_MESSAGE);
  const { base, actions } = setUp(team);
  const inTheWorker = await actions.checkData();
  const slices = workers[0].sent.filter((m): m is Extract<ToWorker, { type: "portRows" }> => m.type === "portRows");
  expect(slices.length).toBeGreaterThanOrEqual(Math.ceil(salesCells / CELLS_PER_MESSAGE));
  expect(Math.max(...slices.map((m) => m.rows.reduce((n, r) => n + r.length, 0)))).toBeLessThanOrEqual(CELLS_PER_MESSAGE);
  // The answer itself carries no rows: they all came in the slices.
  const answers = workers[0].sent.filter((m): m is Extract<ToWorker, { type: "portReply"; ok: true }> => m.type === "portReply" && m.ok && m.sliced === true);
  expect(answers.length).toBe(1);
  expect((answers[0].value as { values: unknown[] }[]).every((t) => t.values.length === 0)).toBe(true);
  // Put back in order: the check counts the same as on the page, where nothing crosses.
  // (Gini over every account's sales: a slice lost, doubled or out of order would change it.)
  expect(inTheWorker).toEqual(await base.checkData());
  expect(inTheWorker.accountCount).toBe(team.Accounts.length - 1);
  expect(inTheWorker.gini).not.toBeNull();
});

test("Cancel while a large sheet crosses stops sending it: no slice is sent after the press", async () => {
  const team = generateTeam({ reps: 60, accounts: 900, months: 24, settings: false }).sheets;
  const { actions } = setUp(team);
  const controller = new AbortController();
  const run = actions.runAllocation({ signal: controller.signal });
  // The press comes while the slices go out (after the second has been sent).
  await new Promise<void>((resolve) => {
    const poll = () => (workers[0]?.sent.filter((m) => m.type === "portRows").length ?? 0) >= 2 ? resolve() : setTimeout(poll, 0);
    poll();
  });
  controller.abort();
  const sentAtPress = workers[0].sent.length;
  expect(isCancelled(await run.catch((e: unknown) => e))).toBe(true);
  await settle();
  expect(workers[0].sent.length).toBe(sentAtPress);
  expect(workers[0].sent.some((m) => m.type === "portReply" && m.ok && m.sliced)).toBe(false);
});

test("Cancel during the engine's part stops the run at once: the promise rejects, onStopped is told, the worker is gone, nothing is written", async () => {
  const { actions } = setUp();
  const before = host.workbook.sheetNames();
  const controller = new AbortController();
  const events: string[] = [];
  performance.clearMarks(RUN_STOPPED_MARK);
  const run = actions.runAllocation({
    signal: controller.signal,
    onStopped: () => events.push("stopped"),
    progress: (step) => {
      if (step === "check" && !controller.signal.aborted) {
        controller.abort();
        events.push("aborted");
      }
    },
  });
  const error = await run.catch((e: unknown) => e);
  expect(isCancelled(error)).toBe(true);
  // Told inside abort(): before abort() returns.
  expect(events).toEqual(["stopped", "aborted"]);
  expect(workers[0].terminated).toBe(true);
  expect(performance.getEntriesByName(RUN_STOPPED_MARK).length).toBe(1);
  await settle();
  expect(host.workbook.sheetNames()).toEqual(before);
  // The next run gets a new worker and works.
  await actions.runAllocation();
  expect(workers.length).toBe(2);
  expect(host.workbook.sheetNames().length).toBeGreaterThan(before.length);
});

test("a signal already aborted runs nothing; Cancel once the write has begun lets the run finish", async () => {
  const { actions } = setUp();
  const aborted = new AbortController();
  aborted.abort();
  expect(isCancelled(await actions.runAllocation({ signal: aborted.signal }).catch((e: unknown) => e))).toBe(true);
  expect(workers.length).toBe(0);

  // Abort while the page writes the sheets: too late, the run completes and its sheets are there.
  const controller = new AbortController();
  const addSheets = port.addSheets.bind(port);
  port.addSheets = async (...args: Parameters<WorkbookPort["addSheets"]>) => {
    controller.abort();
    return addSheets(...args);
  };
  const summary = await actions.runAllocation({ signal: controller.signal });
  expect(host.workbook.sheetNames()).toEqual(expect.arrayContaining(summary.sheetsWritten));
  expect(workers[0].terminated).toBe(false);
});

test("errors cross with their name, message and fields", async () => {
  const { actions } = setUp();
  port.readTables = () => Promise.reject(Object.assign(new Error("The sheet is locked."), { name: "RichApi.Error", code: "AccessDenied" }));
  await expect(actions.checkData()).rejects.toMatchObject({ name: "RichApi.Error", message: "The sheet is locked.", code: "AccessDenied" });
  const roundTrip = receiveError(sendError(Object.assign(new RangeError("bad"), { sheets: ["A", "B"], nested: { x: 1 } })));
  expect({ name: roundTrip.name, message: roundTrip.message, sheets: (roundTrip as unknown as { sheets: string[] }).sheets, nested: (roundTrip as unknown as { nested?: unknown }).nested }).toEqual({ name: "RangeError", message: "bad", sheets: ["A", "B"], nested: undefined });
});

test("without a worker (none can be made, or it fails to load) the page computes", async () => {
  host = installFakeExcel(FakeWorkbook.from(smallTeam()));
  port = new OfficeWorkbook();
  const base = createActions(port, "en-US");
  const none = inWorker(base, port, () => {
    throw new Error("Worker is not defined");
  });
  expect((await none.checkData()).repCount).toBe(3);

  // A worker whose script does not load: its error event; the call is made again on the page.
  let spawned = 0;
  const broken = inWorker(base, port, () => {
    spawned++;
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: () => setTimeout(() => w.onerror?.({ message: "404", preventDefault: () => undefined } as unknown as ErrorEvent), 0),
      terminate: () => undefined,
    };
    return w;
  });
  expect((await broken.runAllocation()).sheetsWritten).toContain("Fairshare Proposal 2026-03");
  expect((await broken.checkData()).repCount).toBe(3);
  expect(spawned).toBe(1);
});
