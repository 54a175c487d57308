import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";

function team(): Record<string, Cell[][]> {
  return {
    Reps: [
      ["Rep ID", "Name", "Hire Date", "Region"],
      ["R1", "Ann Lee", "2020-01-01", "North"],
      ["R2", "Ben Wu", "2021-01-01", "North"],
      ["R3", "Ben Wu", "2022-01-01", "South"],
    ],
    Accounts: [
      ["Account ID", "Account Name", "Owner", "Region"],
      ["A1", "Acme Corp", "R1", "North"],
      ["A2", "Beta Ltd", "R2", "North"],
      ["A3", "Twin Co", "R3", "South"],
      ["A4", "Twin Co", "R3", "South"],
    ],
    Sales: [
      ["Date", "Account", "Amount", "Sales Rep"],
      ["2026-03-01", "A1", 100, "R1"],
      ["2026-03-02", "ＡＣＭＥ  corp", 200, "ann lee"], // full-width, case and spaces ignored
      ["2026-03-03", "Beta Ltd", 300, "R2"],
      ["2026-03-04", "Twin Co", 400, "R3"], // two accounts are called Twin Co
      ["2026-03-05", "A2", 500, "Ben Wu"], // two reps are called Ben Wu
    ],
  };
}

describe("rows that link by name", () => {
  test("a unique name matches when no ID does, with one note per column", async () => {
    const r = await checkSheets(team());
    const s = r.model.sales;
    const rows = Array.from({ length: s.count }, (_, i) => [s.row[i], r.model.accounts[s.account[i]].id, s.rep[i] < 0 ? null : r.model.reps[s.rep[i]].id, s.cents[i]]);
    expect(rows).toEqual([
      [2, "A1", "R1", 10000],
      [3, "A1", "R1", 20000],
      [4, "A2", "R2", 30000],
      [6, "A2", null, 50000], // ambiguous rep: credited to the owner
    ]);
    const notes = r.issues.filter((i) => i.code === "matched_by_name").map((i) => [i.column, i.params.count, i.message]);
    expect(notes).toEqual([
      ["Account", 2, "2 rows name the Account Name instead of giving its ID; matched by name."],
      ["Sales Rep", 1, "1 rows name the Name instead of giving its ID; matched by name."],
    ]);
  });

  test("an ambiguous name is an issue, never a guess", async () => {
    const r = await checkSheets(team());
    // (This roster has no Quota column: that warning is issue 12's, not this test's.)
    const got = r.issues.filter((i) => i.severity === "warning" && i.code !== "quota_column_missing").map((i) => [i.code, i.row, i.column, i.message]);
    expect(got).toEqual([
      ["account_ambiguous", 5, "Account", "Account “Twin Co” matches 2 accounts by name; the row is skipped."],
      ["rep_ambiguous", 6, "Sales Rep", "Rep “Ben Wu” matches 2 reps by name; the sale is credited to the account's owner."],
    ]);
  });
});

describe("every problem in one pass, no cascades", () => {
  test("three missing columns on three sheets: three errors, and only notes saying what was not checked", async () => {
    const r = await checkSheets({
      Reps: [["Rep ID", "Name", "Hire Date"], ["R1", "Ann", "2020-01-01"]],
      Accounts: [["Account ID", "Account Name", "Owner", "Region"], ...Array.from({ length: 50 }, (_, i) => [`A${i}`, `Acc ${i}`, "R1", "North"])],
      Sales: [["Date", "Account ID", "Rep ID"], ...Array.from({ length: 50 }, (_, i) => ["2026-03-01", `A${i}`, "R1"])],
      Ratings: [["Rep ID", "Teamwork"], ["R1", 4]],
    });
    expect(r.issues.filter((i) => i.severity !== "info").map((i) => [i.severity, i.code, i.sheet, i.column])).toEqual([
      ["error", "missing_column", "Reps", "Region"],
      ["error", "missing_column", "Sales", "Amount"],
      ["error", "missing_column", "Ratings", "Period"],
    ]);
    // the roster is unreadable, so the accounts' owners are not checked against it (50 "unknown owner" would follow)
    expect(r.issues.filter((i) => i.severity === "info").map((i) => [i.code, i.sheet, i.message])).toEqual([
      ["checks_skipped", "Accounts", "Account owners were not checked, because the roster could not be read."],
    ]);
  });

  test("an unreadable accounts sheet skips the sales check with one line, and asks for no period", async () => {
    const r = await checkSheets({
      Reps: [["Rep ID", "Name", "Hire Date", "Region"], ["R1", "Ann", "2020-01-01", "North"]],
      Accounts: [["Account ID", "Account Name", "Region"], ["A1", "Acme", "North"]],
      Sales: [["Date", "Account ID", "Amount"], ...Array.from({ length: 40 }, (_, i) => ["2026-03-01", `A${i}`, 10])],
      "Fairshare Settings": [["Setting", "Value"], ["deriveOwner", "off"]],
    });
    expect(r.issues.map((i) => [i.severity, i.code, i.sheet])).toEqual([
      ["error", "missing_column", "Accounts"],
      ["info", "checks_skipped", "Sales"],
    ]);
    expect(r.issues[1].message).toBe("Sales rows were not checked, because the accounts sheet could not be read.");
  });

  test("a missing sales sheet is one error, not a request to set the period", async () => {
    const r = await checkSheets({
      Reps: [["Rep ID", "Name", "Hire Date", "Region"], ["R1", "Ann", "2020-01-01", "North"]],
      Accounts: [["Account ID", "Account Name", "Owner", "Region"], ["A1", "Acme", "R1", "North"]],
    });
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([["error", "missing_sheet"]]);
  });
});
