/**
 * =FAIRSHARE.SCORE: finding the newest scorecard, indexing it, and the wrapper on the fake Excel host.
 * Scorecard sheets look as the run writes them: two title lines, a blank line, then the table.
 */
import type { Table } from "../../src/engine/table";
import { scoreFunction } from "../../src/functions/functions";
import { newestScorecard, scoreCore, scorecardIndexCore, type ScorecardIndex } from "../../src/functions/scorecard";
import { FAKE_ERROR_CODES, FakeCustomFunctionError } from "../../src/fakes/fakeCustomFunctions";
import { FakeWorkbook, type FakeSeedCell } from "../../src/fakes/fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { installFunctions, useFunctionsWorkbook } from "./runtime";

function scorecard(rows: FakeSeedCell[][], header: FakeSeedCell[] = ["Rep ID", "Name", "Region", "Score", "Rank"]): FakeSeedCell[][] {
  return [["Fairshare scorecard, 2024-04 to 2024-06: team median score 70.0"], ["Dimensions 0–100: …"], [], header, ...rows];
}

const JUNE = scorecard([
  ["R1", "Ann", "North", 82.5, 1],
  ["R2", "Bo", "South", 61, 2],
  [1001, "Cy", "South", 55.25, 3],
]);
const MAY = scorecard([
  ["R1", "Ann", "North", 40, 2],
  ["R2", "Bo", "South", 50, 1],
]);

function table(values: FakeSeedCell[][], sheet = "Fairshare Scorecard 2024-06", firstRow = 1): Table {
  return { sheet, firstRow, firstColumn: 1, values: values.map((r) => r.map((c) => (c === undefined ? null : (c as string | number | null)))) };
}

function index(values: FakeSeedCell[][]): ScorecardIndex {
  const result = scorecardIndexCore(table(values));
  if (!result.ok) throw new Error(JSON.stringify(result.issue));
  return result.value;
}

describe("newestScorecard", () => {
  const sheet = (name: string) => ({ name, visible: true });

  it("is the last scorecard in tab order (runs add sheets at the end)", () => {
    expect(newestScorecard(["Reps", "Fairshare Scorecard 2024-05", "Sales", "Fairshare Scorecard 2024-06", "Fairshare Incentives 2024-06"].map(sheet))).toBe(
      "Fairshare Scorecard 2024-06",
    );
    expect(newestScorecard(["Fairshare Scorecard 2024-06", "Fairshare Scorecard 2024-06 #2"].map(sheet))).toBe("Fairshare Scorecard 2024-06 #2");
  });

  it("knows the Chinese name of a scorecard sheet", () => {
    expect(newestScorecard(["Fairshare Scorecard 2024-05", "Fairshare 评分卡 2024-06", "Fairshare 激励明细 2024-06"].map(sheet))).toBe("Fairshare 评分卡 2024-06");
  });

  it("matches the prefix case-insensitively, and is null without one", () => {
    expect(newestScorecard([sheet("fairshare scorecard")])).toBe("fairshare scorecard");
    expect(newestScorecard(["Reps", "Scorecard", "Fairshare Portfolio"].map(sheet))).toBeNull();
  });
});

describe("scorecardIndexCore + scoreCore", () => {
  it("finds the header below the title lines and looks reps up by id", () => {
    const june = index(JUNE);
    expect(scoreCore(june, "R1")).toEqual({ ok: true, value: 82.5 });
    expect(scoreCore(june, " r1 ")).toEqual({ ok: true, value: 82.5 });
    expect(scoreCore(june, [["R2"]])).toEqual({ ok: true, value: 61 });
    expect(scoreCore(june, 1001)).toEqual({ ok: true, value: 55.25 });
    expect(scoreCore(june, "1001")).toEqual({ ok: true, value: 55.25 });
  });

  it("reads a Chinese scorecard", () => {
    const zh = index(scorecard([["R1", "安", "北区", 90]], ["工号", "姓名", "区域", "评分"]));
    expect(scoreCore(zh, "R1")).toEqual({ ok: true, value: 90 });
  });

  it("takes the Score column, not a dimension that merely mentions it", () => {
    const values = scorecard([["R1", 10, 77]], ["Rep ID", "Sales score", "Score"]);
    expect(scoreCore(index(values), "R1")).toEqual({ ok: true, value: 77 });
  });

  it("reports a sheet without the header", () => {
    expect(scorecardIndexCore(table([["Rep", "Points"], ["R1", 5]]))).toEqual({ ok: false, issue: { code: "scorecardNoHeader", sheet: "Fairshare Scorecard 2024-06" } });
  });

  it.each<[string, unknown, object]>([
    ["an unknown rep", "R9", { code: "unknownRep", repId: "R9", sheet: "Fairshare Scorecard 2024-06" }],
    ["an empty id", "", { code: "repIdMissing" }],
    ["no id", null, { code: "repIdMissing" }],
    ["0, an empty cell as older desktop builds pass it", 0, { code: "repIdMissing" }],
    ["an error as id", "#REF!", { code: "argumentError", argument: "repId", error: "#REF!" }],
  ])("reports %s", (_what, repId, issue) => {
    expect(scoreCore(index(JUNE), repId)).toEqual({ ok: false, issue });
  });

  it("finds a rep whose id really is 0", () => {
    expect(scoreCore(index(scorecard([[0, "Zed", "North", 12, 1]])), 0)).toEqual({ ok: true, value: 12 });
  });

  it("reports a rep without a score, with the row", () => {
    const values = scorecard([["R1", "Ann", "North", "—", 1]]);
    expect(scoreCore(index(values), "R1")).toEqual({ ok: false, issue: { code: "noScore", repId: "R1", sheet: "Fairshare Scorecard 2024-06", row: 5, value: "—" } });
  });

  it("reports a rep listed twice rather than picking one", () => {
    const values = scorecard([["R1", "Ann", "North", 80, 1], ["r1", "Ann", "North", 20, 2]]);
    expect(scoreCore(index(values), "R1")).toMatchObject({ ok: false, issue: { code: "duplicateRep", rows: "5, 6" } });
  });
});

describe("=FAIRSHARE.SCORE in cells (the fake Excel host runs it as Excel does)", () => {
  useFunctionsWorkbook();

  /** A workbook with the given sheets and a Data sheet whose A1 holds `id`. */
  const workbook = (sheets: Record<string, FakeSeedCell[][]>, id: FakeSeedCell = "R1") => FakeWorkbook.from({ Data: [[id]], ...sheets });

  it("reads a scorecard sheet with a Chinese name and headers", async () => {
    const wb = await installFunctions(workbook({ "Fairshare 评分卡 2024-06": scorecard([["R1", "安", "北区", 90]], ["工号", "姓名", "区域", "评分"]) }));
    await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
    expect(wb.shows("Data!B1")).toBe(90);
  });

  it("reads the newest scorecard sheet", async () => {
    const wb = await installFunctions(workbook({ Reps: [["Rep ID"]], "Fairshare Scorecard 2024-05": MAY, "Fairshare Scorecard 2024-06": JUNE }));
    await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
    await wb.enter("Data!B2", "=FAIRSHARE.SCORE(1001)");
    expect([wb.shows("Data!B1"), wb.shows("Data!B2")]).toEqual([82.5, 55.25]);
  });

  it("reads the workbook once for many cells", async () => {
    const rows: FakeSeedCell[][] = Array.from({ length: 500 }, (_, i) => [i % 2 ? "R1" : "R2", { formula: `=FAIRSHARE.SCORE(A${i + 1})` }]);
    const wb = await installFunctions(FakeWorkbook.from({ Data: rows, "Fairshare Scorecard 2024-06": JUNE }));
    expect([wb.shows("Data!B1"), wb.shows("Data!B2")]).toEqual([61, 82.5]);
    expect(wb.host.valueReads.map((r) => r.sheet)).toEqual(["Fairshare Scorecard 2024-06"]);
  });

  it("follows the scorecards: an edited score, then a newer scorecard from the next run", async () => {
    const wb = await installFunctions(workbook({ "Fairshare Scorecard 2024-05": MAY }));
    await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
    expect(wb.shows("Data!B1")).toBe(40);
    const calls = wb.runtime.invocationCount();
    await wb.host.userEdit("Fairshare Scorecard 2024-05", "D5", 45);
    expect(wb.shows("Data!B1")).toBe(45);
    // A run adds its scorecard sheet through the API: SCORE moves to it.
    await new OfficeWorkbook().addSheets([{ name: "Fairshare Scorecard 2024-06", columns: ["Rep ID", "Name", "Region", "Score"].map((header) => ({ header })), rows: [["R1", "Ann", "North", 82.5]], preamble: [["Fairshare scorecard"], ["Dimensions"]] }]);
    await wb.host.settled();
    expect(wb.shows("Data!B1")).toBe(82.5);
    expect(wb.runtime.invocationCount()).toBe(calls);
  });

  it("an unknown rep is #N/A with a message", async () => {
    const wb = await installFunctions(workbook({ "Fairshare Scorecard 2024-06": JUNE }, "R9"));
    await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
    expect(wb.shows("Data!B1")).toEqual({ error: "#N/A", message: "Rep ID “R9” is not on the scorecard “Fairshare Scorecard 2024-06”." });
  });

  it("no scorecard sheet is #N/A with a message, in Excel's language", async () => {
    const wb = await installFunctions(workbook({ Reps: [["Rep ID"]] }));
    await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
    expect(wb.shows("Data!B1")).toEqual({ error: "#N/A", message: "No scorecard sheet: run Fairshare to create a “Fairshare Scorecard …” (or “Fairshare 评分卡 …”) sheet first." });
    wb.host.displayLanguage = "zh-CN";
    await wb.enter("Data!B2", "=FAIRSHARE.SCORE(A1)");
    expect(wb.shows("Data!B2")).toEqual({ error: "#N/A", message: "没有评分卡工作表：请先运行 Fairshare 生成“Fairshare 评分卡 …”工作表。" });
  });

  it("outside Excel there is no scorecard", async () => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeCustomFunctionError, ErrorCode: FAKE_ERROR_CODES };
    const results: unknown[] = [];
    scoreFunction("R1", { setResult: (v) => void results.push(v) });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
    expect(results).toEqual([expect.objectContaining({ code: "#N/A" })]);
  });

  it("a scorecard without its header is #N/A naming the sheet", async () => {
    const wb = await installFunctions(workbook({ "Fairshare Scorecard": [["Who", "Points"], ["R1", 3]] }));
    await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
    expect(wb.shows("Data!B1")).toEqual({ error: "#N/A", message: "Sheet “Fairshare Scorecard” has no header row with “Rep ID” and “Score” columns." });
  });

  it("an empty id is #VALUE! (a blank cell, whether Excel passes it as null or as 0)", async () => {
    for (const blankCells of [null, 0] as const) {
      const wb = await installFunctions(workbook({ "Fairshare Scorecard 2024-06": JUNE }, null), { blankCells });
      await wb.enter("Data!B1", "=FAIRSHARE.SCORE(A1)");
      expect(wb.shows("Data!B1")).toEqual({ error: "#VALUE!", message: "repId is empty." });
    }
  });
});
