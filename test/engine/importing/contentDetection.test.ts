import { checkSheets } from "../../helpers/team";

const reps = [["Rep ID", "Name", "Hire Date", "Region"], ["R1", "Ann", "2020-01-01", "North"]];
const accounts = [["Account ID", "Account Name", "Owner", "Region"], ["A1", "Acme", "R1", "North"], ["A2", "Beta", "R1", "North"], ["A3", "Gamma", "R1", "North"]];

describe("columns found by their content when no header names them", () => {
  test("a column of dates, one of money and one of account IDs, each reported with its confidence", async () => {
    const r = await checkSheets({
      Reps: reps,
      Accounts: accounts,
      Sales: [
        ["Ref", "Booked", "Acct", "Net", "Note"],
        ["X1", "2026-03-01", "A1", "1,000", "first"],
        ["X2", "2026/3/5", "A2", 250, "x"],
        ["X3", "2026-02-10", "A3", "¥300", ""],
        ["X4", "soon", "A1", 50, "late"],
        ["X5", "2026-01-20", "A2", 75, "y"],
      ],
    });
    const guesses = r.issues.filter((i) => i.code === "column_guessed").map((i) => [i.column, i.params.field, i.params.confidence, i.message]);
    expect(guesses).toEqual([
      // "Acct": 5 of 5 are IDs of the accounts sheet
      ["Acct", "field.sales.accountId", 100, "No Account ID column by name; column “Acct” is taken by its content (100% of its cells are IDs of another sheet). Set column.sales.accountId in Fairshare Settings to choose another."],
      ["Net", "field.sales.amount", 100, "No Amount column by name; column “Net” is taken by its content (100% of its cells are numbers). Set column.sales.amount in Fairshare Settings to choose another."],
      // 4 of 5 "Booked" cells are dates → 80%
      ["Booked", "field.sales.date", 80, "No Date column by name; column “Booked” is taken by its content (80% of its cells are dates). Set column.sales.date in Fairshare Settings to choose another."],
    ]);
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    // 1000 + 250 + 300 + 75 (the "soon" row is skipped)
    expect(Array.from(r.model.sales.cents.slice(0, r.model.sales.count)).reduce((a, b) => a + b, 0)).toBe(162500);
  });

  test("two columns that fit equally well are not guessed between", async () => {
    const r = await checkSheets({
      Reps: reps,
      Accounts: accounts,
      Sales: [["Date", "Account ID", "Qty", "Net"], ["2026-03-01", "A1", 2, 100], ["2026-03-02", "A2", 3, 200], ["2026-03-03", "A3", 1, 50]],
    });
    expect(r.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.column])).toEqual([["missing_column", "Amount"]]);
    expect(r.issues.some((i) => i.code === "column_guessed")).toBe(false);
  });

  test("a setting row fixes the guess", async () => {
    const r = await checkSheets({
      Reps: reps,
      Accounts: accounts,
      Sales: [["Date", "Account ID", "Qty", "Net"], ["2026-03-01", "A1", 2, 100], ["2026-03-02", "A2", 3, 200], ["2026-03-03", "A3", 1, 50]],
      "Fairshare Settings": [["Setting", "Value"], ["column.sales.amount", "Net"]],
    });
    // This roster has no Quota column: that warning is issue 12's, not this test's.
    expect(r.issues.filter((i) => i.code !== "quota_column_missing")).toEqual([]);
    expect(r.model.sales.cents[0]).toBe(10000);
  });
});

test("a sheet taken for its headers says so, once", async () => {
  const r = await checkSheets({
    Reps: reps,
    Accounts: accounts,
    "Export 2026-03": [["Order Date", "Customer ID", "Amount"], ["2026-03-01", "A1", 10]],
  });
  expect(r.issues.filter((i) => i.code !== "quota_column_missing").map((i) => [i.severity, i.code, i.sheet, i.message])).toEqual([
    ["info", "sheet_guessed", "Export 2026-03", "Sheet “Export 2026-03” is read as the Sales sheet by its headers (Order Date, Customer ID, Amount). Set sheet.sales in Fairshare Settings to choose another."],
  ]);
});
