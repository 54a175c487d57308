#!/usr/bin/env node
// One measured process for scripts/bench-xlsx.js: `node bench-engine-child.js <file> <repeats>`.
// Reads the workbook's input sheets once (through the CLI's reader), then times, alternately and
// `repeats` times each:
//  - the anchor: the Sales, Accounts and Reps values parsed into typed columns (IDs to indices through a
//    Map, dates to day numbers, amounts to cents) plus one aggregation pass (12-month value per owner);
//  - the engine alone: `runAllocation` on those tables held in memory, nothing written (check, allocation,
//    every output sheet, scorecard and incentives: what `fairshare run` does between reading and writing).
// Prints {anchorMs, engineMs, anchorMainCpuMs, engineMainCpuMs} (one figure per repeat) as JSON: wall clock,
// and the main thread's CPU time, which a busy machine inflates less than the wall clock.
const fs = require("node:fs");
const { performance } = require("node:perf_hooks");
/** USER_HZ: /proc counts CPU time in these ticks (100 a second on Linux). */
const CLOCK_TICKS = 100;
const { XlsxWorkbook } = require("../build/workbook/xlsx/xlsxWorkbook.js");
const { runAllocation } = require("../build/workbook/pipeline.js");

const [file, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 5);

/** The workbook's sheets as read once; a port that serves them from memory and writes nothing. */
class TablesPort {
  constructor(sheets, tables) {
    this.sheets = sheets;
    this.tables = tables;
  }
  async listSheets() {
    return this.sheets;
  }
  async readTables(names, options = {}) {
    return names
      .map((n) => this.tables.get(n))
      .filter(Boolean)
      .map((t) => (options.maxRows === undefined ? t : { ...t, values: t.values.slice(0, options.maxRows) }));
  }
  async addSheets() {}
  async updateCells() {}
  async appendRows() {}
  async activate() {}
}

const DAY_MS = 86400000;
const dayOf = (v) => (v instanceof Date ? Math.floor(v.getTime() / DAY_MS) : typeof v === "number" ? Math.floor(v) - 25569 : -1);
const monthOf = (day) => {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** Typed columns for the three input sheets plus one pass summing the last 12 months per owner. */
function anchor(tables) {
  const reps = tables.get("Reps").values;
  const accounts = tables.get("Accounts").values;
  const sales = tables.get("Sales").values;
  const col = (values, name) => values[0].indexOf(name);
  const repIndex = new Map();
  const rId = col(reps, "Rep ID");
  for (let r = 1; r < reps.length; r++) repIndex.set(String(reps[r][rId]), r - 1);
  const accountIndex = new Map();
  const aId = col(accounts, "Account ID");
  const aOwner = col(accounts, "Owner");
  const owner = new Int32Array(accounts.length - 1);
  for (let r = 1; r < accounts.length; r++) {
    accountIndex.set(String(accounts[r][aId]), r - 1);
    owner[r - 1] = repIndex.get(String(accounts[r][aOwner])) ?? -1;
  }
  const n = sales.length - 1;
  const sDate = col(sales, "Date");
  const sAccount = col(sales, "Account ID");
  const sAmount = col(sales, "Amount");
  const account = new Int32Array(n);
  const day = new Int32Array(n);
  const cents = new Float64Array(n);
  let maxDay = -Infinity;
  for (let r = 1; r <= n; r++) {
    const row = sales[r];
    account[r - 1] = accountIndex.get(String(row[sAccount])) ?? -1;
    const d = dayOf(row[sDate]);
    day[r - 1] = d;
    if (d > maxDay) maxDay = d;
    const a = row[sAmount];
    cents[r - 1] = Math.round((typeof a === "number" ? a : Number(a)) * 100);
  }
  // One aggregation pass: each owner's sales over the 12 months ending with the last sale's month.
  const period = monthOf(maxDay);
  const byRep = new Float64Array(reps.length - 1);
  for (let i = 0; i < n; i++) {
    const a = account[i];
    if (a < 0 || owner[a] < 0) continue;
    // month of a day without a Date per row: compare days against the window's first day.
    if (day[i] >= firstDayOf(period - 11)) byRep[owner[a]] += cents[i];
  }
  return byRep.reduce((s, v) => s + v, 0);
}
const firstDayCache = new Map();
function firstDayOf(month) {
  let d = firstDayCache.get(month);
  if (d === undefined) {
    d = Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
    firstDayCache.set(month, d);
  }
  return d;
}

(async () => {
  const wb = await XlsxWorkbook.open(file);
  const sheets = await wb.listSheets();
  const read = await wb.readTables(sheets.map((s) => s.name));
  await wb.close();
  const tables = new Map(read.map((t) => [t.sheet, t]));
  const port = new TablesPort(sheets, tables);
  const anchorMs = [];
  const engineMs = [];
  const anchorMainCpuMs = [];
  const engineMainCpuMs = [];
  // The main thread's CPU time (Linux): what the run itself computes, without the compiler's and the
  // collector's helper threads or other processes on a busy machine. Falls back to the process's time.
  const statFile = `/proc/self/task/${process.pid}/stat`;
  const cpu = () => {
    try {
      const fields = fs.readFileSync(statFile, "utf8").split(") ")[1].split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    }
  };
  let check = 0;
  for (let i = 0; i < repeats; i++) {
    global.gc?.();
    let c = cpu();
    let t = performance.now();
    check += anchor(tables);
    anchorMs.push(performance.now() - t);
    anchorMainCpuMs.push(cpu() - c);
    global.gc?.();
    c = cpu();
    t = performance.now();
    const run = await runAllocation(port, { write: false });
    engineMs.push(performance.now() - t);
    engineMainCpuMs.push(cpu() - c);
    if (!run.allocation) throw new Error("the run found errors in the bench workbook");
  }
  process.stdout.write(`${JSON.stringify({ anchorMs, engineMs, anchorMainCpuMs, engineMainCpuMs, check })}\n`);
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
