#!/usr/bin/env node
/**
 * Time per call of the custom functions' engine path: what one =FAIRSHARE.INCENTIVE cell costs once the
 * workbook's plan is cached (argument reading, tier tables from their caches, the engine's statement).
 * Prints figures, asserts nothing about speed.
 *
 *   node scripts/bench-functions.js [--runs 9]
 *
 * src/functions is not part of tsconfig.cli.json (it needs the Office types), so this transpiles the
 * functions module and what it imports with the project's TypeScript into a temporary directory first,
 * and measures that code, not a copy of it. No build step is needed. Outside Excel the wrappers use the
 * default plan.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const SIZES = [10_000, 100_000];
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1]) || 9) : 9;

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
  const queue = [path.join(src, "functions/functions.ts")];
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
    const asyncCase = [
      "INCENTIVE wrapper, all cells at once (Promise.all; default plan outside Excel)",
      async (n) => {
        const cells = new Array(n);
        for (let i = 0; i < n; i++) cells[i] = incentiveFunction(200000 + i, 150000, undefined, 3, 80000, 4.5);
        for (const v of await Promise.all(cells)) sink += v;
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
    if (!Number.isFinite(sink)) console.log(sink); // keeps the results alive
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function sequential(thunks) {
  const results = [];
  for (const f of thunks) results.push(await f());
  return results;
}

main().catch((err) => fail(err instanceof Error ? err.stack : String(err)));
