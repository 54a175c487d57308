import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import type { Cell } from "../../src/engine/table";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-apply-"));

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

async function sheet(file: string, name: string): Promise<Cell[][]> {
  const [t] = await (await ExcelJsWorkbook.open(file)).readTables([name]);
  return t.values;
}

describe("run → approve some rows → apply → apply again, on the sample workbook", () => {
  const ran = path.join(tmp, "ran.xlsx");
  const decided = path.join(tmp, "decided.xlsx");
  const applied = path.join(tmp, "applied.xlsx");
  const again = path.join(tmp, "again.xlsx");
  let run: any;
  let first: any;
  let second: any;
  const approved: any[] = [];
  const rejected: any[] = [];
  let conflicted: any;

  beforeAll(async () => {
    expect((await cli("run", SAMPLE, "--out", ran, "--json", path.join(tmp, "run.json"), "--quiet")).code).toBe(0);
    run = JSON.parse(readFileSync(path.join(tmp, "run.json"), "utf8"));
    // A manager decides five rows: approves three (one per rule where possible), rejects one, and
    // someone changes the owner of a fourth approved row by hand before apply (a conflict).
    const wb = await ExcelJsWorkbook.open(ran);
    const ws = wb.workbook.getWorksheet("Fairshare Proposal 2026-10")!;
    const headerRow = ws.getSheetValues().findIndex((r: any) => Array.isArray(r) && r[1] === "Proposal ID");
    const header = (ws.getRow(headerRow).values as Cell[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const byRule = (rule: string) => run.reassignments.find((r: any) => r.rule === rule && !approved.includes(r));
    for (const rule of ["STAGNATION", "DORMANT", "OVER_CAPACITY"]) approved.push(byRule(rule));
    rejected.push(byRule("ORPHAN"));
    conflicted = run.reassignments.find((r: any) => r.rule === "STAGNATION" && !approved.includes(r));
    const rowOf = (pid: string) => {
      for (let r = headerRow + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col("Proposal ID")).value === pid) return r;
      throw new Error(pid);
    };
    for (const m of [...approved, conflicted]) {
      ws.getRow(rowOf(m.proposalId)).getCell(col("Decision")).value = "Approve";
      ws.getRow(rowOf(m.proposalId)).getCell(col("Approver")).value = "Mgr Wang";
    }
    ws.getRow(rowOf(rejected[0].proposalId)).getCell(col("Decision")).value = "拒绝";
    const accounts = wb.workbook.getWorksheet("Accounts")!;
    accounts.eachRow((row) => {
      if (row.getCell(1).value === conflicted.accountId) row.getCell(3).value = "R001";
    });
    await wb.save(decided);
    expect((await cli("apply", decided, "--out", applied, "--json", path.join(tmp, "apply1.json"), "--quiet")).code).toBe(0);
    first = JSON.parse(readFileSync(path.join(tmp, "apply1.json"), "utf8"));
    expect((await cli("apply", applied, "--out", again, "--json", path.join(tmp, "apply2.json"), "--quiet")).code).toBe(0);
    second = JSON.parse(readFileSync(path.join(tmp, "apply2.json"), "utf8"));
  });

  test("run proposes moves of every rule, each with its reason and evidence", () => {
    const rules = new Set(run.reassignments.map((r: any) => r.rule));
    expect(rules).toEqual(new Set(["ORPHAN", "DORMANT", "STAGNATION", "OVER_CAPACITY"]));
    for (const r of run.reassignments) {
      expect(r.reason).toBeTruthy();
      expect(r.evidence).toBeTruthy();
      expect(r.toRepId).not.toBe(r.fromRepId);
    }
    const stag = run.reassignments.find((r: any) => r.rule === "STAGNATION");
    expect(stag.evidence).toMatch(/^Book growth Aug −?\d+\.\d%, Sep −?\d+\.\d%, Oct −?\d+\.\d% ≤ 0%/);
    expect(run.fairness.after.gini).toBeLessThan(run.fairness.before.gini);
  });

  test("apply changes exactly the approved Owner cells and reports each decision", async () => {
    const ids = (xs: any[]) => xs.map((x) => x.proposalId).sort();
    expect(ids(first.applied)).toEqual(ids(approved));
    expect(ids(first.rejected)).toEqual(ids(rejected));
    expect(ids(first.conflicts)).toEqual([conflicted.proposalId]);
    expect(first.conflicts[0].detail).toBe("owner is now “R001”");
    expect(first.alreadyApplied).toEqual([]);
    const before = await sheet(decided, "Accounts");
    const after = await sheet(applied, "Accounts");
    const changed: string[] = [];
    before.forEach((row, r) => row.forEach((v, c) => {
      const same = v instanceof Date && after[r][c] instanceof Date ? v.getTime() === (after[r][c] as Date).getTime() : after[r][c] === v;
      if (!same) changed.push(`${row[0]}:${c}:${v}→${after[r][c]}`);
    }));
    expect(changed.sort()).toEqual(approved.map((m) => `${m.accountId}:2:${m.fromRepId}→${m.toRepId}`).sort());
    // Every other sheet is untouched.
    for (const name of ["Reps", "Sales", "Fairshare Proposal 2026-10"]) expect(await sheet(applied, name)).toEqual(await sheet(decided, name));
  });

  test("the audit log has one row per decided row", async () => {
    const log = await sheet(applied, "Fairshare Audit Log");
    expect(log[0]).toEqual(["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"]);
    const rows = log.slice(1).map((r) => [r[1], r[7]]);
    expect(rows.sort()).toEqual(
      [...approved.map((m) => [m.proposalId, "applied"]), [rejected[0].proposalId, "rejected"], [conflicted.proposalId, "conflict"]].sort(),
    );
    expect(log.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/.test(String(r[0])))).toBe(true);
  });

  test("applying again changes nothing", async () => {
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.map((x: any) => x.proposalId).sort()).toEqual(approved.map((m) => m.proposalId).sort());
    for (const name of ["Accounts", "Fairshare Audit Log", "Reps", "Sales"]) expect(await sheet(again, name)).toEqual(await sheet(applied, name));
  });

  test("a second run on the applied workbook respects cooldown and names its proposal #2", async () => {
    const out = path.join(tmp, "rerun.xlsx");
    expect((await cli("run", applied, "--out", out, "--json", path.join(tmp, "rerun.json"), "--quiet")).code).toBe(0);
    const rerun = JSON.parse(readFileSync(path.join(tmp, "rerun.json"), "utf8"));
    expect(rerun.sheetsWritten).toContain("Fairshare Proposal 2026-10 #2");
    expect(rerun.reassignments[0].proposalId).toMatch(/^P202610-2-/);
    // nobody gets back an account they lost in an applied move
    for (const m of approved) expect(rerun.reassignments.some((r: any) => r.accountId === m.accountId && r.toRepId === m.fromRepId)).toBe(false);
  });
});
