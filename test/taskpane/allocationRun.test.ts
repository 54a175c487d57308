/** Run allocation with progress and cancel, driven by fake actions and by the real pipeline on a memory workbook. */
import type { PaneActions, RunSummary } from "../../src/taskpane/actions";
import { afterPaint, isCancelled, nextProgress, runWithCancel, stepKey, type CancelFlag } from "../../src/taskpane/hooks/allocationRun";
import { progressStore } from "../../src/taskpane/hooks/progressStore";
import { translator } from "../../src/taskpane/i18n/locale";
import { createActions } from "../../src/taskpane/officeActions";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";
import { smallTeam } from "../helpers/team";

const summary = { period: "2026-03", errorCount: 0, sheetsWritten: ["P"] } as RunSummary;

describe("nextProgress", () => {
  it("never moves backwards, and keeps the fraction within 0–1", () => {
    let p = nextProgress(null, "detect", 0);
    p = nextProgress(p, "allocate", 0.85);
    p = nextProgress(p, "evaluate", 0.8);
    expect(p).toEqual({ step: "evaluate", fraction: 0.85 });
    expect(nextProgress(p, "done", 3)).toEqual({ step: "done", fraction: 1 });
    expect(nextProgress(null, "read", Number.NaN)).toEqual({ step: "read", fraction: 0 });
  });
});

describe("progressStore", () => {
  it("holds where the run is and tells its listeners of each real change only", () => {
    const store = progressStore();
    const heard: (string | null)[] = [];
    const stop = store.subscribe(() => heard.push(store.get()?.step ?? null));
    store.set({ step: "read", fraction: 0.1 });
    store.set({ step: "read", fraction: 0.1 }); // the same place again: no redraw
    store.set((p) => nextProgress(p, "allocate", 0.85));
    store.set((p) => nextProgress(p, "evaluate", 0.8));
    expect(store.get()).toEqual({ step: "evaluate", fraction: 0.85 });
    store.set(null);
    store.set(null);
    stop();
    store.set({ step: "write", fraction: 0.9 }); // no longer listening
    expect(heard).toEqual(["read", "allocate", "evaluate", null]);
    expect(store.get()).toEqual({ step: "write", fraction: 0.9 });
  });
});

describe("stepKey", () => {
  it("names every pipeline step in both languages, and an unknown one as working", () => {
    for (const step of ["detect", "read", "check", "allocate", "evaluate", "write", "done"]) expect(stepKey(step)).not.toBe("stepWorking");
    expect(stepKey("later")).toBe("stepWorking");
    expect(translator("zh-CN")(stepKey("write"))).toBe("正在写入工作表");
  });
});

describe("isCancelled", () => {
  it("recognises the pipeline's CancelledError by name", () => {
    expect(isCancelled(Object.assign(new Error("cancelled"), { name: "CancelledError" }))).toBe(true);
    expect(isCancelled(new Error("Sheet is protected"))).toBe(false);
    expect(isCancelled("CancelledError")).toBe(false);
    expect(isCancelled(null)).toBe(false);
  });
});

describe("runWithCancel", () => {
  it("passes the flag as the signal and the listener as progress, and returns the summary", async () => {
    const flag: CancelFlag = { aborted: false };
    const seen: string[] = [];
    const actions: Pick<PaneActions, "runAllocation"> = {
      async runAllocation(options) {
        expect(options?.signal).toBe(flag);
        options?.progress?.("read", 0.1);
        return summary;
      },
    };
    expect(await runWithCancel(actions, flag, (step) => void seen.push(step))).toEqual({ kind: "done", summary, cancelTooLate: false });
    expect(seen).toEqual(["read"]);
  });

  it("turns a CancelledError into 'cancelled' and rethrows anything else", async () => {
    const flag: CancelFlag = { aborted: false };
    const cancelled = { runAllocation: () => Promise.reject(Object.assign(new Error(), { name: "CancelledError" })) };
    expect(await runWithCancel(cancelled, flag, () => {})).toEqual({ kind: "cancelled" });
    const broken = { runAllocation: () => Promise.reject(new Error("The workbook is read-only")) };
    await expect(runWithCancel(broken, flag, () => {})).rejects.toThrow("read-only");
  });

  it("says when Cancel came after the write began", async () => {
    const flag: CancelFlag = { aborted: false };
    const actions = {
      async runAllocation() {
        flag.aborted = true; // pressed while the sheets were being written
        return summary;
      },
    };
    expect(await runWithCancel(actions, flag, () => {})).toEqual({ kind: "done", summary, cancelTooLate: true });
  });

  it("with the real pipeline: the run waits for the pane to paint each step, and a Cancel clicked meanwhile writes nothing", async () => {
    const port = new MemoryWorkbook(smallTeam());
    const actions = createActions(port, "en-US");
    const sheetsBefore = (await port.listSheets()).map((s) => s.name);
    const flag: CancelFlag = { aborted: false };
    const steps: string[] = [];
    // The click arrives in a later task than the progress report, as a real click does.
    const outcome = await runWithCancel(actions, flag, (step) => {
      steps.push(step);
      if (step === "allocate") setTimeout(() => (flag.aborted = true), 0);
      return afterPaint();
    });
    expect(outcome).toEqual({ kind: "cancelled" });
    expect(steps).toEqual(["detect", "read", "check", "check", "evaluate", "allocate"]);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(sheetsBefore);
  });

  it("with the real pipeline: cancel pressed during a step writes nothing", async () => {
    const port = new MemoryWorkbook(smallTeam());
    const actions = createActions(port, "en-US");
    const sheetsBefore = (await port.listSheets()).map((s) => s.name);
    const flag: CancelFlag = { aborted: false };
    const outcome = await runWithCancel(actions, flag, (step) => {
      if (step === "check") flag.aborted = true;
    });
    expect(outcome).toEqual({ kind: "cancelled" });
    expect((await port.listSheets()).map((s) => s.name)).toEqual(sheetsBefore);

    const done = await runWithCancel(actions, { aborted: false }, () => {});
    expect(done.kind).toBe("done");
    expect(done.kind === "done" && done.summary.sheetsWritten.length).toBeGreaterThan(0);
  });
});
