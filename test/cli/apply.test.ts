import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli } from "../helpers/cli";
import { ExcelJsWorkbook } from "../../src/workbook/exceljsAdapter";
import type { Cell } from "../../src/engine/table";

const SAMPLE = path.join(__dirname, "..", "..", "examples", "sample-team.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "fairshare-apply-"));


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
  /** Approved rows whose To a manager overwrote with something that must never be written. */
  const untrusted: { move: any; to: string; detail: RegExp }[] = [];

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
    // One per rule where possible: three of the rules the sample's run proposes.
    for (const rule of ["STAGNATION", "DORMANT", "OVER_CAPACITY", "UNDERSERVED"]) if (approved.length < 3 && byRule(rule)) approved.push(byRule(rule));
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
    ws.getRow(rowOf(rejected[0].proposalId)).getCell(col("Approver")).value = "Mgr Li";
    ws.getRow(rowOf(rejected[0].proposalId)).getCell(col("Note")).value = "keeps the relationship for now";
    // To overwritten by hand: an ID not on the roster, a formula-looking text, a rep who left, a rep of another region.
    const reps = await sheet(ran, "Reps");
    const repHeader = reps[0].map(String);
    const [idC, regionC, activeC] = ["Rep ID", "Region", "Active"].map((h) => repHeader.indexOf(h));
    const left = reps.slice(1).find((r) => ["N", "No", "否"].includes(String(r[activeC])))!;
    const spare = run.reassignments.filter((r: any) => !approved.includes(r) && !rejected.includes(r) && r !== conflicted);
    const regionOf = (repId: string) => String(reps.find((r) => r[idC] === repId)![regionC]);
    const elsewhere = reps.slice(1).find((r) => !["N", "No", "否"].includes(String(r[activeC])) && String(r[regionC]) !== regionOf(spare[3].toRepId))!;
    untrusted.push(
      { move: spare[0], to: "R999", detail: /^To “R999” is not a Rep ID on the roster$/ },
      { move: spare[1], to: "=cmd|' /C calc'!A0", detail: /^To “=cmd\|' \/C calc'!A0” is not a Rep ID on the roster$/ },
      { move: spare[2], to: String(left[idC]), detail: new RegExp(`^To ${left[idC]} has left \\(Active = no\\)$`) },
      { move: spare[3], to: String(elsewhere[idC]), detail: new RegExp(`^To ${elsewhere[idC]} is in ${elsewhere[regionC]}, the account is in .+ \\(sameRegionOnly\\)$`) },
    );
    for (const u of untrusted) {
      ws.getRow(rowOf(u.move.proposalId)).getCell(col("To")).value = u.to;
      ws.getRow(rowOf(u.move.proposalId)).getCell(col("Decision")).value = "Approve";
    }
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
    // The sample has orphans, dormant accounts, stagnant veterans and underserved accounts; its
    // over-capacity reps are brought under their caps by the earlier rules' releases.
    expect(rules).toEqual(new Set(["ORPHAN", "DORMANT", "STAGNATION", "UNDERSERVED"]));
    expect(approved.map((m) => m.rule)).toEqual(["STAGNATION", "DORMANT", "UNDERSERVED"]);
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
    expect(ids(first.conflicts)).toEqual(ids([conflicted, ...untrusted.map((u) => u.move)]));
    expect(first.conflicts.find((c: any) => c.proposalId === conflicted.proposalId).detail).toBe("owner is now “R001”");
    // To is checked against the roster: nothing is written for these rows, and each says why in words.
    for (const u of untrusted) expect(first.conflicts.find((c: any) => c.proposalId === u.move.proposalId).detail).toMatch(u.detail);
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
      [
        ...approved.map((m) => [m.proposalId, "applied"]),
        [rejected[0].proposalId, "rejected"],
        [conflicted.proposalId, "conflict"],
        ...untrusted.map((u) => [u.move.proposalId, "conflict"]),
      ].sort(),
    );
    // The approver and their note reach the log word for word; the formula-looking To stays text.
    const rejectedRow = log.find((r) => r[1] === rejected[0].proposalId)!;
    expect([rejectedRow[6], rejectedRow[9]]).toEqual(["Mgr Li", "keeps the relationship for now"]);
    expect(log.find((r) => r[1] === untrusted[1].move.proposalId)![4]).toBe("=cmd|' /C calc'!A0");
    expect(log.slice(1).every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/.test(String(r[0])))).toBe(true);
  });

  test("applying again changes nothing", async () => {
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied.map((x: any) => x.proposalId).sort()).toEqual(approved.map((m) => m.proposalId).sort());
    for (const name of ["Accounts", "Fairshare Audit Log", "Reps", "Sales"]) expect(await sheet(again, name)).toEqual(await sheet(applied, name));
  });

  test("a rerun before any decision replaces its own proposal (same name, new ids); nothing else is added", async () => {
    const out = path.join(tmp, "rerun-undecided.xlsx");
    expect((await cli("run", ran, "--out", out, "--json", path.join(tmp, "rerun-undecided.json"), "--quiet")).code).toBe(0);
    const rerun = JSON.parse(readFileSync(path.join(tmp, "rerun-undecided.json"), "utf8"));
    expect(rerun.sheetsWritten).toContain("Fairshare Proposal 2026-10");
    expect(rerun.sheetsWritten.some((n: string) => n.includes("#"))).toBe(false);
    const names = (await (await ExcelJsWorkbook.open(out)).listSheets()).map((x) => x.name);
    expect(names).toEqual((await (await ExcelJsWorkbook.open(ran)).listSheets()).map((x) => x.name));
    // ids stay unique across runs: the replaced proposal had P202610-1-…
    expect(rerun.reassignments[0].proposalId).toMatch(/^P202610-2-/);
  });

  test("a rejected move is not proposed again (same account, rule and owner) within rejectionCooldownMonths", async () => {
    const out = path.join(tmp, "rerun-memory.xlsx");
    expect((await cli("run", applied, "--out", out, "--json", path.join(tmp, "rerun-memory.json"), "--quiet")).code).toBe(0);
    const rerun = JSON.parse(readFileSync(path.join(tmp, "rerun-memory.json"), "utf8"));
    const all = [...rerun.reassignments, ...rerun.unassigned];
    expect(all.some((r: any) => r.accountId === rejected[0].accountId && r.rule === rejected[0].rule)).toBe(false);
    // …and it still would be without the memory (the data did not change): switch the memory off.
    const withoutMemory = path.join(tmp, "no-memory.xlsx");
    const wb = await ExcelJsWorkbook.open(applied);
    const settings = wb.workbook.getWorksheet("Fairshare Settings")!;
    settings.addRow(["rejectionCooldownMonths", 0]);
    await wb.save(withoutMemory);
    expect((await cli("run", withoutMemory, "--out", path.join(tmp, "no-memory-out.xlsx"), "--json", path.join(tmp, "no-memory.json"), "--quiet")).code).toBe(0);
    const plain = JSON.parse(readFileSync(path.join(tmp, "no-memory.json"), "utf8"));
    expect([...plain.reassignments, ...plain.unassigned].some((r: any) => r.accountId === rejected[0].accountId && r.rule === rejected[0].rule)).toBe(true);
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
