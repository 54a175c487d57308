#!/usr/bin/env node
/**
 * Time per call of the custom functions' engine path: what one =FAIRSHARE.INCENTIVE cell costs once the
 * workbook's plan is cached (argument reading, tier tables from their caches, the engine's statement).
 * Then the figures behind keeping INCENTIVE/BREAKDOWN/SCORE fresh: a workbook of N =FAIRSHARE.INCENTIVE
 * cells in the fake Excel host with its custom-functions runtime, run two ways —
 *   volatile:  INCENTIVE marked @volatile, reading the settings once per recalculation (what staying fresh
 *              would take without a listener; with the 5 s cache instead it would be stale after quick edits);
 *   listener:  what ships — streaming INCENTIVE, the shared runtime's sheet listener pushing fresh results.
 * Each is measured for an edit of an unrelated cell and for an edit of a setting: function calls, settings
 * reads and the JavaScript time until the workbook settles. Prints figures, asserts nothing about speed.
 *
 *   node scripts/bench-functions.js [--runs 9]
 *
 * src/functions is not part of tsconfig.cli.json (it needs the Office types), so this transpiles the
 * functions module, the fake host and what they import with the project's TypeScript into a temporary
 * directory first, and measures that code, not a copy of it. No build step is needed. Outside Excel the
 * wrappers use the default plan.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
/** `--quick`: one small run of everything (test/benchScripts.test.ts checks that the bench still runs). */
const QUICK = process.argv.includes("--quick");
const SIZES = QUICK ? [1_000] : [10_000, 100_000];
/** INCENTIVE cells in the staleness comparison. */
const CELL_COUNTS = QUICK ? [100] : [1_000, 10_000];
/** Edits of unrelated cells measured per workbook (the median is printed). */
const UNRELATED_EDITS = QUICK ? 1 : 5;
const runsArg = process.argv.indexOf("--runs");
const RUNS = QUICK ? 1 : runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 9) : 9;

/**
 * Transpiles src/functions/functions.ts and every module it imports (relative imports, followed) to
 * CommonJS in a temp dir, keeping the src/ layout; returns that dir. Transpiling only (the code is
 * type-checked by `npm run typecheck`) takes a second instead of a full program's ten.
 */
function compile() {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "fairshare-bench-functions-"));
  const src = path.join(ROOT, "src");
  const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX };
  const resolve = (from, spec) => {
    const base = path.resolve(path.dirname(from), spec);
    for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
    fail(`cannot resolve ${spec} from ${path.relative(ROOT, from)}`);
  };
  const queue = ["functions/functions.ts", "fakes/fakeExcel.ts", "fakes/fakeCustomFunctions.ts"].map((f) => path.join(src, f));
  const seen = new Set(queue);
  while (queue.length) {
    const file = queue.pop();
    const text = fs.readFileSync(file, "utf8");
    const target = path.join(outDir, path.relative(src, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.endsWith(".json")) {
      fs.copyFileSync(file, target);
      continue;
    }
    fs.writeFileSync(target.replace(/\.tsx?$/, ".js"), ts.transpileModule(text, { compilerOptions: options, fileName: file }).outputText);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const dep = resolve(file, fileName);
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return outDir;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Calls made before timing, so every size is measured on optimized code. */
const WARM_UP = 50_000;

/** µs per call: median over RUNS runs of `calls` calls, after a warm-up. */
function timeSync(calls, body) {
  body(Math.max(calls, WARM_UP));
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    body(calls);
    runs.push(((performance.now() - t) * 1000) / calls);
  }
  return median(runs);
}

async function timeAsync(calls, body) {
  await body(Math.max(calls, WARM_UP));
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await body(calls);
    runs.push(((performance.now() - t) * 1000) / calls);
  }
  return median(runs);
}

async function main() {
  const t0 = performance.now();
  const out = compile();
  const compileMs = performance.now() - t0;
  try {
    const { defaultPlan } = require(path.join(out, "engine/incentives/plan.js"));
    const { incentiveRequestCore, incentiveCore, tieredCore } = require(path.join(out, "functions/incentive.js"));
    globalThis.CustomFunctions = { Error: class extends Error {}, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    const { incentiveFunction } = require(path.join(out, "functions/functions.js"));

    const plan = defaultPlan(); // what the cache holds after the first cell has read the settings
    const TEXT = [["0:3%; 100000:5%; 200000:8%"]];
    const RANGE = () => [[0, "3%"], [100000, 0.05], [200000, "8%"]]; // Excel hands over a new array per call
    let sink = 0;

    const cases = [
      [
        "INCENTIVE core, plan's tiers (sales, quota, —, 3 new, 80,000 retained, 4.5)",
        (n) => {
          for (let i = 0; i < n; i++) {
            const r = incentiveRequestCore(200000 + i, 150000, undefined, 3, 80000, 4.5);
            sink += r.ok ? incentiveCore(r.value, plan) : 0;
          }
        },
      ],
      [
        "INCENTIVE core, tiers as text (parseTiers cache hit)",
        (n) => {
          for (let i = 0; i < n; i++) {
            const r = incentiveRequestCore(200000 + i, 150000, TEXT, 3, 80000, 4.5);
            sink += r.ok ? incentiveCore(r.value, plan) : 0;
          }
        },
      ],
      [
        "INCENTIVE core, tiers as a 3×2 range (range cache hit)",
        (n) => {
          for (let i = 0; i < n; i++) {
            const r = incentiveRequestCore(200000 + i, 150000, RANGE(), 3, 80000, 4.5);
            sink += r.ok ? incentiveCore(r.value, plan) : 0;
          }
        },
      ],
      [
        "TIERED core, tiers as text",
        (n) => {
          for (let i = 0; i < n; i++) {
            const r = tieredCore(200000 + i, TEXT, "marginal");
            sink += r.ok ? r.value : 0;
          }
        },
      ],
    ];
    const { resetLiveResults } = require(path.join(out, "functions/liveResults.js"));
    const asyncCase = [
      "INCENTIVE streaming wrapper, all cells at once (default plan outside Excel)",
      async (n) => {
        await new Promise((resolve) => {
          let left = n;
          const invocation = {
            setResult(v) {
              sink += v;
              if (--left === 0) resolve();
            },
          };
          // The invocation is the last parameter: the arguments not given here (the components' own,
          // omitted in the cell) arrive as null, as Excel hands them over.
          const omitted = new Array(Math.max(0, incentiveFunction.length - 7)).fill(null);
          for (let i = 0; i < n; i++) incentiveFunction(200000 + i, 150000, null, 3, 80000, 4.5, ...omitted, invocation);
        });
        resetLiveResults();
      },
    ];

    console.log(`node ${process.version}, median of ${RUNS} runs after a warm-up; transpiled in ${compileMs.toFixed(0)} ms\n`);
    const header = ["µs per call", ...SIZES.map((n) => `${n.toLocaleString("en-US")} calls`)];
    const rows = [];
    for (const [label, body] of cases) rows.push([label, ...SIZES.map((n) => timeSync(n, body).toFixed(2))]);
    rows.push([asyncCase[0], ...(await sequential(SIZES.map((n) => () => timeAsync(n, asyncCase[1])))).map((x) => x.toFixed(2))]);
    const width = Math.max(...rows.map((r) => r[0].length), header[0].length);
    console.log([header[0].padEnd(width), ...header.slice(1).map((h) => h.padStart(16))].join("  "));
    for (const r of rows) console.log([r[0].padEnd(width), ...r.slice(1).map((v) => v.padStart(16))].join("  "));
    await staleness(out);
    if (!Number.isFinite(sink)) console.log(sink); // keeps the results alive
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/**
 * Volatile vs listener on the fake host: for each N, a workbook with N INCENTIVE cells (sales and quota per
 * row), a Notes sheet and a settings sheet. Opens it (every cell evaluated), edits unrelated cells, then a
 * setting, and reports per edit the INCENTIVE calls Excel makes, the settings reads, the recomputations and
 * the JavaScript time until everything settled; checks that the results are fresh after the setting.
 */
async function staleness(out) {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const { withRuntimeOptions } = require("./localize-functions");
  const { FakeWorkbook, installFakeExcel, uninstallFakeExcel } = require(path.join(out, "fakes/fakeExcel.js"));
  const { installFakeCustomFunctions, uninstallFakeCustomFunctions } = require(path.join(out, "fakes/fakeCustomFunctions.js"));
  const functions = require(path.join(out, "functions/functions.js"));
  const { incentiveRequestCore, incentiveCore, planFromSettingsTableCore } = require(path.join(out, "functions/incentive.js"));
  const { resetLiveResults } = require(path.join(out, "functions/liveResults.js"));
  const { clearWorkbookCaches } = require(path.join(out, "functions/workbookData.js"));
  const { OfficeWorkbook } = require(path.join(out, "workbook/officeAdapter.js"));

  const generated = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], false);
  if (generated.errors.length) fail(generated.errors.join("\n"));
  const shipped = withRuntimeOptions(JSON.parse(generated.metadataJson));
  const volatile = {
    ...shipped,
    functions: shipped.functions.map((f) => (f.id === "INCENTIVE" ? { ...f, options: { volatile: true } } : f)),
  };

  // INCENTIVE made volatile: fresh only if every recalculation reads the settings (once, shared by the cells).
  let inflight = null;
  const planPerRecalculation = () => {
    if (!inflight) {
      inflight = new OfficeWorkbook().readTables(["Fairshare Settings"]).then(([table]) => planFromSettingsTableCore(table ?? null));
      inflight.then(() => Promise.resolve().then(() => (inflight = null)));
    }
    return inflight;
  };
  const volatileIncentive = async (sales, quota, tiers, newAccounts, retainedSales, satisfaction) => {
    const request = incentiveRequestCore(sales, quota, tiers, newAccounts, retainedSales, satisfaction);
    const plan = await planPerRecalculation();
    if (!request.ok || !plan.ok) throw new Error("bad request or plan");
    return incentiveCore(request.value, plan.value);
  };

  const measure = async (variant, n) => {
    const rows = Array.from({ length: n }, (_, i) => [100000 + i, 80000, { formula: `=FAIRSHARE.INCENTIVE(A${i + 1}, B${i + 1})` }]);
    const host = installFakeExcel(
      FakeWorkbook.from({ Data: rows, Notes: [["notes"]], "Fairshare Settings": [["Setting", "Value"], ["commissionTiers", "0:3%; 100000:5%; 200000:8%"]] }),
    );
    const runtime = installFakeCustomFunctions(host, variant === "volatile" ? volatile : shipped, { namespace: "FAIRSHARE" });
    for (const { id, functionName } of generated.associate) runtime.global.associate(id, id === "INCENTIVE" && variant === "volatile" ? volatileIncentive : functions[functionName]);
    const reads = () => host.valueReads.filter((r) => r.sheet === "Fairshare Settings").length;
    const step = async (edit) => {
      const calls = runtime.invocationCount("INCENTIVE");
      const before = reads();
      const t = performance.now();
      await edit();
      return { ms: performance.now() - t, calls: runtime.invocationCount("INCENTIVE") - calls, reads: reads() - before };
    };
    const open = await step(() => runtime.recalculateAll());
    const unrelated = [];
    for (let i = 0; i < UNRELATED_EDITS; i++) unrelated.push(await step(() => host.userEdit("Notes", `A${i + 2}`, i)));
    const setting = await step(() => host.userEdit("Fairshare Settings", "B2", "0:4%; 100000:6%; 200000:9%"));
    // Row 1 sells 100,000: 4% × 100,000 = 4,000 under the edited tiers (3,000 before).
    const fresh = host.workbook.sheet("Data").cell("C1").value === 4000;
    uninstallFakeCustomFunctions();
    uninstallFakeExcel();
    resetLiveResults();
    clearWorkbookCaches();
    const mid = (xs, k) => [...xs.map((x) => x[k])].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { open, unrelated: { ms: mid(unrelated, "ms"), calls: mid(unrelated, "calls"), reads: mid(unrelated, "reads") }, setting, fresh };
  };

  console.log(`\nKeeping INCENTIVE fresh after an edit: volatile vs the shared runtime's listener (fake Excel host; JavaScript time only, median of ${UNRELATED_EDITS} unrelated edits)`);
  const header = ["INCENTIVE cells", "design", "unrelated edit: calls", "settings reads", "ms", "setting edit: calls", "settings reads", "ms", "fresh"];
  const table = [header];
  for (const n of CELL_COUNTS) {
    for (const variant of ["volatile", "listener"]) {
      const r = await measure(variant, n);
      table.push([
        n.toLocaleString("en-US"),
        variant,
        String(r.unrelated.calls),
        String(r.unrelated.reads),
        r.unrelated.ms.toFixed(1),
        String(r.setting.calls),
        String(r.setting.reads),
        r.setting.ms.toFixed(1),
        r.fresh ? "yes" : "NO",
      ]);
    }
  }
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) console.log(row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
  console.log(
    "calls: how often Excel calls INCENTIVE for the edit (the listener recomputes from the cells' own arguments and sends only changed values, Excel calls nothing);\n" +
      "ms: until the fake host settles, including its own per-call marshalling, which in Excel crosses from the calc engine to the JavaScript runtime.",
  );
}

async function sequential(thunks) {
  const results = [];
  for (const f of thunks) results.push(await f());
  return results;
}

main().catch((err) => fail(err instanceof Error ? err.stack : String(err)));
