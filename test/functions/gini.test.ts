/**
 * =FAIRSHARE.GINI: the node-testable core, and the function in cells of the fake Excel host (its errors,
 * and blank cells as each Excel build passes them).
 * Expected values are computed by hand from G = Σi Σj |xi − xj| / (2 n² · mean).
 */
import { giniCore, nonNegativeNumbersCore, withoutBlankZeros } from "../../src/functions/functions";
import { FakeCustomFunctionError } from "../../src/fakes/fakeCustomFunctions";
import { FakeWorkbook } from "../../src/fakes/fakeExcel";
import { functionLocale, functionMessage } from "../../src/functions/messages";
import { installFunctions, useFunctionsWorkbook } from "./runtime";

describe("giniCore", () => {
  it.each<[string, unknown[][], number]>([
    ["equal values", [[1], [1], [1]], 0],
    ["one person has everything", [[0], [0], [0], [4]], 0.75], // Σ|xi−xj| = 24, 2·16·1 = 32
    ["1, 2, 3", [[1], [2], [3]], 2 / 9], // Σ = 8, 2·9·2 = 36
    ["1 and 3", [[1, 3]], 0.25], // Σ = 4, 2·4·2 = 16
    ["a 2-D range, read row by row", [[0, 0], [0, 4]], 0.75],
    ["blanks, text and logical values are skipped", [[1, ""], [null, "x"], [true, 3], [undefined, false]], 0.25],
    ["an empty range", [], 0],
    ["only blanks and text", [[null, ""], ["n/a", "—"]], 0],
    ["all zero", [[0, 0, 0]], 0],
  ])("%s", (_what, range, expected) => {
    const result = giniCore(range);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBeCloseTo(expected, 12);
  });

  it("reports the first negative number with its position", () => {
    expect(giniCore([[1, 2], [3, -4], [-5, 6]])).toEqual({
      ok: false,
      issue: { code: "negativeValue", row: 2, column: 2, value: -4 },
    });
  });

  it.each<[string, unknown]>([
    ["an Excel error object", new FakeCustomFunctionError("#N/A")],
    ["an error's text", "#DIV/0!"],
    ["#NAME?", "#NAME?"],
  ])("reports %s in the range", (_what, cell) => {
    const result = giniCore([[1], [cell]]);
    expect(result).toMatchObject({ ok: false, issue: { code: "errorValue", row: 2, column: 1 } });
  });

  it("keeps the error code it met", () => {
    expect(giniCore([[new FakeCustomFunctionError("#N/A")]])).toMatchObject({ issue: { error: "#N/A" } });
  });

  it("reports numbers that are not finite", () => {
    expect(giniCore([[1, Number.NaN]])).toEqual({ ok: false, issue: { code: "notFinite", row: 1, column: 2 } });
    expect(giniCore([[Infinity]])).toMatchObject({ ok: false, issue: { code: "notFinite" } });
  });

  it("does not mistake text that merely starts with # for an error", () => {
    expect(nonNegativeNumbersCore([["#1 seller", 5]])).toEqual({ ok: true, value: [5] });
  });
});

describe("=FAIRSHARE.GINI in cells (the fake Excel host runs it as Excel does)", () => {
  useFunctionsWorkbook();

  it("returns the coefficient", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[0], [0], [0], [4]] }));
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1:A4)");
    await wb.enter("Data!C2", "=FAIRSHARE.GINI({0;0;0;4}, TRUE)");
    expect([wb.shows("Data!C1"), wb.shows("Data!C2")]).toEqual([0.75, 1]);
  });

  it("turns a negative number into #VALUE! with an English message", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[1], [-2]] }));
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1:A2)");
    expect(wb.shows("Data!C1")).toEqual({ error: "#VALUE!", message: "Value -2 at row 2, column 1 of the range is negative; values must be 0 or more." });
  });

  it("turns an error in the range into #VALUE! naming it (the error reaches the function)", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[1, "#REF!"]] }));
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1:B1)");
    expect(wb.shows("Data!C1")).toEqual({ error: "#VALUE!", message: "The range holds the error #REF! at row 1, column 2." });
  });

  it("speaks Chinese when Excel does", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[-1]] }), { displayLanguage: "zh-CN" });
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1)");
    expect(wb.shows("Data!C1")).toEqual({ error: "#VALUE!", message: "区域第 1 行第 1 列的值 -1 为负数;数值必须大于或等于 0。" });
  });
});

/**
 * Blank cells in the range: older desktop builds pass them as 0 (office-js #4702, #5262), which no function can
 * tell from a real 0. 0, 0, 0, 4 and a blank: 0.75 as Excel means it; 0.8 if the blank counts as a fifth 0
 * (Σ|xi − xj| = 2 × 4 × 4 = 32, n = 5, mean 0.8: 32 / (2 · 25 · 0.8) = 0.8).
 */
describe("=FAIRSHARE.GINI over blank cells", () => {
  useFunctionsWorkbook();
  const DATA = [[0], [0], [0], [4], [null]];

  it.each([
    ["the web and current builds (blank → null)", null, 0.75],
    ["older desktop builds (blank → 0): fooled", 0, 0.8],
  ] as const)("the plain form on %s gives %p", async (_what, blankCells, expected) => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: DATA }), { blankCells });
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1:A5)");
    expect(wb.shows("Data!C1")).toBeCloseTo(expected, 12);
  });

  it.each([
    ["the web and current builds (blank → null)", null],
    ["older desktop builds (blank → 0)", 0],
  ] as const)("the count form cannot be fooled on %s", async (_what, blankCells) => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: DATA }), { blankCells });
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1:A5, , COUNT(A1:A5))");
    await wb.enter("Data!C2", "=FAIRSHARE.GINI(A1:A5, TRUE, COUNT(A1:A5))");
    expect(wb.shows("Data!C1")).toBeCloseTo(0.75, 12);
    expect(wb.shows("Data!C2")).toBeCloseTo(1, 12);
  });

  it("a count that does not fit the range is #VALUE! saying so", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: DATA }), { blankCells: 0 });
    await wb.enter("Data!C1", "=FAIRSHARE.GINI(A1:A5, , 7)");
    await wb.enter("Data!C2", "=FAIRSHARE.GINI(A1:A5, , 0)");
    await wb.enter("Data!C3", "=FAIRSHARE.GINI(A1:A5, , 2.5)");
    expect(wb.shows("Data!C1")).toEqual({ error: "#VALUE!", message: "count is 7, but the range holds only 5 number(s); give COUNT of the same range." });
    expect(wb.shows("Data!C2")).toEqual({ error: "#VALUE!", message: "count is 0, but the range holds 1 number(s) other than 0; give COUNT of the same range." });
    expect(wb.shows("Data!C3")).toEqual({ error: "#VALUE!", message: "count is 2.5; it must be a whole number." });
  });
});

describe("withoutBlankZeros", () => {
  it.each<[string, number[], number, number[]]>([
    ["nothing to drop", [0, 4], 2, [0, 4]],
    ["one blank passed as 0", [0, 0, 0, 4, 0], 4, [0, 0, 4, 0]],
    ["only blanks", [0, 0, 0], 0, []],
  ])("%s", (_what, numbers, count, kept) => {
    expect(withoutBlankZeros(numbers, count)).toEqual({ ok: true, value: kept });
  });
});

describe("function messages", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-GB", "en-US"],
    [undefined, "en-US"],
  ])("locale for display language %s is %s", (language, locale) => {
    expect(functionLocale(language)).toBe(locale);
  });

  it("has text for every issue in both languages", () => {
    const issues = [
      { code: "negativeValue", row: 1, column: 1, value: -1 },
      { code: "errorValue", row: 1, column: 1, error: "#N/A" },
      { code: "notFinite", row: 1, column: 1 },
    ] as const;
    for (const locale of ["en-US", "zh-CN"] as const) {
      for (const issue of issues) expect(functionMessage(issue, locale).trim()).not.toBe("");
    }
  });
});

/**
 * Population vs sample Gini, the convention difference inequality libraries disagree on. Population:
 * G = Σi Σj |xi − xj| / (2 n² · mean). Sample (small-sample corrected): G × n / (n − 1), as the npm
 * package gini-ss computes it (see also test/engine/incentives/peers.test.ts).
 * [0, 0, 0, 4]: Σ|xi − xj| = 2 × 3 × 4 = 24, n = 4, mean 1 → population 24 / 32 = 0.75; sample 0.75 × 4 / 3 = 1.
 * [1, 2, 3]: Σ|xi − xj| = 2 × (1 + 2 + 1) = 8, n = 3, mean 2 → population 8 / 36 = 2/9; sample 2/9 × 3/2 = 1/3.
 */
describe("=FAIRSHARE.GINI(values, [sample])", () => {
  it.each([
    [[[0], [0], [0], [4]], undefined, 0.75],
    [[[0], [0], [0], [4]], true, 1],
    [[[1], [2], [3]], false, 2 / 9],
    [[[1], [2], [3]], true, 1 / 3],
    [[[1], [2], [3]], "TRUE", 1 / 3],
    [[[1], [2], [3]], 1, 1 / 3],
    [[[1], [2], [3]], null, 2 / 9],
    [[[5]], true, 0], // one value: no spread, in either convention
  ])("%j sample=%p → %p", (range, sample, expected) => {
    const r = giniCore(range, sample);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(expected, 12);
  });

  it("refuses a sample flag that is not yes/no", () => {
    expect(giniCore([[1], [2]], "maybe")).toEqual({ ok: false, issue: { code: "argumentNotBoolean", argument: "sample", value: "maybe" } });
    expect(functionMessage({ code: "argumentNotBoolean", argument: "sample", value: "maybe" }, "zh-CN")).toMatch(/样本/);
  });
});
