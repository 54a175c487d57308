/**
 * proposalPerRegion: one protected proposal sheet per region. Apply reads the decisions of all of them (and
 * a decision by someone who is not the region's approver is a conflict); a rerun replaces the whole set while
 * it is undecided and writes a "#2" set once a decision is in any of it. On the fake Excel host only the
 * Decision, Approver and Note cells of those sheets can be changed.
 */
import { installFakeExcel, uninstallFakeExcel, FakeWorkbook, FakeRichApiError } from "../../src/fakes/fakeExcel";
import type { Cell } from "../../src/engine/table";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { decidePending, reviewStatus } from "../../src/workbook/panePipeline";
import { applyApproved, runAllocation } from "../../src/workbook/pipeline";
import { sheetsOf } from "../engine/allocation/team";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";

afterEach(() => uninstallFakeExcel());

/** Orphans in three regions whose names cut to the same four letters: North, Northeast and South. */
function team(extraSettings: Cell[][] = []) {
  return sheetsOf({
    reps: [
      { id: "N1", hire: "2025-01-01", region: "North" },
      { id: "E1", hire: "2025-01-01", region: "Northeast" },
      { id: "S1", hire: "2025-01-01", region: "South" },
      { id: "L1", hire: "2025-01-01", region: "North", active: false },
      { id: "L2", hire: "2025-01-01", region: "Northeast", active: false },
      { id: "L3", hire: "2025-01-01", region: "South", active: false },
    ],
    accounts: [
      { id: "X1", owner: "L1", region: "North" },
      { id: "X2", owner: "L1", region: "North" },
      { id: "Y1", owner: "L2", region: "Northeast" },
      { id: "Z1", owner: "L3", region: "South" },
    ],
    sales: [
      ["2026-06-10", "X1", 300],
      ["2026-06-10", "X2", 200],
      ["2026-06-10", "Y1", 100],
      ["2026-06-10", "Z1", 100],
    ],
    settings: [["proposalPerRegion", "on"], ["approver.North", "Mia Chen"], ["maxShareOfMovedValue", "100%"], ...extraSettings],
  });
}

const NAMES = ["Fairshare Proposal 2026-06 Nort", "Fairshare Proposal 2026-06 Nor2", "Fairshare Proposal 2026-06 Sout"];

/** Sets Decision/Approver of an account's row in a plain proposal sheet. */
function decide(sheet: Cell[][], account: string, decision: string, approver: string) {
  const header = sheet.findIndex((r) => r[0] === "Proposal ID");
  const row = sheet.find((r) => r[1] === account)!;
  row[sheet[header].indexOf("Decision")] = decision;
  row[sheet[header].indexOf("Approver")] = approver;
}

test("one protected sheet per region, named within 31 characters; apply reads them all; a non-approver's decision is a conflict", async () => {
  const port = new MemoryWorkbook(team());
  const run = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  const proposals = run.sheets.filter((s) => s.name.startsWith("Fairshare Proposal"));
  expect(proposals.map((s) => s.name)).toEqual(NAMES);
  expect(run.written.slice(2, 5)).toEqual(NAMES);
  for (const s of proposals) {
    expect(s.name.length).toBeLessThanOrEqual(31);
    expect(s.protection).toEqual({ editable: ["Decision", "Approver", "Note"] });
  }
  // Each sheet holds its region's moves only, and names the region in full.
  const accountsOf = (name: string) => proposals.find((s) => s.name === name)!.rows.map((r) => r[1]).sort();
  expect(NAMES.map(accountsOf)).toEqual([["X1", "X2"], ["Y1"], ["Z1"]]);
  expect(proposals.map((s) => s.preamble![0][0])).toEqual([
    "Fairshare proposal for 2026-06, North: 2 moves, 0 accounts without a recipient",
    "Fairshare proposal for 2026-06, Northeast: 1 moves, 0 accounts without a recipient",
    "Fairshare proposal for 2026-06, South: 1 moves, 0 accounts without a recipient",
  ]);
  expect(proposals.every((s) => s.preamble!.some((l) => l[0] === "Only Decision, Approver and Note can be edited on this sheet (it is protected; Review > Unprotect Sheet lifts that)."))).toBe(true);

  decide(port.sheets.get(NAMES[0])!, "X1", "Approve", "mia chen");
  decide(port.sheets.get(NAMES[0])!, "X2", "Approve", "Bob"); // not North's approver
  decide(port.sheets.get(NAMES[1])!, "Y1", "Approve", "Bob"); // Northeast has no approvers
  decide(port.sheets.get(NAMES[2])!, "Z1", "Reject", "Ann");
  const report = await applyApproved(port, { now: new Date(Date.UTC(2026, 6, 2)) });
  expect(report.proposalSheets).toEqual(NAMES);
  expect(report.outcome.applied.map((a) => [a.accountId, a.sheet])).toEqual([
    ["X1", NAMES[0]],
    ["Y1", NAMES[1]],
  ]);
  expect(report.outcome.conflicts.map((c) => [c.accountId, c.detail])).toEqual([["X2", "needs approval by Mia Chen (North); Approver is “Bob”"]]);
  expect(report.outcome.rejected.map((r) => r.accountId)).toEqual(["Z1"]);
  const accounts = port.sheets.get("Accounts")!;
  expect(accounts.filter((r) => ["X1", "X2", "Y1", "Z1"].includes(r[0] as string)).map((r) => [r[0], r[2]])).toEqual([
    ["X1", "N1"],
    ["X2", "L1"],
    ["Y1", "E1"],
    ["Z1", "L3"],
  ]);
  // Each audit row names the sheet its decision came from.
  const log = port.sheets.get("Fairshare Audit Log")!;
  expect(log.slice(1).map((r) => [r[2], r[7], r[8]])).toEqual([
    ["X1", "applied", NAMES[0]],
    ["X2", "conflict", NAMES[0]],
    ["Y1", "applied", NAMES[1]],
    ["Z1", "rejected", NAMES[2]],
  ]);
});

test("a rerun replaces the undecided set in place; once one sheet has a decision the next run writes a #2 set, and apply reads that", async () => {
  const port = new MemoryWorkbook(team([["protectionPassword", "s3cret"]]));
  const first = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  expect(first.sheets.filter((s) => s.protection).map((s) => s.protection!.password)).toEqual(["s3cret", "s3cret", "s3cret"]);
  const tabs = [...port.sheets.keys()];
  const second = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  expect(second.replaced).toEqual(expect.arrayContaining(NAMES));
  expect([...port.sheets.keys()]).toEqual(tabs);
  expect(second.allocation!.moves[0].proposalId).toBe("P202606-2-001");

  // One decision in one region's sheet keeps the whole set.
  decide(port.sheets.get(NAMES[2])!, "Z1", "Reject", "Ann");
  const third = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  const set2 = ["Fairshare Proposal 2026-06 N #2", "Fairshare Proposal 2026-06 2 #2", "Fairshare Proposal 2026-06 S #2"];
  expect(third.written.filter((n) => n.startsWith("Fairshare Proposal"))).toEqual(set2);
  expect(third.replaced.filter((n) => n.startsWith("Fairshare Proposal"))).toEqual([]);
  expect([...port.sheets.keys()].filter((n) => n.startsWith("Fairshare Proposal"))).toEqual([...NAMES, ...set2]);
  expect(third.allocation!.moves[0].proposalId).toBe("P202606-3-001");
  expect(third.written).toEqual(expect.arrayContaining(["Fairshare Fairness 2026-06 #2", "Fairshare Watch 2026-06 #2"]));

  // The review and apply read the newest set: its three sheets, not the first run's.
  expect((await reviewStatus(port)).proposalSheets).toEqual(set2);
  // The first run's set is kept (it has a decision) and reads as superseded, every sheet of it.
  expect((await reviewStatus(port)).earlierProposals).toEqual([NAMES]);
  decide(port.sheets.get(set2[1])!, "Y1", "Approve", "Bob");
  const report = await applyApproved(port, { now: new Date(Date.UTC(2026, 6, 2)) });
  expect(report.proposalSheets).toEqual(set2);
  expect(report.outcome.applied.map((a) => [a.proposalId, a.sheet])).toEqual([[expect.stringMatching(/^P202606-3-/), set2[1]]]);
});

test("on the fake Excel host the region sheets are protected: locked cells refuse edits, Decision, Approver and Note take them; apply and the pane work through them", async () => {
  const host = installFakeExcel(FakeWorkbook.from(team([["protectionPassword", "s3cret"]])));
  const port = new OfficeWorkbook();
  const run = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  expect(run.written.filter((n) => n.startsWith("Fairshare Proposal"))).toEqual(NAMES);
  for (const name of NAMES) {
    const sheet = host.workbook.sheet(name);
    expect(sheet.protection).toEqual({ password: "s3cret", options: expect.objectContaining({ allowAutoFilter: true, allowFormatColumns: true, allowFormatCells: false, allowInsertRows: false, allowDeleteRows: false, allowSort: false, selectionMode: "Normal" }) });
    const values = sheet.values();
    const header = values.findIndex((r) => r[0] === "Proposal ID");
    const editable = ["Decision", "Approver", "Note"].map((h) => values[header].indexOf(h));
    // Every cell of the used range is locked except the editable columns' data cells.
    values.forEach((row, r) =>
      row.forEach((_, c) => {
        const address = `${String.fromCharCode(65 + c)}${r + 1}`;
        expect({ address, locked: sheet.lockedAt(address) }).toEqual({ address, locked: !(r > header && editable.includes(c)) });
      }),
    );
    // Through Office.js, as a person's typing arrives: a locked cell is refused, an editable one taken.
    const write = (row: number, col: number, value: string) =>
      (globalThis as any).Excel.run(async (context: any) => {
        context.workbook.worksheets.getItem(name).getCell(row, col).values = [[value]];
        await context.sync();
      });
    await expect(write(header + 1, values[header].indexOf("To"), "S1")).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(write(header, editable[0], "Decision?")).rejects.toBeInstanceOf(FakeRichApiError);
    await write(header + 1, editable[2], "checked with the team");
    expect(sheet.values()[header + 1][editable[2]]).toBe("checked with the team");
  }
  // The pane approves North's rows as Bob (not North's approver) and Northeast's; apply applies what it may.
  const decided = await decidePending(port, { decision: "approve", approver: "Bob" });
  expect(decided).toEqual({ proposalSheet: NAMES[0], decided: 4 });
  const report = await applyApproved(port, { now: new Date(Date.UTC(2026, 6, 2)) });
  expect(report.outcome.applied.map((a) => a.accountId).sort()).toEqual(["Y1", "Z1"]);
  expect(report.outcome.conflicts.map((c) => c.accountId).sort()).toEqual(["X1", "X2"]);
  // A rerun (decided: a new set) leaves the protected sheets alone; unprotecting needs the password.
  await expect(
    (globalThis as any).Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem(NAMES[0]).protection.unprotect("wrong");
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "AccessDenied" });
  await (globalThis as any).Excel.run(async (context: any) => {
    context.workbook.worksheets.getItem(NAMES[0]).protection.unprotect("s3cret");
    await context.sync();
  });
  expect(host.workbook.sheet(NAMES[0]).protection).toBeNull();
});

test("an undecided protected set is replaced by the rerun through the Office adapter", async () => {
  const host = installFakeExcel(FakeWorkbook.from(team()));
  const port = new OfficeWorkbook();
  await runAllocation(port, { write: true, displayLanguage: "en-US" });
  const tabs = host.workbook.sheetNames();
  const again = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  expect(again.replaced).toEqual(expect.arrayContaining(NAMES));
  expect(host.workbook.sheetNames()).toEqual(tabs);
  for (const name of NAMES) expect(host.workbook.sheet(name).protection).toMatchObject({ password: null });
});
