/**
 * `npm run bench` is how anyone checks the figures the README quotes: its scripts must keep running as
 * the code they measure changes (a streaming INCENTIVE that gained arguments once broke it silently).
 * This runs the functions bench in its quick mode and checks what it prints, not how fast: the listener
 * keeps every result fresh and makes no calls on an unrelated edit, where the volatile design recalculates
 * every cell.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { enUS } from "../src/taskpane/i18n/en-US";
import { RUN_STOPPED_MARK } from "../src/taskpane/worker/workerActions";
import { stepKey } from "../src/taskpane/hooks/allocationRun";

const ROOT = path.resolve(__dirname, "..");

test("the functions bench runs and finds the listener fresh without recalculating", () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "bench-functions.js"), "--quick"], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const lines = r.stdout.split("\n");
  // Every per-call case printed a figure.
  const perCall = lines.filter((l) => /^(INCENTIVE|TIERED) /.test(l) && !l.startsWith("INCENTIVE cells"));
  expect(perCall.length).toBeGreaterThanOrEqual(5);
  for (const l of perCall) expect(l).toMatch(/\s\d+\.\d\d$/);
  // The staleness table: one row per design, fresh in both; the listener makes no calls on an unrelated edit.
  const rows = lines.filter((l) => /^100\s+(volatile|listener)\s/.test(l)).map((l) => l.trim().split(/\s{2,}/));
  expect(rows.map((cells) => cells[1])).toEqual(["volatile", "listener"]);
  for (const cells of rows) expect(cells[cells.length - 1]).toBe("yes");
  const [volatile, listener] = rows;
  expect(Number(volatile[2])).toBe(100);
  expect(Number(listener[2])).toBe(0);
}, 300_000);

test("the slow-device run bench clicks and looks for the pane's own words, mark and stages", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench = require("../scripts/bench-run.js") as { EN: { runAllocation: string; cancel: string; runCancelled: string; runTab: RegExp }; RUN_STOPPED_MARK: string; WORKER_STEPS: string[] };
  expect(bench.EN.runAllocation).toBe(enUS.runAllocation);
  expect(bench.EN.cancel).toBe(enUS.cancel);
  expect(bench.EN.runCancelled).toBe(enUS.runCancelled);
  expect(bench.EN.runTab.test(enUS.sectionRun)).toBe(true);
  expect(bench.RUN_STOPPED_MARK).toBe(RUN_STOPPED_MARK);
  for (const step of bench.WORKER_STEPS) expect(stepKey(step)).not.toBe("stepWorking");
});
