/**
 * =FAIRSHARE.GINI: the node-testable core and the wrapper's translation into Excel errors.
 * Expected values are computed by hand from G = Σi Σj |xi − xj| / (2 n² · mean).
 */
import { giniCore, giniFunction, nonNegativeNumbersCore } from "../../src/functions/functions";
import { functionLocale, functionMessage } from "../../src/functions/messages";

/** A stand-in for the custom-functions runtime: just enough for the wrapper to build its error. */
class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}
const fakeRuntime = { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!" } };
type Globals = { CustomFunctions?: unknown; Office?: unknown };
const globals = globalThis as unknown as Globals;

beforeAll(() => {
  globals.CustomFunctions = fakeRuntime;
});
afterAll(() => {
  delete globals.CustomFunctions;
});
afterEach(() => {
  delete globals.Office;
});

function thrown(f: () => unknown): FakeCustomFunctionsError {
  try {
    f();
  } catch (err) {
    if (err instanceof FakeCustomFunctionsError) return err;
    throw err;
  }
  throw new Error("expected the function to throw");
}

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
    ["an Excel error object", new FakeCustomFunctionsError("#N/A")],
    ["an error's text", "#DIV/0!"],
    ["#NAME?", "#NAME?"],
  ])("reports %s in the range", (_what, cell) => {
    const result = giniCore([[1], [cell]]);
    expect(result).toMatchObject({ ok: false, issue: { code: "errorValue", row: 2, column: 1 } });
  });

  it("keeps the error code it met", () => {
    expect(giniCore([[new FakeCustomFunctionsError("#N/A")]])).toMatchObject({ issue: { error: "#N/A" } });
  });

  it("reports numbers that are not finite", () => {
    expect(giniCore([[1, Number.NaN]])).toEqual({ ok: false, issue: { code: "notFinite", row: 1, column: 2 } });
    expect(giniCore([[Infinity]])).toMatchObject({ ok: false, issue: { code: "notFinite" } });
  });

  it("does not mistake text that merely starts with # for an error", () => {
    expect(nonNegativeNumbersCore([["#1 seller", 5]])).toEqual({ ok: true, value: [5] });
  });
});

describe("giniFunction (=FAIRSHARE.GINI)", () => {
  it("returns the coefficient", () => {
    expect(giniFunction([[0], [0], [0], [4]])).toBe(0.75);
  });

  it("turns a negative number into #VALUE! with an English message", () => {
    const error = thrown(() => giniFunction([[1], [-2]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("Value -2 at row 2, column 1 of the range is negative; values must be 0 or more.");
  });

  it("turns an error in the range into #VALUE!", () => {
    const error = thrown(() => giniFunction([[1, "#REF!"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("#REF!");
  });

  it("speaks Chinese when Excel does", () => {
    globals.Office = { context: { displayLanguage: "zh-CN" } };
    const error = thrown(() => giniFunction([[-1]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("区域第 1 行第 1 列的值 -1 为负数;数值必须大于或等于 0。");
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
