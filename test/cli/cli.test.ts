import { execFileSync } from "node:child_process";
import { COMPONENT_IDS } from "../../src/engine/incentives/components";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli";
import { writeSheets } from "../../src/cli/writeTable";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import type { Cell } from "../../src/engine/table";
import { smallTeam } from "../helpers/team";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-team.xlsx");
const RUN_SHEETS = [
  "Fairshare Data Check",
  "Fairshare Portfolio",
  "Fairshare Proposal 2026-10",
  "Fairshare Fairness 2026-10",
  "Fairshare At Risk 2026-10",
  "Fairshare Watch 2026-10",
  "Fairshare Team Report 2026-10",
  "Fairshare Scorecard 2026-10",
  "Fairshare Incentives 2026-10",
];
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-cli-"));


async function book(name: string, sheets: Record<string, Cell[][]>): Promise<string> {
  const file = path.join(tmp, name);
  await writeSheets(file, sheets, Object.keys(sheets));
  return file;
}

describe("fairshare run on the sample workbook", () => {
  const out = path.join(tmp, "sample.out.xlsx");
  const jsonFile = path.join(tmp, "sample.json");
  let json: any;

  beforeAll(async () => {
    const r = await cli("run", SAMPLE, "--out", out, "--json", jsonFile, "--quiet");
    expect(r.code).toBe(0);
    json = JSON.parse(readFileSync(jsonFile, "utf8"));
  });

  test("JSON carries the contract fields", () => {
    expect(json.period).toBe("2026-10");
    expect(json.issues).toEqual([]);
    expect(Object.keys(json.portfolio[0]).sort()).toEqual(["accounts", "branch", "class", "name", "region", "regionShare", "repId", "tenureMonths", "value12m"]);
    expect(Object.keys(json.fairness.before)).toEqual(expect.arrayContaining(["gini", "top10Share", "newRepShare", "byRegion"]));
    expect(Object.keys(json.fairness.before.byRegion).sort()).toEqual(["East", "North", "South"]);
    expect(Object.keys(json.scorecard[0])).toEqual(expect.arrayContaining(["repId", "score", "rank", "percentile", "dimensions", "profile", "recommendation"]));
    expect(Object.keys(json.scorecard[0].dimensions).sort()).toEqual(["newCustomers", "retention", "sales", "satisfaction", "teamwork"]);
    expect(Object.keys(json.incentives[0])).toEqual(expect.arrayContaining(["repId", "total", "components", "explanation"]));
    // The five original fields are a contract (extended, never renamed); the rest are the registry's newer components.
    expect(Object.keys(json.incentives[0].components)).toEqual(expect.arrayContaining(["commission", "newCustomerBonus", "retentionBonus", "handoverSplit", "teamBonus"]));
    expect(Object.keys(json.incentives[0].components)).toEqual([...COMPONENT_IDS]);
    for (const i of json.incentives) {
      const sum = Object.values(i.components as Record<string, number>).reduce((s, v) => s + Math.round(v * 100), 0);
      expect(sum).toBe(Math.round(i.total * 100));
    }
    expect(json.scorecard.map((s: any) => s.rank)).toEqual([...json.scorecard.map((s: any) => s.rank)].sort((a, b) => a - b));
  });

  test("portfolio values equal an independent sum over the Sales sheet", async () => {
    const wb = await ExcelJsWorkbook.open(SAMPLE);
    const [reps, accounts, sales] = await wb.readTables(["Reps", "Accounts", "Sales"]);
    const owner = new Map(accounts.values.slice(1).map((r) => [r[0], r[2]]));
    const active = new Set(reps.values.slice(1).filter((r) => r[4] === "Yes").map((r) => r[0]));
    const cents = new Map<Cell, number>();
    for (const [date, account, amount] of sales.values.slice(1)) {
      const d = date as Date;
      const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
      if (month < 2025 * 12 + 10 || month > 2026 * 12 + 9) continue; // 2025-11 .. 2026-10
      const o = owner.get(account);
      if (o) cents.set(o, (cents.get(o) ?? 0) + Math.round((amount as number) * 100));
    }
    expect(json.portfolio).toHaveLength(active.size);
    for (const p of json.portfolio) expect(Math.round(p.value12m * 100)).toBe(cents.get(p.repId) ?? 0);
  });

  test("the out workbook holds every input sheet unchanged plus the new sheets", async () => {
    const input = await ExcelJsWorkbook.open(SAMPLE);
    const output = await ExcelJsWorkbook.open(out);
    const inNames = (await input.listSheets()).map((s) => s.name);
    const outNames = (await output.listSheets()).map((s) => s.name);
    expect(outNames).toEqual([...inNames, ...RUN_SHEETS]);
    const a = await input.readTables(inNames);
    const b = await output.readTables(inNames);
    expect(b).toEqual(a);
    const [portfolio] = await output.readTables(["Fairshare Portfolio"]);
    const header = portfolio.values.findIndex((r) => r[0] === "Rep ID");
    expect(portfolio.values.slice(header + 1).map((r) => [r[0], r[7]])).toEqual(json.portfolio.map((p: any) => [p.repId, p.value12m]));
  });

  test("the old --streaming switch is accepted and changes nothing (there is one mode)", async () => {
    const streamed = path.join(tmp, "sample.streamed.xlsx");
    const jsonFile2 = path.join(tmp, "sample.streamed.json");
    expect((await cli("run", SAMPLE, "--out", streamed, "--json", jsonFile2, "--quiet", "--streaming")).code).toBe(0);
    const json2 = JSON.parse(readFileSync(jsonFile2, "utf8"));
    expect({ ...json2, out: null }).toEqual({ ...json, out: null });
    const input = await ExcelJsWorkbook.open(SAMPLE);
    const output = await ExcelJsWorkbook.open(streamed);
    const names = (await input.listSheets()).map((s) => s.name);
    expect((await output.listSheets()).map((s) => s.name)).toEqual([...names, ...RUN_SHEETS]);
    expect(await output.readTables(names)).toEqual(await input.readTables(names));
  });

  test("the input file is not touched", async () => {
    const before = readFileSync(SAMPLE);
    await cli("run", SAMPLE, "--out", path.join(tmp, "again.xlsx"), "--quiet");
    expect(readFileSync(SAMPLE).equals(before)).toBe(true);
  });
});

describe("fairshare check", () => {
  test("prints JSON to stdout with --json - and a summary elsewhere", async () => {
    const file = await book("small.xlsx", smallTeam());
    const r = await cli("check", file, "--json", "-");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.portfolio.map((p: any) => [p.repId, p.value12m])).toEqual([
      ["R1", 1500],
      ["R2", 300],
      ["R3", 200],
    ]);
    expect(r.stderr).toMatch(/Gini 0\.433/);
  });

  test("data errors exit 1 and run writes only the Data Check sheet", async () => {
    const t = smallTeam();
    t.Reps.push(["R1", "Duplicate", "2020-01-01", "North", "Y"]);
    const file = await book("dup.xlsx", t);
    const out = path.join(tmp, "dup.out.xlsx");
    const jsonFile = path.join(tmp, "dup.json");
    const r = await cli("run", file, "--out", out, "--json", jsonFile, "--quiet");
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(jsonFile, "utf8"));
    expect(json.issues.map((i: any) => [i.code, i.sheet, i.row, i.column])).toEqual([["duplicate_rep_id", "Reps", 6, "Rep ID"]]);
    const names = (await (await ExcelJsWorkbook.open(out)).listSheets()).map((s) => s.name);
    expect(names).toEqual(["Reps", "Accounts", "Sales", "Fairshare Settings", "Fairshare Data Check"]);
    const [dc] = await (await ExcelJsWorkbook.open(out)).readTables(["Fairshare Data Check"]);
    expect(dc.values.flat()).toContain("Rep ID “R1” appears again (first at row 2).");
  });

  test("a workbook without the required sheets exits 1 and says what is missing", async () => {
    const file = await book("empty.xlsx", { Notes: [["hello"]] });
    const r = await cli("check", file, "--json", "-", "--lang", "zh-CN");
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).issues.map((i: any) => [i.code, i.sheet]);
    expect(codes).toEqual([
      ["missing_sheet", "Reps"],
      ["missing_sheet", "Accounts"],
      ["missing_sheet", "Sales"],
    ]);
    expect(JSON.parse(r.stdout).issues[0].message).toMatch(/^未找到花名册工作表/);
  });

  test.each([
    [[]],
    [["frobnicate", "x.xlsx"]],
    [["run", SAMPLE]],
    [["check", path.join(tmp, "nope.xlsx")]],
    [["run", SAMPLE, "--out", SAMPLE]],
    [["check", SAMPLE, "--bogus"]],
  ])("usage error %p exits 2", async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/see fairshare --help/);
  });

  test("a file that is not a workbook is a usage error, not a crash", async () => {
    const file = path.join(tmp, "not.xlsx");
    require("node:fs").writeFileSync(file, "this is not a zip");
    const r = await cli("check", file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not\.xlsx: not an \.xlsx workbook \(it is not a zip file\)/);
  });

  test("the npx entry point runs the compiled CLI", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "fairshare.js");
    const out = execFileSync(process.execPath, [bin, "check", SAMPLE, "--json", "-", "--quiet"], { encoding: "utf8" });
    expect(JSON.parse(out).period).toBe("2026-10");
    expect(existsSync(bin)).toBe(true);
  });
});
