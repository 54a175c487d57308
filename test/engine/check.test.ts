import fc from "fast-check";
import { formatMonth } from "../../src/engine/cells";
import { gini } from "../../src/engine/fairness";
import { toCheckJson } from "../../src/engine/report/json";
import type { Cell } from "../../src/engine/table";
import { checkSheets, smallTeam } from "../helpers/team";

/** The definition, pair by pair: an independent path to the Gini of the engine's sorted formula. */
function naiveGini(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  if (mean === 0) return 0;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

describe("snapshot of a hand-built team (period 2026-03)", () => {
  test("tenure, class, accounts and 12-month value per active rep", async () => {
    const r = await checkSheets(smallTeam());
    expect(r.issues).toEqual([]);
    expect(formatMonth(r.period!)).toBe("2026-03");
    const rows = toCheckJson(r).portfolio.map(({ repId, class: c, tenureMonths, accounts, value12m, region }) => ({ repId, c, tenureMonths, accounts, value12m, region }));
    expect(rows).toEqual([
      // R1: hired 2020-01-01 → 75 completed months to 2026-03-31; A1 600+400, A2 500 (the 2025-03 sale is outside the window)
      { repId: "R1", c: "veteran", tenureMonths: 75, accounts: 2, value12m: 1500, region: "North" },
      // R2: hired 2026-01-15 → 2 completed months (Feb, Mar)
      { repId: "R2", c: "new", tenureMonths: 2, accounts: 1, value12m: 300, region: "North" },
      // R3: hired 2024-06-01 → 22 months: regular
      { repId: "R3", c: "regular", tenureMonths: 22, accounts: 1, value12m: 200, region: "South" },
    ]);
  });

  test("fairness overall and per region, computed by hand", async () => {
    const f = toCheckJson(await checkSheets(smallTeam())).fairness.before!;
    // Σ|xi−xj| over ordered pairs of [1500, 300, 200] = 2·(1200+1300+100) = 5200; 2n²·mean = 2·9·2000/3 = 12000
    expect(f.gini).toBeCloseTo(5200 / 12000, 6);
    expect(f.top10Share).toBeCloseTo(1500 / 2000, 6);
    expect(f.newRepShare).toBeCloseTo(300 / 2000, 6);
    expect(f.byRegion.North.gini).toBeCloseTo(2400 / 7200, 6);
    expect(f.byRegion.South.gini).toBe(0);
    expect(f.gini).toBeCloseTo(naiveGini([1500, 300, 200]), 6);
  });

  test("the period defaults to the last month with sales", async () => {
    const t = smallTeam();
    delete t["Fairshare Settings"];
    const r = await checkSheets(t);
    expect(formatMonth(r.period!)).toBe("2026-03");
  });

  test("a region column overrides the class threshold in that region only", async () => {
    const t = smallTeam();
    t["Fairshare Settings"] = [
      ["Setting", "Value", "Description", "South"],
      ["period", "2026-03", "", ""],
      ["veteranTenureMonths", 24, "", 20],
    ];
    const r = await checkSheets(t);
    expect(r.issues).toEqual([]);
    const byId = Object.fromEntries(r.portfolio.map((p) => [p.repId, p.class]));
    expect(byId).toEqual({ R1: "veteran", R2: "new", R3: "veteran" });
  });
});

describe("issues name sheet, row and column — all of them", () => {
  test("a broken workbook reports every problem at once", async () => {
    const sheets: Record<string, Cell[][]> = {
      Roster: [
        ["Team roster 2026"], // a title above the header
        [],
        ["工号", "姓名", "入职日期", "区域", "在职"],
        ["R1", "Ann", "2020-01-01", "North", "Y"],
        ["R2", "Ben", "not a date", "North", "maybe"],
        ["R1", "Ann again", "2021-01-01", "North", "Y"],
        [],
        ["R3", "Cai", 44000, "South", 1],
      ],
      Customers: [
        ["客户编号", "客户名称", "负责人", "区域", "满意度"],
        ["A1", "Alpha", "R1", "North", 4],
        ["A2", "Beta", "Cai", "South", 6],
        ["A3", "Gamma", "Zed", "South", ""],
        ["A1", "Alpha dup", "R1", "North", ""],
        ["A4", "Delta", "", "", 12],
      ],
      Orders: [
        ["日期", "客户编号", "金额"],
        ["2026-03-01", "A1", "1,000"],
        ["2026-03-02", "A9", 50],
        ["2026-03-03", "A2", "#N/A"],
        ["soon", "A2", 10],
        ["2026-03-04", "A2", "abc"],
        ["合计", "", 1060],
      ],
    };
    const r = await checkSheets(sheets);
    const got = r.issues.map((i) => [i.severity, i.code, i.sheet, i.row, i.column]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["error", "duplicate_rep_id", "Roster", 6, "工号"],
        ["error", "duplicate_account_id", "Customers", 5, "客户编号"],
        ["warning", "bad_date", "Roster", 5, "入职日期"],
        ["warning", "bad_bool", "Roster", 5, "在职"],
        ["info", "matched_by_name", "Customers", null, "负责人"], // "Cai" is R3's name: one note for the sheet
        ["warning", "unknown_owner", "Customers", 4, "负责人"],
        ["warning", "missing_value", "Customers", 6, "区域"],
        ["warning", "value_out_of_range", "Customers", 6, "满意度"],
        ["warning", "unknown_account", "Orders", 3, "客户编号"],
        ["warning", "cell_error", "Orders", 4, "金额"],
        ["warning", "bad_date", "Orders", 5, "日期"],
        ["warning", "bad_number", "Orders", 6, "金额"],
        ["warning", "totals_row", "Orders", 7, "客户编号"],
        ["warning", "quota_column_missing", "Roster", null, null], // no Quota column, no defaultQuota (issue 12)
      ]),
    );
    expect(got).toHaveLength(14);
    expect(r.ok).toBe(false);
    // errors come first
    expect(r.issues[0].severity).toBe("error");
    // a 0–10 satisfaction column (6 is above 5) is halved: Beta's 6 becomes 3
    expect(r.model.accounts.find((a) => a.id === "A2")!.satisfaction).toBe(3);
    // the accepted sale is the only one counted
    expect(r.model.sales.count).toBe(1);
  });

  test("missing sheets and columns are errors that name what was looked for", async () => {
    const r = await checkSheets({
      // (a roster without Hire Date is fine: tenure is derived from sales; without Region it is not)
      Reps: [["Rep ID", "Name", "Hire Date"], ["R1", "Ann", "2020-01-01"]],
      Sales: [["Account ID", "Amount"], ["A1", 5]],
    });
    const got = r.issues.map((i) => [i.code, i.sheet, i.row, i.column]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["missing_sheet", "Accounts", null, null],
        ["missing_column", "Reps", 1, "Region"],
        ["missing_column", "Sales", 1, "Date"],
      ]),
    );
    expect(r.issues.find((i) => i.code === "missing_column" && i.sheet === "Sales")!.message).toMatch(/Date.*Month/);
    expect(r.ok).toBe(false);
  });

  test("messages exist in Chinese", async () => {
    const t = smallTeam();
    t.Accounts.push(["A6", "Zeta", "R99", "North"]);
    const r = await checkSheets(t, "zh-CN");
    expect(r.issues.map((i) => i.message)).toEqual(["负责人“R99”不在花名册中，该客户按无归属处理。"]);
  });

  test("settings: a misspelt name is an error with the nearest known name; a mapping naming a missing sheet points at its row", async () => {
    const t = smallTeam();
    t["Fairshare Settings"] = [
      ["Setting", "Value"],
      ["period", "2026-03"],
      ["keepTopAcounts", 3],
      ["Seeed", 2],
      ["sheet.reps", "Staff"],
      ["column.sales.amont", "Net"],
    ];
    const r = await checkSheets(t);
    expect(r.issues.map((i) => [i.severity, i.code, i.row, i.column, i.message])).toEqual([
      ["error", "setting_misspelled", 3, "Setting", "Unknown setting “keepTopAcounts” — did you mean keepTopAccounts? It is ignored."],
      ["error", "setting_misspelled", 4, "Setting", "Unknown setting “Seeed” — did you mean seed? It is ignored."],
      ["error", "setting_misspelled", 6, "Setting", "Unknown setting “column.sales.amont” — did you mean column.sales.amount? It is ignored."],
      ["error", "mapping_sheet_not_found", 5, "Value", "Fairshare Settings maps Reps to sheet “Staff”, which does not exist."],
      // and not one "unknown owner" per account
      ["info", "checks_skipped", null, "Owner", "Account owners were not checked, because the roster could not be read."],
    ]);
  });

  test("settings: unknown keys are errors, bad and out-of-range values are errors naming their cell", async () => {
    const t = smallTeam();
    t["Fairshare Settings"] = [
      ["Setting", "Value", "North", "Atlantis"],
      ["period", "2026-03", "", ""],
      ["newRepTenureMonths", "twelve", "", ""],
      ["veteranTenureMonths", 24, 700, ""],
      ["colour", "blue", "", ""],
      ["seed", 3, 4, ""],
    ];
    const r = await checkSheets(t);
    const got = r.issues.map((i) => [i.severity, i.code, i.row, i.column]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["error", "setting_invalid", 3, "Value"],
        ["error", "setting_out_of_range", 4, "North"],
        ["error", "setting_unknown", 5, "Setting"],
        ["warning", "setting_not_regional", 6, "North"],
        ["warning", "setting_unknown_region", 1, "Atlantis"],
      ]),
    );
    expect(got).toHaveLength(5);
    expect(r.issues.find((i) => i.code === "setting_out_of_range")!.message).toBe("Setting veteranTenureMonths: 700 is out of range (0 to 600).");
  });

  test("a mapping in the settings sheet overrides detection of sheets and columns", async () => {
    const t = smallTeam();
    t["People"] = t.Reps.map((row, i) => (i === 0 ? ["Code", "Who", "Start", "Zone", "Active", "Quota"] : row));
    t.Reps = [["Rep ID", "Name", "Hire Date", "Region"], ["X1", "Decoy", "2020-01-01", "North"]];
    t["Fairshare Settings"] = [
      ["Setting", "Value"],
      ["period", "2026-03"],
      ["sheet.reps", "People"],
      ["column.reps.repId", "Code"],
      ["column.reps.name", "Who"],
      ["column.reps.hireDate", "Start"],
      ["column.reps.region", "Zone"],
    ];
    const r = await checkSheets(t);
    expect(r.issues).toEqual([]);
    expect(r.assignment.reps).toBe("People");
    expect(r.portfolio.map((p) => p.repId)).toEqual(["R1", "R2", "R3"]);
  });

  test("sheets are found by headers when their names say nothing", async () => {
    const t = smallTeam();
    const r = await checkSheets({ Sheet1: t.Reps, Sheet2: t.Accounts, Sheet3: t.Sales, "Fairshare Settings": t["Fairshare Settings"] });
    expect(r.assignment).toEqual({ reps: "Sheet1", accounts: "Sheet2", sales: "Sheet3", ratings: null });
    expect(r.ok).toBe(true);
  });
});

describe("gini", () => {
  test("the engine's O(n log n) formula equals the pairwise definition", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 60 }), (xs) => {
        expect(gini(xs)).toBeCloseTo(naiveGini(xs), 9);
      }),
    );
    expect(gini([0, 0, 0, 4])).toBe(0.75);
    expect(gini([5, 5, 5])).toBe(0);
    expect(() => gini([1, -1])).toThrow(RangeError);
  });
});
