import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";

const reps = [["Rep ID", "Name", "Hire Date", "Region"], ["R1", "Ann", "2020-01-01", "North"]];
const accounts = [["Account ID", "Account Name", "Owner", "Region"], ["A1", "Acme", "R1", "North"], ["A2", "Beta", "R1", "North"], ["A3", "Gamma", "R1", "North"]];

/** An export whose headers name no field: "Ref", "Booked", "Acct", "Net", "Note". */
const exported = (): Cell[][] => [
    ["Ref", "Booked", "Acct", "Net", "Note"],
    ["X1", "2026-03-01", "A1", "1,000", "first"],
    ["X2", "2026/3/5", "A2", 250, "x"],
    ["X3", "2026-02-10", "A3", "¥300", ""],
    ["X4", "soon", "A1", 50, "late"],
    ["X5", "2026-01-20", "A2", 75, "y"],
];

describe("columns found by their content when no header names them", () => {
  test("a column of dates, one of money and one of account IDs, each reported with its confidence", async () => {
    const r = await checkSheets({
      Reps: reps,
      Accounts: accounts,
      Sales: exported(),
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
    ["info", "sheet_guessed", "Export 2026-03", "Sheet “Export 2026-03” is read as the Sales sheet by its headers (Order Date, Customer ID, Amount; 3 of 3 required columns named). Set sheet.sales in Fairshare Settings to choose another."],
  ]);
});

describe("a sheet found by its content when neither its name nor its headers tell", () => {
  // No header is a Sales synonym, and the sheet's name ("Export 1") is not one either.
  test("a column of dates and a column of money make it the Sales sheet, with its confidence and what was assumed", async () => {
    const r = await checkSheets({ Reps: reps, Accounts: accounts, "Export 1": exported() });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    const picked = r.issues.filter((i) => i.code === "sheet_guessed_content");
    // dates in 4 of 5 rows (80%), amounts in 5 of 5: the weaker of the two is the confidence
    expect(picked.map((i) => [i.severity, i.sheet, i.params.confidence, i.message])).toEqual([
      [
        "warning",
        "Export 1",
        80,
        "Sheet “Export 1” is read as the Sales sheet by its content: no sheet is named like one and no header names its columns, but column “Booked” holds dates and column “Net” amounts (confidence 80%). Set sheet.sales in Fairshare Settings to choose another.",
      ],
    ]);
    // 1000 + 250 + 300 + 75 (the "soon" row is skipped), read through the guessed columns
    expect(Array.from(r.model.sales.cents.slice(0, r.model.sales.count)).reduce((a, b) => a + b, 0)).toBe(162500);
  });

  test("in Chinese", async () => {
    const r = await checkSheets({ Reps: reps, Accounts: accounts, "Export 1": exported() }, "zh-CN");
    expect(r.issues.find((i) => i.code === "sheet_guessed_content")?.message).toBe(
      "按内容将工作表“Export 1”识别为销售表：没有工作表的名称或表头与之对应，但“Booked”列为日期，“Net”列为金额（可信度 80%）。如需选择其他工作表，请在 Fairshare Settings 中设置 sheet.sales。",
    );
  });

  test("a sheet of numbers without dates (a price list) is not taken: the Sales sheet stays missing", async () => {
    const r = await checkSheets({ Reps: reps, Accounts: accounts, products: [["product", "series", "sales_price"], ["GTX", "G", 550], ["MG", "M", 55], ["Zen", "Z", 10]] });
    expect(r.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["missing_sheet"]);
    expect(r.issues.some((i) => i.code === "sheet_guessed_content")).toBe(false);
  });

  test("two sheets that fit equally well are not guessed between", async () => {
    const r = await checkSheets({ Reps: reps, Accounts: accounts, "Export 1": exported(), "Export 2": exported() });
    expect(r.issues.filter((i) => i.severity === "error").map((i) => i.code)).toEqual(["missing_sheet"]);
    expect(r.issues.some((i) => i.code === "sheet_guessed_content")).toBe(false);
  });

  test("the better fit wins when two sheets fit unequally", async () => {
    const worse = exported().map((row, i) => (i === 2 || i === 3 ? [row[0], "later", row[2], row[3], row[4]] : row));
    const r = await checkSheets({ Reps: reps, Accounts: accounts, "Export 2": worse, "Export 1": exported() });
    expect(r.issues.find((i) => i.code === "sheet_guessed_content")?.sheet).toBe("Export 1");
  });

  test("a sheet found by some headers and the rest by content is read by its headers, saying how many were named", async () => {
    const r = await checkSheets({
      Reps: reps,
      Accounts: accounts,
      "Export 3": [["Booked", "Customer ID", "Net"], ["2026-03-01", "A1", 10], ["2026-03-02", "A2", 20], ["2026-03-03", "A3", 30]],
    });
    expect(r.issues.filter((i) => i.severity === "error")).toEqual([]);
    const picked = r.issues.find((i) => i.code === "sheet_guessed");
    expect(picked?.message).toBe(
      "Sheet “Export 3” is read as the Sales sheet by its headers (Customer ID, Net, Booked; 1 of 3 required columns named, the rest found by content). Set sheet.sales in Fairshare Settings to choose another.",
    );
    expect(r.issues.filter((i) => i.code === "column_guessed").map((i) => i.column)).toEqual(["Net", "Booked"]);
  });
});
