/**
 * =FAIRSHARE.TIERED, INCENTIVE and BREAKDOWN: the node-testable cores with hand-computed values, the
 * wrappers' Excel errors, and the plan read from the Fairshare Settings sheet on the fake Excel host.
 *
 * Default plan: tiers 0:3%; 100,000:5%; 200,000:8% (marginal), 500 per new account, retention 1% of
 * retained sales when satisfaction ≥ 4, no threshold, no cap, no accelerator.
 */
import { defaultPlan, type Plan } from "../../src/engine/incentives/plan";
import { breakdownFunction, incentiveFunction } from "../../src/functions/functions";
import {
  breakdownCore,
  incentiveCore,
  incentiveRequestCore,
  planFromSettingsTableCore,
  planWithTiers,
  tieredCore,
  type IncentiveRequest,
} from "../../src/functions/incentive";
import { liveResultCount, resetLiveResults } from "../../src/functions/liveResults";
import { WORKBOOK_TIMEOUT_MS } from "../../src/functions/workbookData";
import { FAKE_ERROR_CODES, FakeCustomFunctionError } from "../../src/fakes/fakeCustomFunctions";
import { FakeWorkbook, type FakeExcelHost, type FakeSeedCell } from "../../src/fakes/fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeAdapter";
import { saveSettings } from "../../src/workbook/panePipeline";
import { installFunctions, useFunctionsWorkbook } from "./runtime";

const DEFAULT_TIERS = "0:3%; 100000:5%; 200000:8%";

function request(...args: unknown[]): IncentiveRequest {
  const r = incentiveRequestCore(...(args as Parameters<typeof incentiveRequestCore>));
  if (!r.ok) throw new Error(`unexpected issue ${JSON.stringify(r.issue)}`);
  return r.value;
}

function issueOf(result: { ok: boolean; issue?: unknown }): unknown {
  expect(result.ok).toBe(false);
  return result.issue;
}

describe("tieredCore (=FAIRSHARE.TIERED)", () => {
  it.each<[string, unknown, unknown, unknown, number]>([
    // 3% × 100,000 + 5% × 100,000 + 8% × 50,000 = 3,000 + 5,000 + 4,000
    ["250,000 marginal (the default)", 250000, DEFAULT_TIERS, undefined, 12000],
    ["250,000 marginal, named", 250000, DEFAULT_TIERS, "marginal", 12000],
    // 8% × 250,000: the highest tier reached applies to everything
    ["250,000 retroactive", 250000, DEFAULT_TIERS, "retroactive", 20000],
    ["mode in any case, trimmed", 250000, DEFAULT_TIERS, " RETROACTIVE ", 20000],
    ["累进 is marginal", 250000, DEFAULT_TIERS, "累进", 12000],
    ["全额 is retroactive", 250000, DEFAULT_TIERS, "全额", 20000],
    ["全额累进 is retroactive", 250000, DEFAULT_TIERS, "全额累进", 20000],
    ["a blank mode (0 from an empty cell on Windows) is marginal", 250000, DEFAULT_TIERS, 0, 12000],
    // exactly at a threshold: marginal pays the lower tier on all of it, retroactive reaches the tier
    ["100,000 marginal", 100000, DEFAULT_TIERS, "marginal", 3000],
    ["100,000 retroactive", 100000, DEFAULT_TIERS, "retroactive", 5000],
    ["0", 0, DEFAULT_TIERS, undefined, 0],
    ["a blank amount is 0", null, DEFAULT_TIERS, undefined, 0],
    // 3% × 1,234.56 = 37.0368 → 37.04 (one rounding, to cents)
    ["rounded to cents", 1234.56, "0:3%", undefined, 37.04],
    ["an amount typed as text", "250,000", DEFAULT_TIERS, undefined, 12000],
    ["tiers as a 1×1 range", 250000, [[DEFAULT_TIERS]], undefined, 12000],
    ["Chinese tier text (全角, 万)", 250000, "0：3%；10万：5%；20万：8%", undefined, 12000],
  ])("%s", (_what, amount, tiers, mode, expected) => {
    expect(tieredCore(amount, tiers, mode)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown[][]]>([
    ["numbers and percentages", [[0, "3%"], [100000, 0.05], [200000, "8%"]]],
    ["with a header row", [["From", "Rate"], [0, 0.03], [100000, 0.05], [200000, 0.08]]],
    ["with trailing empty rows (web: null)", [[0, 0.03], [100000, 0.05], [200000, 0.08], [null, null], ["", ""]]],
    ["with trailing empty rows (Windows: 0)", [[0, 0.03], [100000, 0.05], [200000, 0.08], [0, 0], [0, 0]]],
  ])("reads a two-column range of tiers: %s", (_what, range) => {
    expect(tieredCore(250000, range)).toEqual({ ok: true, value: 12000 });
    expect(tieredCore(250000, range, "retroactive")).toEqual({ ok: true, value: 20000 });
  });

  it("gives the same result when a range changes between calls (the cache is keyed by contents)", () => {
    expect(tieredCore(250000, [[0, 0.03], [100000, 0.05]])).toEqual({ ok: true, value: 3000 + 7500 });
    expect(tieredCore(250000, [[0, 0.03], [100000, 0.06]])).toEqual({ ok: true, value: 3000 + 9000 });
    expect(tieredCore(250000, [[0, 0.03], [100000, 0.05]])).toEqual({ ok: true, value: 3000 + 7500 });
  });

  it.each<[string, unknown, unknown, unknown, object]>([
    ["a negative amount", -1, DEFAULT_TIERS, undefined, { code: "argumentNegative", argument: "amount", value: -1 }],
    ["text that is no number", "lots", DEFAULT_TIERS, undefined, { code: "argumentNotNumber", argument: "amount", value: "lots" }],
    ["a percentage as amount", "5%", DEFAULT_TIERS, undefined, { code: "argumentNotNumber", argument: "amount" }],
    ["a logical value as amount", true, DEFAULT_TIERS, undefined, { code: "argumentNotNumber", argument: "amount" }],
    ["an error as amount", "#N/A", DEFAULT_TIERS, undefined, { code: "argumentError", argument: "amount", error: "#N/A" }],
    ["an amount too large for exact cents", 1e15, DEFAULT_TIERS, undefined, { code: "argumentTooLarge", argument: "amount" }],
    ["no tiers", 100, null, undefined, { code: "tiersInvalid", problem: "tiers_empty" }],
    ["tiers not starting at 0", 100, "100:3%", undefined, { code: "tiersInvalid", problem: "tiers_order", part: "100" }],
    ["falling thresholds", 100, "0:3%; 200000:5%; 100000:8%", undefined, { code: "tiersInvalid", problem: "tiers_order" }],
    ["a rate above 100%", 100, "0:3%; 100000:5", undefined, { code: "tiersInvalid", problem: "tiers_rate" }],
    ["a tier that is no pair", 100, "0:3%; 100000", undefined, { code: "tiersInvalid", problem: "tiers_syntax" }],
    ["a three-column range", 100, [[0, 0.03, "x"], [100000, 0.05, "y"]], undefined, { code: "tiersShape", rows: 2, columns: 3 }],
    ["a one-column range", 100, [[0], [0.03]], undefined, { code: "tiersShape", rows: 2, columns: 1 }],
    ["a number for tiers", 100, 5, undefined, { code: "tiersShape", rows: 1, columns: 1 }],
    ["an error inside the tier range", 100, [[0, 0.03], [100000, "#REF!"]], undefined, { code: "errorValue", row: 2, column: 2, error: "#REF!" }],
    ["a bad rate in the tier range", 100, [[0, 0.03], [100000, 5]], undefined, { code: "tiersInvalid", problem: "tiers_rate" }],
    ["an unknown mode", 100, DEFAULT_TIERS, "progressive", { code: "unknownMode", value: "progressive" }],
    ["a number as mode", 100, DEFAULT_TIERS, 2, { code: "unknownMode", value: "2" }],
    ["an object property name as mode", 100, DEFAULT_TIERS, "constructor", { code: "unknownMode", value: "constructor" }],
  ])("refuses %s", (_what, amount, tiers, mode, issue) => {
    expect(issueOf(tieredCore(amount, tiers, mode))).toMatchObject(issue);
  });
});

describe("incentiveRequestCore + incentiveCore (=FAIRSHARE.INCENTIVE)", () => {
  const plan = defaultPlan();

  it.each<[string, unknown[], number]>([
    ["commission only", [250000, 0], 12000],
    ["a quota changes nothing without threshold or accelerator", [250000, 200000], 12000],
    // + 3 × 500
    ["3 new accounts", [250000, 0, null, 3], 13500],
    // + 1% × 80,000 = 800, since 4.5 ≥ 4
    ["retention with satisfaction 4.5", [250000, 0, null, 3, 80000, 4.5], 14300],
    // satisfaction 3.5 < 4: no retention bonus
    ["retention with satisfaction 3.5", [250000, 0, null, 3, 80000, 3.5], 13500],
    ["retention without satisfaction", [250000, 0, null, 3, 80000], 13500],
    ["satisfaction 0 (an empty cell on Windows) is unknown", [250000, 0, null, 3, 80000, 0], 13500],
    ["satisfaction exactly at the minimum", [0, 0, null, 0, 80000, 4], 800],
    ["tiers given in the formula", [250000, 0, "0:10%"], 25000],
    ["tiers given as a range", [250000, 0, [[0, 0.1]]], 25000],
    ["blank tiers take the plan's", [250000, 0, [[null]]], 12000],
    ["nothing sold", [0, 100000], 0],
    ["a blank sales cell is 0", [null, 100000, null, 1], 500],
  ])("%s", (_what, args, expected) => {
    expect(incentiveCore(request(...args), plan)).toBe(expected);
  });

  it("applies the plan's threshold, cap and accelerator (they come from the settings, not from arguments)", () => {
    const strict: Plan = { ...plan, threshold: 0.5, capCents: 1_000_000, acceleratorRate: 0.02 };
    expect(incentiveCore(request(40000, 100000), strict)).toBe(0); // 40% attainment < 50%
    expect(incentiveCore(request(80000, 100000), strict)).toBe(2400); // 3% × 80,000
    // 12,000 + 2% × 50,000 above quota = 13,000, capped at 10,000
    expect(incentiveCore(request(250000, 200000), strict)).toBe(10000);
  });

  it("reuses one derived plan per tier table instead of copying the plan per call", () => {
    const a = request(1, 0, "0:10%");
    const b = request(2, 0, "0:10%");
    expect(a.tiers).toBe(b.tiers);
    expect(planWithTiers(plan, a.tiers)).toBe(planWithTiers(plan, b.tiers));
    expect(planWithTiers(plan, null)).toBe(plan);
  });

  it.each<[string, unknown[], object]>([
    ["negative sales", [-5, 0], { code: "argumentNegative", argument: "sales", value: -5 }],
    ["non-numeric sales", ["n/a", 0], { code: "argumentNotNumber", argument: "sales", value: "n/a" }],
    ["negative quota", [5, -1], { code: "argumentNegative", argument: "quota" }],
    ["bad tiers", [5, 0, "0:3%; 10:2"], { code: "tiersInvalid", problem: "tiers_rate" }],
    ["a fraction of a new account", [5, 0, null, 2.5], { code: "argumentNotWhole", argument: "newAccounts", value: 2.5 }],
    ["negative new accounts", [5, 0, null, -1], { code: "argumentNegative", argument: "newAccounts" }],
    ["negative retained sales", [5, 0, null, 0, -3], { code: "argumentNegative", argument: "retainedSales" }],
    ["satisfaction above 5", [5, 0, null, 0, 0, 6], { code: "satisfactionOutOfRange", value: 6 }],
    ["satisfaction below 1", [5, 0, null, 0, 0, 0.5], { code: "satisfactionOutOfRange", value: 0.5 }],
    ["text satisfaction", [5, 0, null, 0, 0, "good"], { code: "argumentNotNumber", argument: "satisfaction" }],
  ])("refuses %s", (_what, args, issue) => {
    expect(issueOf(incentiveRequestCore(...(args as Parameters<typeof incentiveRequestCore>)))).toMatchObject(issue);
  });
});

describe("breakdownCore (=FAIRSHARE.BREAKDOWN)", () => {
  const plan = defaultPlan();

  it("lists each component a cell can compute (the registry's, all but the team bonus) with base, rate, amount and arithmetic, then the total", () => {
    expect(breakdownCore(request(250000, 0, null, 3, 80000, 4.5), plan, "en-US")).toEqual([
      ["Component", "Base", "Rate", "Amount", "Explanation"],
      ["Commission", 250000, "", 12000, "12,000 = 3% × 100,000 + 5% × 100,000 + 8% × 50,000"],
      // A fixed bonus has no rate: the rate cell is blank and the sentence names no "0% × 0".
      ["New-customer bonus", 0, "", 1500, "1,500 = 3 new accounts × 500"],
      ["Retention bonus", 80000, 0.01, 800, "800 = 1% × 80,000 retained sales (satisfaction 4.50 ≥ 4.00)"],
      ["Handover split", 0, "", 0, "0: no handover credit"],
      ["Clawback", 0, "", 0, "0: no refunds"],
      ["SPIF", 0, "", 0, "0: no SPIF"],
      ["Draw", 0, "", 0, "0: no draw"],
      ["Total", "", "", 14300, ""],
    ]);
  });

  it("shows the single rate of a retroactive commission", () => {
    const rows = breakdownCore(request(250000, 0), { ...plan, mode: "retroactive" }, "en-US");
    expect(rows[1]).toEqual(["Commission", 250000, 0.08, 20000, expect.any(String)]);
  });

  it("speaks Chinese", () => {
    const rows = breakdownCore(request(250000, 0, null, 3, 80000, 3.5), plan, "zh-CN");
    expect(rows.map((r) => r[0])).toEqual(["项目", "提成", "新客户奖", "维护奖", "移交分成", "退款扣回", "专项奖", "预支", "合计"]);
    expect(rows[0]).toEqual(["项目", "基数", "比例", "金额", "计算说明"]);
    expect(rows[3][4]).toBe("0：满意度 3.50 低于 4.00");
  });

  it.each<[string, unknown[]]>([
    ["whole amounts", [250000, 0, null, 3, 80000, 4.5]],
    ["cents that round", [1234.57, 0, null, 1, 333.33, 5]],
    ["odd cents in every component", [100000.01, 0, "0:3.33%; 1000:7.77%", 7, 12345.67, 4.2]],
  ])("amounts add up to the total exactly: %s", (_what, args) => {
    const rows = breakdownCore(request(...args), plan, "en-US");
    const amounts = rows.slice(1, -1).map((r) => Math.round((r[3] as number) * 100));
    const totalCents = Math.round((rows[rows.length - 1][3] as number) * 100);
    expect(amounts.reduce((s, a) => s + a, 0)).toBe(totalCents);
    // every amount is whole cents, and the total is INCENTIVE's value
    for (const r of rows.slice(1)) expect(Math.round((r[3] as number) * 100) / 100).toBe(r[3]);
    expect(rows[rows.length - 1][3]).toBe(incentiveCore(request(...args), plan));
  });

  it("never spills null (Excel would show 0): blank cells are empty text", () => {
    for (const row of breakdownCore(request(5, 0), plan, "en-US")) for (const cell of row) expect(cell).not.toBeNull();
  });
});

describe("planFromSettingsTableCore", () => {
  const table = (rows: (string | number | null)[][]) => ({ sheet: "Fairshare Settings", firstRow: 1, firstColumn: 1, values: rows });

  it("gives the default plan without a settings sheet", () => {
    expect(planFromSettingsTableCore(null)).toEqual({ ok: true, value: defaultPlan() });
  });

  it("reads the plan's settings", () => {
    const result = planFromSettingsTableCore(table([["Setting", "Value"], ["commissionTiers", "0:10%"], ["newCustomerBonus", 800], ["commissionMode", "Retroactive"]]));
    expect(result).toMatchObject({ ok: true, value: { tiers: [{ fromCents: 0, rate: 0.1 }], newCustomerBonusCents: 80000, mode: "retroactive" } });
  });

  it("refuses a plan setting it cannot read rather than defaulting it", () => {
    const result = planFromSettingsTableCore(table([["Setting", "Value"], ["retentionRate", "lots"]]));
    expect(issueOf(result)).toMatchObject({ code: "settingsInvalid", issue: { code: "setting_invalid", row: 2, params: { key: "retentionRate" } } });
  });

  it("refuses a settings sheet without Setting and Value columns", () => {
    expect(issueOf(planFromSettingsTableCore(table([["Key?", "What"], ["commissionTiers", "0:10%"]])))).toMatchObject({
      code: "settingsInvalid",
      issue: { code: "missing_column" },
    });
  });

  it("ignores problems in settings the plan does not use", () => {
    const result = planFromSettingsTableCore(table([["Setting", "Value"], ["seed", -4], ["commissionTiers", "0:10%"], ["noSuchSetting", 1]]));
    expect(result).toMatchObject({ ok: true, value: { tiers: [{ fromCents: 0, rate: 0.1 }] } });
  });
});

/** A sink standing in for a streaming invocation outside Excel: records what is sent. */
function sink<T>(): { results: unknown[]; setResult(value: T | Error): void } {
  const results: unknown[] = [];
  return { results, setResult: (value) => void results.push(value) };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe("INCENTIVE and BREAKDOWN outside Excel", () => {
  beforeAll(() => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeCustomFunctionError, ErrorCode: FAKE_ERROR_CODES };
  });
  afterAll(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });
  afterEach(() => resetLiveResults());

  it("use the default plan, once (there is no workbook to follow)", async () => {
    expect(typeof (globalThis as { Excel?: unknown }).Excel).toBe("undefined");
    const incentive = sink<number>();
    const none = [undefined, undefined, undefined, undefined, undefined, null as never] as const; // the components' own arguments, omitted
    incentiveFunction(250000, 0, null as never, 3, 80000, 4.5, ...none, incentive);
    const breakdown = sink<unknown[][]>();
    breakdownFunction(250000, 0, null as never, 3, 80000, 4.5, ...none, breakdown);
    await flush();
    expect(incentive.results).toEqual([14300]);
    expect((breakdown.results[0] as unknown[][]).at(-1)).toEqual(["Total", "", "", 14300, ""]);
  });
});

describe("=FAIRSHARE.TIERED, INCENTIVE and BREAKDOWN in cells (the fake Excel host runs them as Excel does)", () => {
  useFunctionsWorkbook();

  it("TIERED returns the number, or #VALUE! with a message", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[250000, DEFAULT_TIERS, -1, "both", "0:3%; 50:200"]] }));
    await wb.enter("Data!A3", "=FAIRSHARE.TIERED(A1, B1)");
    await wb.enter("Data!B3", '=FAIRSHARE.TIERED(A1, B1, "retroactive")');
    await wb.enter("Data!C3", "=FAIRSHARE.TIERED(C1, B1)");
    await wb.enter("Data!D3", "=FAIRSHARE.TIERED(1, B1, D1)");
    await wb.enter("Data!E3", "=FAIRSHARE.TIERED(1, E1)");
    expect(wb.shows("Data!A3")).toBe(12000);
    expect(wb.shows("Data!B3")).toBe(20000);
    expect(wb.shows("Data!C3")).toEqual({ error: "#VALUE!", message: "amount is -1; it must be 0 or more." });
    expect(wb.shows("Data!D3")).toEqual({ error: "#VALUE!", message: expect.stringMatching(/^mode “both” is unknown/) });
    expect(wb.shows("Data!E3")).toEqual({ error: "#VALUE!", message: "Bad tier table: the rate in “50:200” must be between 0 and 1 (or 0% and 100%)." });
  });

  it("speaks Chinese when Excel does", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [["很多", DEFAULT_TIERS]] }), { displayLanguage: "zh-CN" });
    await wb.enter("Data!A3", "=FAIRSHARE.TIERED(A1, B1)");
    await wb.enter("Data!A4", "=FAIRSHARE.INCENTIVE(1, 0, , 0, 0, 9)");
    expect(wb.shows("Data!A3")).toEqual({ error: "#VALUE!", message: "参数“金额”必须是数字；“很多”不是数字。" });
    expect(wb.shows("Data!A4")).toEqual({ error: "#VALUE!", message: "满意度为 9；必须在 1 到 5 之间（未知时留空或填 0）。" });
  });

  it("INCENTIVE and BREAKDOWN report bad arguments as #VALUE!, without reading the workbook", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[-5, 0, "0:3%; 10:5%; 5:8%", 7, "abc"]] }));
    for (const fn of ["INCENTIVE", "BREAKDOWN"]) {
      await wb.enter("Data!A3", `=FAIRSHARE.${fn}(A1, B1)`);
      await wb.enter("Data!A9", `=FAIRSHARE.${fn}(5, B1, C1)`);
      await wb.enter("Data!A15", `=FAIRSHARE.${fn}(5, B1, , 0, 0, D1)`);
      await wb.enter("Data!A21", `=FAIRSHARE.${fn}(5, E1)`);
      expect(wb.shows("Data!A3")).toEqual({ error: "#VALUE!", message: "sales is -5; it must be 0 or more." });
      expect(wb.shows("Data!A9")).toEqual({ error: "#VALUE!", message: "Bad tier table: tiers must start at 0 and rise; the problem is at 5." });
      expect(wb.shows("Data!A15")).toEqual({ error: "#VALUE!", message: "satisfaction is 7; it must be between 1 and 5 (leave it empty or 0 when unknown)." });
      expect(wb.shows("Data!A21")).toEqual({ error: "#VALUE!", message: "quota must be a number; “abc” is not one." });
    }
    expect(wb.host.valueReads).toEqual([]);
  });
});

describe("arguments as Excel hands them over", () => {
  useFunctionsWorkbook();

  it.each([
    ["the web and current builds (a blank cell arrives as null)", null],
    ["older desktop builds (a blank cell arrives as 0)", 0],
  ] as const)("blank cells mean the same on %s", async (_what, blankCells) => {
    // A1 sales, B1 quota, C1 tiers, D1 new accounts, E1 retained sales, F1 satisfaction; row 2 is blank.
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[250000, 0, null, 3, 80000, null]] }), { blankCells });
    await wb.enter("Data!A4", "=FAIRSHARE.INCENTIVE(A1, B1, C1, D1, E1, F1)"); // blank tiers → the plan's; blank satisfaction → unknown
    await wb.enter("Data!A5", "=FAIRSHARE.INCENTIVE(A2, B2)"); // blank sales and quota: nothing sold
    await wb.enter("Data!A6", `=FAIRSHARE.TIERED(A1, "${DEFAULT_TIERS}")`);
    await wb.enter("Data!A7", `=FAIRSHARE.TIERED(A1, "${DEFAULT_TIERS}", C1)`); // blank mode → marginal
    expect(wb.shows("Data!A4")).toBe(13500);
    expect(wb.shows("Data!A5")).toBe(0);
    expect(wb.shows("Data!A6")).toBe(12000);
    expect(wb.shows("Data!A7")).toBe(12000);
  });

  it("omitted optional arguments arrive as null and take the plan's values", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[250000, 0]] }));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    await wb.enter("Data!A4", "=FAIRSHARE.INCENTIVE(A1, B1, , 3)");
    await wb.enter("Data!A5", "=FAIRSHARE.INCENTIVE(A1, B1, , , , )");
    expect([wb.shows("Data!A3"), wb.shows("Data!A4"), wb.shows("Data!A5")]).toEqual([12000, 13500, 12000]);
  });

  it("an error cell reaches the function (allowErrorForDataTypeAny) and gets the function's own message", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [["#N/A", 0, "#REF!"]], Tiers: [[0, 0.03], [100000, "#DIV/0!"]] }));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    await wb.enter("Data!A4", "=FAIRSHARE.TIERED(100, C1)");
    await wb.enter("Data!A5", "=FAIRSHARE.TIERED(100, Tiers!A1:B2)");
    expect(wb.shows("Data!A3")).toEqual({ error: "#VALUE!", message: "sales is the error #N/A." });
    expect(wb.shows("Data!A4")).toEqual({ error: "#VALUE!", message: "tiers is the error #REF!." });
    expect(wb.shows("Data!A5")).toEqual({ error: "#VALUE!", message: "The range holds the error #DIV/0! at row 2, column 2." });
  });

  it("a two-column range of tiers arrives as rows, blanks included", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Tiers: [["From", "Rate"], [0, 0.03], [100000, "5%"], [200000, 0.08], [null, null]] }), { blankCells: 0 });
    await wb.enter("Tiers!D1", "=FAIRSHARE.TIERED(250000, A1:B5)");
    expect(wb.shows("Tiers!D1")).toBe(12000);
  });
});

describe("a workbook that does not answer (a cell in edit mode, office-js #1395)", () => {
  useFunctionsWorkbook();

  it("INCENTIVE with omitted arguments answers #N/A with what to do after WORKBOOK_TIMEOUT_MS, not #BUSY! forever", async () => {
    jest.useFakeTimers();
    try {
      const wb = await installFunctions(FakeWorkbook.from({ Data: [[1000, 0]] }));
      // Excel holds the batch: Excel.run never settles.
      (wb.host.excel as { run: unknown }).run = () => new Promise(() => undefined);
      await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
      expect(wb.shows("Data!A3")).toEqual({ error: "#BUSY!", message: null });
      await jest.advanceTimersByTimeAsync(WORKBOOK_TIMEOUT_MS);
      await wb.host.settled();
      expect(wb.shows("Data!A3")).toEqual({
        error: "#N/A",
        message: "Excel did not answer within 10 seconds (a cell is being edited, or Excel is busy). Finish the edit, then recalculate (Ctrl+Alt+F9).",
      });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("the workbook's settings", () => {
  useFunctionsWorkbook();

  function workbook(settings: FakeSeedCell[][] | null, data: FakeSeedCell[][] = [[250000, 0]]): FakeWorkbook {
    return FakeWorkbook.from({ Data: data, ...(settings ? { "Fairshare Settings": settings } : {}) });
  }

  const settingsReads = (host: FakeExcelHost) => host.valueReads.filter((r) => r.sheet === "Fairshare Settings").length;

  it("INCENTIVE with omitted tiers uses the settings' tiers", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]]));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    expect(wb.shows("Data!A3")).toBe(25000);
  });

  it("omitted arguments take the rest of the plan from the settings too", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["newCustomerBonus", 800], ["retentionRate", "2%"], ["retentionMinSatisfaction", 3]]));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1, , 3, 80000, 3.5)");
    // 12,000 + 3 × 800 + 2% × 80,000 (3.5 ≥ 3)
    expect(wb.shows("Data!A3")).toBe(12000 + 2400 + 1600);
  });

  it("tiers in the formula win over the settings' tiers", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]]));
    await wb.enter("Data!A3", '=FAIRSHARE.INCENTIVE(A1, B1, "0:1%")');
    expect(wb.shows("Data!A3")).toBe(2500);
  });

  it("BREAKDOWN spills the settings' plan, in Excel's display language", async () => {
    const wb = await installFunctions(workbook([["设置", "值"], ["commissionTiers", "0:10%"]]), { displayLanguage: "zh-CN" });
    await wb.enter("Data!A3", "=FAIRSHARE.BREAKDOWN(A1, B1, , 1)");
    expect(wb.block("Data!A3:E11")).toEqual([
      ["项目", "基数", "比例", "金额", "计算说明"],
      ["提成", 250000, "", 25000, "25,000 = 10% × 250,000"],
      ["新客户奖", 0, "", 500, "500 = 1 个新客户 × 500"],
      ["维护奖", 0, 0.01, 0, "0：无满意度数据"],
      ["移交分成", 0, "", 0, "0：无移交分成"],
      ["退款扣回", 0, "", 0, "0：无退款"],
      ["专项奖", 0, "", 0, "0：未设专项奖"],
      ["预支", 0, "", 0, "0：无预支"],
      ["合计", "", "", 25500, ""],
    ]);
  });

  it("uses the default plan when the workbook has no settings sheet", async () => {
    const wb = await installFunctions(workbook(null));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    expect(wb.shows("Data!A3")).toBe(12000);
  });

  it("1,000 cells read the settings sheet once", async () => {
    const rows: FakeSeedCell[][] = Array.from({ length: 1000 }, (_, i) => [1000 * i, 0, { formula: `=FAIRSHARE.INCENTIVE(A${i + 1}, B${i + 1})` }]);
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]], rows));
    expect(wb.shows("Data!C11")).toBe(1000);
    expect(wb.shows("Data!C1000")).toBe(99900);
    expect(settingsReads(wb.host)).toBe(1);
  });

  it("an edit of a setting leads to fresh results in every cell, from one read, without Excel calling the functions again", async () => {
    const rows: FakeSeedCell[][] = [
      [250000, 0, { formula: "=FAIRSHARE.INCENTIVE(A1, B1)" }],
      [100000, 0, { formula: "=FAIRSHARE.INCENTIVE(A2, B2)" }],
      [100000, 0, { formula: "=FAIRSHARE.INCENTIVE(A3, B3, \"0:1%\")" }],
    ];
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]], rows));
    await wb.enter("Data!E1", "=FAIRSHARE.BREAKDOWN(A1, B1)");
    expect([wb.shows("Data!C1"), wb.shows("Data!C2"), wb.shows("Data!C3"), wb.block("Data!H9")[0][0]]).toEqual([25000, 10000, 1000, 25000]);
    const calls = wb.runtime.invocationCount();
    const reads = settingsReads(wb.host);

    await wb.host.userEdit("Fairshare Settings", "B2", "0:20%");

    expect([wb.shows("Data!C1"), wb.shows("Data!C2"), wb.shows("Data!C3"), wb.block("Data!H9")[0][0]]).toEqual([50000, 20000, 1000, 50000]);
    // Excel did not recalculate them (nothing they take as arguments changed): the runtime pushed the results.
    expect(wb.runtime.invocationCount()).toBe(calls);
    expect(settingsReads(wb.host)).toBe(reads + 1);
  });

  it("an edit elsewhere neither calls the functions again nor reads the settings", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]]));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    const calls = wb.runtime.invocationCount();
    const runs = wb.host.runCount;
    await wb.host.userEdit("Data", "F1", "notes");
    await wb.host.userEdit("Data", "F2", 17);
    expect(wb.runtime.invocationCount()).toBe(calls);
    expect(wb.host.runCount).toBe(runs);
    expect(wb.shows("Data!A3")).toBe(25000);
  });

  it("an edit of an argument is Excel's own recalculation of that cell", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]]));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    await wb.host.userEdit("Data", "A1", 300000);
    expect(wb.shows("Data!A3")).toBe(30000);
    // The settings sheet changes afterwards: the new invocation follows it too, the cancelled one does not.
    await wb.host.userEdit("Fairshare Settings", "B2", "0:1%");
    expect(wb.shows("Data!A3")).toBe(3000);
    expect(wb.runtime.liveInvocations()).toBe(1);
  });

  it("settings saved by the pane (an API write), a settings sheet added or deleted: the results follow", async () => {
    const wb = await installFunctions(workbook(null));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    expect(wb.shows("Data!A3")).toBe(12000);
    await saveSettings(new OfficeWorkbook(), [{ key: "commissionTiers", value: "0:10%" }]);
    await wb.host.settled();
    expect(wb.shows("Data!A3")).toBe(25000);
    await (globalThis as unknown as { Excel: { run: (f: (c: any) => Promise<void>) => Promise<void> } }).Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Fairshare Settings").delete();
      await context.sync();
    });
    await wb.host.settled();
    expect(wb.shows("Data!A3")).toBe(12000);
  });

  it("a deleted formula stops following the settings", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]]));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    expect(liveResultCount()).toBe(1);
    await wb.host.userEdit("Data", "A3", "");
    expect(wb.runtime.liveInvocations()).toBe(0);
    expect(liveResultCount()).toBe(0);
  });

  it("a bad plan setting is #VALUE! naming the cell, not a silently defaulted number", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:3%; 50000"]]));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    const shown = wb.shows("Data!A3") as { error: string; message: string };
    expect(shown.error).toBe("#VALUE!");
    // The middle is the engine's catalogue text for setting_invalid.
    expect(shown.message).toMatch(/^Fairshare Settings, row 2, column Value: .*commissionTiers.*“0:3%; 50000”.* Fix the setting, or give this value in the formula\.$/);
    // Fixing the setting fixes the cell.
    await wb.host.userEdit("Fairshare Settings", "B2", "0:3%; 50000:5%");
    expect(wb.shows("Data!A3")).toBe(1500 + 10000);
  });

  it("a workbook Excel cannot read is #N/A, and a recalculation tries again", async () => {
    const wb = await installFunctions(workbook([["Setting", "Value"], ["commissionTiers", "0:10%"]], [[1000, 0]]));
    const excel = wb.host.excel as { run: (...a: unknown[]) => Promise<unknown> };
    const run = excel.run;
    excel.run = () => Promise.reject(Object.assign(new Error("busy"), { code: "GeneralException" }));
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, B1)");
    expect(wb.shows("Data!A3")).toEqual({ error: "#N/A", message: "Could not read the sheet “Fairshare Settings” (GeneralException). Recalculate to try again." });
    excel.run = run;
    await run(async (context: any) => {
      context.workbook.application.calculate("Full");
      await context.sync();
    });
    await wb.host.settled();
    expect(wb.shows("Data!A3")).toBe(100);
  });
});

describe("data-type values (the metadata allows them for `any` parameters)", () => {
  it("reads a formatted number by its basicValue", () => {
    const double = (basicValue: number) => ({ type: "Double", basicValue, numberFormat: "#,##0" });
    expect(tieredCore(double(250000), [[DEFAULT_TIERS]])).toEqual({ ok: true, value: 12000 });
    expect(tieredCore(250000, [[0, double(0.03)], [double(100000), 0.05], [200000, 0.08]])).toEqual({ ok: true, value: 12000 });
    expect(incentiveCore(request(double(250000), 0, null, double(3)), defaultPlan())).toBe(13500);
  });

  it("reports a data-type error value as an error", () => {
    const na = { type: "Error", errorType: "NotAvailable", basicValue: "#N/A" };
    expect(issueOf(tieredCore(na, [[DEFAULT_TIERS]]))).toEqual({ code: "argumentError", argument: "amount", error: "#N/A" });
    expect(issueOf(tieredCore(1, [[0, 0.03], [100000, na]]))).toEqual({ code: "errorValue", row: 2, column: 2, error: "#N/A" });
  });
});
