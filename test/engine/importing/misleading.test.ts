import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { dateToDay, formatDay, formatMonth } from "../../../src/engine/cells";
import { evaluate } from "../../../src/engine/incentives/evaluate";
import type { Cell } from "../../../src/engine/table";
import { ExcelJsWorkbook } from "../../../src/workbook/exceljsAdapter";
import type { SheetInfo } from "../../../src/workbook/port";
import { runCheck } from "../../../src/workbook/pipeline";
import { MemoryWorkbook } from "../../helpers/memoryWorkbook";
import { checkSheets, smallTeam } from "../../helpers/team";

/** A workbook some of whose sheets are hidden, as Excel and the adapters report them. */
class WorkbookWithHidden extends MemoryWorkbook {
  constructor(
    sheets: Record<string, Cell[][]>,
    private readonly hidden: ReadonlySet<string>,
  ) {
    super(sheets);
  }
  override async listSheets(): Promise<SheetInfo[]> {
    return (await super.listSheets()).map((s) => ({ ...s, visible: !this.hidden.has(s.name) }));
  }
}

describe("data that would silently mislead", () => {
  test("a sale after today is an issue and never sets the period", async () => {
    const t = smallTeam();
    delete t["Fairshare Settings"];
    t.Sales.push(["2099-01-15", "A1", 5000]);
    const r = await checkSheets(t);
    expect(formatMonth(r.period!)).toBe("2026-03"); // not 2099-01
    const today = formatDay(dateToDay(new Date()));
    expect(r.issues.map((i) => [i.code, i.row, i.column, i.message])).toEqual([["future_sale", 9, "Date", `The sale is dated 2099-01-15, after ${today}; it is not counted and does not set the period.`]]);
    expect(r.model.sales.count).toBe(7);
  });

  test("with the period set, later sales are one note", async () => {
    const t = smallTeam(); // period 2026-03
    t.Sales.push(["2026-04-02", "A1", 10], ["2026-05-01", "A2", 20]);
    const r = await checkSheets(t);
    expect(r.issues.map((i) => [i.severity, i.code, i.column, i.message])).toEqual([
      ["info", "sales_after_period", "Date", "2 sales are dated after the period 2026-03 set in Fairshare Settings; they are outside this run."],
    ]);
  });

  test("dates outside Excel's range are issues wherever they are", async () => {
    const t = smallTeam();
    t.Sales.push([new Date(Date.UTC(275690, 0, 1)), "A1", 10]); // a date-formatted 99999999, as ExcelJS reads it
    t.Reps[1][2] = 99999999; // the same serial in a hire date
    const r = await checkSheets(t);
    expect(r.issues.map((i) => [i.code, i.sheet, i.row, i.column])).toEqual([
      ["date_out_of_range", "Reps", 2, "Hire Date"],
      ["date_out_of_range", "Sales", 9, "Date"],
    ]);
    expect(r.issues[0].message).toBe("99999999 is outside Excel's dates (1900–9999); tenure is unknown and the rep counts as regular.");
    expect(formatMonth(r.period!)).toBe("2026-03");
  });

  test("a hidden settings sheet is not applied, and says so", async () => {
    const t = smallTeam();
    t["Fairshare Settings"].push(["releaseShare", "100%"]);
    const { result } = await runCheck(new WorkbookWithHidden(t, new Set(["Fairshare Settings"])), { displayLanguage: "en-US", write: false });
    expect(result.settings.num("releaseShare")).toBe(0.3); // the default, not 100%
    expect(result.issues.map((i) => [i.severity, i.code, i.sheet, i.message])).toEqual([
      ["warning", "hidden_sheet_skipped", "Fairshare Settings", "Sheet “Fairshare Settings” is hidden and is not read; unhide it to apply its settings."],
    ]);
  });

  test("a very hidden Sales sheet is skipped for the visible Orders; named in settings, it is read", async () => {
    const t = smallTeam();
    t.Orders = t.Sales;
    t.Sales = [["Date", "Account ID", "Amount"], ["2026-03-01", "A1", 1000000]];
    const hidden = new Set(["Sales"]);
    const { result } = await runCheck(new WorkbookWithHidden(t, hidden), { displayLanguage: "en-US", write: false });
    expect(result.assignment.sales).toBe("Orders");
    expect(result.model.sales.count).toBe(7);
    expect(result.issues.map((i) => [i.code, i.sheet])).toEqual([["hidden_sheet_skipped", "Sales"]]);
    t["Fairshare Settings"].push(["sheet.sales", "Sales"]);
    const named = (await runCheck(new WorkbookWithHidden(t, hidden), { displayLanguage: "en-US", write: false })).result;
    expect(named.assignment.sales).toBe("Sales");
    expect(named.issues).toEqual([]);
  });

  test("negative amounts are refunds: one note, and every score stays within 0–100", async () => {
    const t = smallTeam();
    t.Reps = t.Reps.map((row, i) => [...row, i === 0 ? "Quota" : 1000]);
    t.Sales.push(["2026-03-15", "A1", -1000000], ["2026-03-16", "A4", "-50"]);
    const r = await checkSheets(t);
    expect(r.issues.map((i) => [i.severity, i.code, i.column, i.message])).toEqual([
      ["info", "refunds", "Amount", "2 negative amounts (total -1000050.00) are read as refunds and reduce the account's sales."],
    ]);
    const e = evaluate(r);
    expect(e.scorecard.length).toBeGreaterThan(0);
    for (const s of e.scorecard) {
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
      for (const d of Object.values(s.dimensions)) if (d !== null) expect(d >= 0 && d <= 100).toBe(true);
    }
  });
});

describe("a formula the file stores without a calculated value", () => {
  test("is 'not calculated' wherever the engine uses it, never a blank", async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(smallTeam())) wb.addWorksheet(name).addRows(rows as unknown[][]);
    wb.getWorksheet("Accounts")!.getCell("C3").value = { formula: "\"R1\"" } as never; // Owner of A2, never calculated
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "fairshare-formula-")), "f.xlsx");
    await wb.xlsx.writeFile(file);
    const { result } = await runCheck(await ExcelJsWorkbook.open(file), { displayLanguage: "en-US", write: false });
    expect(result.issues.map((i) => [i.code, i.sheet, i.row, i.column, i.message])).toEqual([
      ["not_calculated", "Accounts", 3, "Owner", "The formula has no calculated value (not calculated: open and save the workbook in Excel); it is treated as blank."],
    ]);
  });
});
