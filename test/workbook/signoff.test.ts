/**
 * Sign-off per region: with approver.<region> set, apply accepts a decision only from one of that region's
 * approvers (case, spaces and full-width ignored); anyone else's decision is a conflict that names who may decide.
 */
import type { Cell } from "../../src/engine/table";
import { applyApproved, runAllocation } from "../../src/workbook/pipeline";
import { sheetsOf } from "../engine/allocation/team";
import { MemoryWorkbook } from "../helpers/memoryWorkbook";

test("a decision by someone who is not the region's approver is a conflict; the approvers' own decisions apply", async () => {
  // Three orphans in North (owner L left), one in South; N1/S1 take them.
  const sheets = sheetsOf({
    reps: [
      { id: "N1", hire: "2025-01-01", region: "North" },
      { id: "S1", hire: "2025-01-01", region: "South" },
      { id: "L", hire: "2025-01-01", region: "North", active: false },
    ],
    accounts: [
      { id: "X1", owner: "L", region: "North" },
      { id: "X2", owner: "L", region: "North" },
      { id: "X3", owner: "L", region: "North" },
      { id: "Y1", owner: "L", region: "South" },
    ],
    sales: [
      ["2026-06-10", "X1", 300],
      ["2026-06-10", "X2", 200],
      ["2026-06-10", "X3", 100],
      ["2026-06-10", "Y1", 100],
    ],
    settings: [
      ["approver.North", "Mia Chen; 王芳"],
      ["maxShareOfMovedValue", "100%"],
    ],
  });
  const port = new MemoryWorkbook(sheets);
  const run = await runAllocation(port, { write: true, displayLanguage: "en-US" });
  expect(run.allocation!.moves.every((m) => m.to >= 0)).toBe(true);
  const proposal = port.sheets.get("Fairshare Proposal 2026-06")!;
  const header = proposal.findIndex((r) => r[0] === "Proposal ID");
  const col = (name: string) => proposal[header].indexOf(name);
  const rowOf = (account: string) => proposal.findIndex((r) => r[col("Account ID")] === account);
  const decide = (account: string, approver: string, decision = "Approve") => {
    proposal[rowOf(account)][col("Decision")] = decision;
    proposal[rowOf(account)][col("Approver")] = approver as Cell;
  };
  decide("X1", "  mia   CHEN "); // the same name, spaced and cased differently
  decide("X2", "ＭＩＡ ＣＨＥＮ"); // full-width
  decide("X3", "Bob"); // not North's approver
  decide("Y1", "Bob"); // South has no approvers: anyone decides
  const report = await applyApproved(port, { now: new Date(Date.UTC(2026, 6, 2)) });
  const ids = (xs: { accountId: string }[]) => xs.map((x) => x.accountId).sort();
  expect(ids(report.outcome.applied)).toEqual(["X1", "X2", "Y1"]);
  expect(report.outcome.conflicts.map((c) => [c.accountId, c.detail])).toEqual([["X3", "needs approval by Mia Chen or 王芳 (North); Approver is “Bob”"]]);
  // The owner of X3 is untouched; the log says who decided what.
  const accounts = port.sheets.get("Accounts")!;
  expect(accounts.find((r) => r[0] === "X3")![2]).toBe("L");
  const log = port.sheets.get("Fairshare Audit Log")!;
  expect(log.slice(1).map((r) => [r[2], r[6], r[7]]).sort()).toEqual([
    ["X1", "mia   CHEN", "applied"],
    ["X2", "ＭＩＡ ＣＨＥＮ", "applied"],
    ["X3", "Bob", "conflict"],
    ["Y1", "Bob", "applied"],
  ]);
});
