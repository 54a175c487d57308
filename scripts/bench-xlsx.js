#!/usr/bin/env node
// npm run bench (part): `fairshare run` on the Excel-limit workbook (1,000 reps, 100k accounts,
// 1,048,575 sales rows — the most rows a sheet holds) side by side with a bare streaming read of the
// same file by ExcelJS, as a ratio, with each process's peak RSS; then the engine alone on the same
// workbook's tables (check, allocation, every output sheet, scorecard and incentives) beside the cost of
// parsing the same values into typed columns plus one aggregation pass, measured in the same runs, as a
// ratio. Prints figures; asserts nothing.
// The workbook is generated once into the OS temp folder and reused (delete it to regenerate).
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { generateTeam } = require("../build/sample/generateTeam.js");
const { writeSheets } = require("../build/cli/writeTable.js");

const EXCEL_ROWS = 1048576;
const dir = path.join(os.tmpdir(), "fairshare-bench");
const file = path.join(dir, "excel-limit-v1.xlsx");
const child = path.join(__dirname, "bench-xlsx-child.js");
const engineChild = path.join(__dirname, "bench-engine-child.js");
/** Engine runs in one process (the first is cold, as `fairshare run` has it); medians are quoted. */
const ENGINE_RUNS = 5;

async function ensureWorkbook() {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(dir, { recursive: true });
  const t = performance.now();
  const team = generateTeam({ reps: 1000, accounts: 100000, ordersPerMonth: 0.545 });
  // Exactly Excel's limit: the header and 1,048,575 rows.
  team.sheets.Sales = team.sheets.Sales.slice(0, EXCEL_ROWS);
  const tmp = `${file}.${process.pid}.tmp`;
  await writeSheets(tmp, team.sheets, team.order);
  fs.renameSync(tmp, file);
  console.log(`  (generated ${path.basename(file)}: ${team.sheets.Sales.length - 1} sales rows, ${(fs.statSync(file).size / 1048576).toFixed(1)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

function measure(args) {
  const t = performance.now();
  // Node's defaults, as `npx fairshare` runs.
  const r = spawnSync(process.execPath, [child, ...args], { encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
  return { ms, maxRssMB: JSON.parse(r.stdout.trim().split("\n").pop()).maxRssMB };
}

/** Why a scanner of our own for sheet parts: the same part inflated alone, through saxes, and through it. */
async function compareParsers() {
  const { ZipArchive } = require("../build/workbook/xlsx/zip.js");
  const { scanXml } = require("../build/workbook/xlsx/scanXml.js");
  const { SaxesParser } = require("saxes");
  const { StringDecoder } = require("node:string_decoder");
  const zip = await ZipArchive.open(file);
  const entry = zip.entries.reduce((a, b) => (b.size > a.size ? b : a));
  const time = async (f) => {
    const t = performance.now();
    await f();
    return `${((performance.now() - t) / 1000).toFixed(1)} s`;
  };
  const inflate = await time(async () => {
    for await (const _ of zip.stream(entry));
  });
  const saxes = await time(async () => {
    const p = new SaxesParser({ xmlns: false });
    p.on("opentag", () => undefined);
    p.on("text", () => undefined);
    const d = new StringDecoder("utf8");
    for await (const c of zip.stream(entry)) p.write(d.write(c));
    p.close();
  });
  const ours = await time(() => scanXml(zip.stream(entry), { open() {}, close() {}, text() {} }, entry.name));
  await zip.close();
  console.log(`  largest part (${entry.name}, ${(entry.size / 1048576).toFixed(0)} MB of XML): inflate (node:zlib) ${inflate} | + saxes, events only ${saxes} | + scanXml ${ours}`);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${Math.round(x).toLocaleString("en-US")} ms`;

/**
 * The engine alone against its anchor, in one process with Node's defaults: both measured in every run,
 * the ratio taken run by run (a busy machine slows both alike) and its median quoted.
 */
function engineAlone() {
  const r = spawnSync(process.execPath, ["--expose-gc", engineChild, file, String(ENGINE_RUNS)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`engine bench failed: ${r.stderr}`);
  const f = JSON.parse(r.stdout.trim().split("\n").pop());
  const ratio = (a, b) => median(a.map((x, i) => x / b[i]));
  console.log(
    `  engine alone (check, allocation, every sheet, scorecard, incentives; tables read once, nothing written), median of ${ENGINE_RUNS} runs, the first cold:` +
      ` ${ms(median(f.engineMs))} (main thread's CPU ${ms(median(f.engineMainCpuMs))}; first run ${ms(f.engineMs[0])})` +
      ` | typed columns + one aggregation pass in the same runs: ${ms(median(f.anchorMs))} (CPU ${ms(median(f.anchorMainCpuMs))})` +
      ` | ratio ${ratio(f.engineMs, f.anchorMs).toFixed(1)}x (CPU ${ratio(f.engineMainCpuMs, f.anchorMainCpuMs).toFixed(1)}x; target: engine <= 1 s, about 6x the anchor)`,
  );
}

(async () => {
  await ensureWorkbook();
  const out = path.join(dir, `run-${process.pid}.xlsx`);
  const runs = [];
  const reads = [];
  // Alternate, twice each, so a busy machine weighs on both alike; report the faster of each.
  for (let i = 0; i < 2; i++) {
    reads.push(measure(["exceljs-read", file]));
    runs.push(measure(["fairshare-run", file, out]));
    fs.rmSync(out, { force: true });
  }
  const best = (xs) => xs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const run = best(runs);
  const read = best(reads);
  const mb = (n) => `${(fs.statSync(file).size / 1048576).toFixed(1)} MB`;
  console.log(
    `Excel-limit workbook (${mb()}): fairshare run ${(run.ms / 1000).toFixed(1)} s, peak RSS ${run.maxRssMB} MB` +
      ` | ExcelJS streaming read alone ${(read.ms / 1000).toFixed(1)} s, peak RSS ${read.maxRssMB} MB` +
      ` | ratio ${(run.ms / read.ms).toFixed(2)}x (target <= 1.5x, RSS <= 600 MB)`,
  );
  await compareParsers();
  engineAlone();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
