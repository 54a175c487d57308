/**
 * Each plan feature in =FAIRSHARE.BREAKDOWN (and =FAIRSHARE.INCENTIVE), from a cell's figures, with values
 * computed by hand, in both languages. The figures after sales, quota and tiers are the components' own
 * cell arguments (the registry's CELL_ARGUMENTS); `figures` below places them by name.
 *
 * Default plan: tiers 0:3%; 100,000:5%; 200,000:8% (marginal), 500 per new account, retention 1% when
 * satisfaction ≥ 4, clawback on, recoverable draws, no SPIF, no category rates.
 */
import { CELL_ARGUMENTS } from "../../src/engine/incentives/components";
import { defaultPlan, type Plan } from "../../src/engine/incentives/plan";
import { breakdownCore, incentiveCore, incentiveRequestCore, planFromSettingsTableCore, type IncentiveRequest } from "../../src/functions/incentive";
import { functionMessage } from "../../src/functions/messages";
import { FakeWorkbook } from "../../src/fakes/fakeExcel";
import { installFunctions, useFunctionsWorkbook } from "./runtime";

type Figures = Record<string, unknown>;

/** The arguments after sales, quota and tiers, placed by the registry's names (blank where not given). */
function figures(named: Figures): unknown[] {
  for (const name of Object.keys(named)) if (!CELL_ARGUMENTS.some((a) => a.name === name)) throw new Error(`no cell argument ${name}`);
  return CELL_ARGUMENTS.map((a) => named[a.name]);
}

function request(sales: unknown, quota: unknown, tiers: unknown, named: Figures = {}): IncentiveRequest {
  const r = incentiveRequestCore(sales, quota, tiers, ...figures(named));
  if (!r.ok) throw new Error(`unexpected issue ${JSON.stringify(r.issue)}`);
  return r.value;
}

/** The row of one component: [label, base, rate, amount, explanation]. */
function row(rows: (string | number)[][], label: string): (string | number)[] {
  const found = rows.find((r) => r[0] === label);
  if (!found) throw new Error(`no row ${label} in ${JSON.stringify(rows.map((r) => r[0]))}`);
  return found;
}

const total = (rows: (string | number)[][]) => rows[rows.length - 1][3];

function settingsPlan(rows: (string | number)[][]): Plan {
  const r = planFromSettingsTableCore({ sheet: "Fairshare Settings", firstRow: 1, firstColumn: 1, values: [["Setting", "Value"], ...rows] });
  if (!r.ok) throw new Error(`unexpected issue ${JSON.stringify(r.issue)}`);
  return r.value;
}

describe("tiers with upper bounds and gaps, and tiers by attainment", () => {
  test("“0-100000:3%; 150000:5%” on 200,000: 3% × 100,000 + nothing in the 100,000–150,000 gap + 5% × 50,000 = 5,500", () => {
    const rows = breakdownCore(request(200000, 0, "0-100000:3%; 150000:5%"), defaultPlan(), "en-US");
    expect(row(rows, "Commission")).toEqual(["Commission", 200000, "", 5500, "5,500 = 3% × 100,000 + 5% × 50,000"]);
    expect(total(rows)).toBe(5500);
  });

  test("commissionBasis attainment from the settings sheet: quota 200,000, sales 260,000 (130%) → 2% × 200,000 + 4% × 40,000 + 6% × 20,000 = 6,800", () => {
    const plan = settingsPlan([["commissionBasis", "attainment"], ["commissionTiers", "0%:2%; 100%:4%; 120%:6%"]]);
    const rows = breakdownCore(request(260000, 200000, null), plan, "en-US");
    expect(row(rows, "Commission")).toEqual(["Commission", 260000, "", 6800, "6,800 = 2% × 200,000 + 4% × 40,000 + 6% × 20,000"]);
    // Without a quota the tiers cannot be placed: 0, and the row says why.
    const zh = breakdownCore(request(50000, 0, null), plan, "zh-CN");
    expect(row(zh, "提成")).toEqual(["提成", 50000, "", 0, "0：阶梯按指标百分比设定，而 50,000 的销售没有指标"]);
  });
});

describe("refunds and clawbacks: the refunds argument", () => {
  test("150,000 sold, 30,000 refunded: commission on gross 3,000 + 2,500 = 5,500; clawback to net 120,000 (3,000 + 1,000 = 4,000) −1,500", () => {
    const r = request(150000, 0, null, { refunds: 30000 });
    const rows = breakdownCore(r, defaultPlan(), "en-US");
    expect(row(rows, "Commission")).toEqual(["Commission", 150000, "", 5500, "5,500 = 3% × 100,000 + 5% × 50,000"]);
    expect(row(rows, "Clawback")).toEqual(["Clawback", 30000, "", -1500, "−1,500 = commission on net sales 120,000 (4,000) − on gross sales 150,000 (5,500); refunds 30,000"]);
    expect(total(rows)).toBe(4000);
    expect(incentiveCore(r, defaultPlan())).toBe(4000);
    expect(row(breakdownCore(r, defaultPlan(), "zh-CN"), "退款扣回")[4]).toBe("−1,500 = 按净销售额 120,000 的提成（4,000）− 按总销售额 150,000 的提成（5,500）；退款 30,000");
  });

  test("refunds above sales: 10,000 sold, 30,000 refunded → net −20,000 × 3% = −600, and the clawback row says why", () => {
    const rows = breakdownCore(request(10000, 0, null, { refunds: 30000 }), defaultPlan(), "en-US");
    expect(row(rows, "Commission")[3]).toBe(300);
    expect(row(rows, "Clawback")).toEqual(["Clawback", 30000, "", -900, "−900 = refunds 30,000 exceed sales: net −20,000 × 3% (−600) − commission on gross sales 10,000 (300)"]);
    expect(total(rows)).toBe(-600);
  });

  test("clawback off: commission on gross, the refunds named and left alone", () => {
    const rows = breakdownCore(request(150000, 0, null, { refunds: 30000 }), { ...defaultPlan(), clawback: false }, "en-US");
    expect(row(rows, "Clawback")).toEqual(["Clawback", 30000, "", 0, "0: refunds of 30,000 are not clawed back (clawback off)"]);
    expect(total(rows)).toBe(5500);
  });
});

describe("draws: the draw and drawBalance arguments", () => {
  test("recoverable: earned 1,200 (3% × 40,000) under a 2,000 draw → +800 paid and carried forward", () => {
    const rows = breakdownCore(request(40000, 0, null, { draw: 2000 }), defaultPlan(), "en-US");
    expect(row(rows, "Draw")).toEqual(["Draw", 2000, "", 800, "800 = draw 2,000 − earned 1,200; to be recovered later, balance carried forward 800"]);
    expect(total(rows)).toBe(2000);
    expect(row(breakdownCore(request(40000, 0, null, { draw: 2000 }), defaultPlan(), "zh-CN"), "预支")[4]).toBe("800 = 预支 2,000 − 收入 1,200；日后扣回，结转余额 800");
  });

  test("the next window: 2,300 earned (3% × 76,666.67 = 2,300.0001) with 800 carried in → 300 recovered, 500 left", () => {
    const rows = breakdownCore(request(76666.67, 0, null, { draw: 2000, drawBalance: 800 }), defaultPlan(), "en-US");
    expect(row(rows, "Commission")[3]).toBe(2300);
    expect(row(rows, "Draw")).toEqual([
      "Draw",
      2000,
      "",
      -300,
      "−300: earned 2,300 is above the draw 2,000, so 300 of the 800 unrecovered draw is taken back; balance carried forward 500",
    ]);
    expect(total(rows)).toBe(2000);
  });

  test("non-recoverable: the top-up is paid, never carried", () => {
    const rows = breakdownCore(request(40000, 0, null, { draw: 2000, drawBalance: 800 }), { ...defaultPlan(), drawRecoverable: false }, "en-US");
    expect(row(rows, "Draw")).toEqual(["Draw", 2000, "", 800, "800 = draw 2,000 − earned 1,200 (not recovered later)"]);
  });
});

describe("SPIFs: the spifAccounts argument (the caller counts the won accounts that meet the criteria)", () => {
  const plan: Plan = { ...defaultPlan(), spif: { bonusCents: 30000, categories: ["Cloud"], minCents: 0, from: null, to: null } };
  test("2 qualifying accounts × 300 = 600; 1 × 300 = 300 (singular); the plan's spifBonus", () => {
    expect(row(breakdownCore(request(0, 0, null, { spifAccounts: 2 }), plan, "en-US"), "SPIF")).toEqual(["SPIF", 0, "", 600, "600 = 2 qualifying won accounts × 300"]);
    expect(row(breakdownCore(request(0, 0, null, { spifAccounts: 1 }), plan, "en-US"), "SPIF")[4]).toBe("300 = 1 qualifying won account × 300");
    expect(row(breakdownCore(request(0, 0, null, { spifAccounts: 2 }), plan, "zh-CN"), "专项奖")[4]).toBe("600 = 2 个符合条件的新客户 × 300");
  });
  test("no SPIF in the plan: 0 whatever the count", () => {
    expect(row(breakdownCore(request(0, 0, null, { spifAccounts: 2 }), defaultPlan(), "en-US"), "SPIF")).toEqual(["SPIF", 0, "", 0, "0: no SPIF"]);
  });
  test("the plan's spifBonus from the settings sheet", () => {
    const fromSheet = settingsPlan([["spifBonus", 250], ["spifCategories", "Cloud"]]);
    expect(total(breakdownCore(request(0, 0, null, { spifAccounts: 3 }), fromSheet, "en-US"))).toBe(750);
  });
});

describe("per-category rates: the categorySales argument and rate.<category> settings", () => {
  const range = [["Category", "Sales"], ["Services", 20000], ["Freight", 5000], ["Hardware", 30000]];
  test("150,000 of which Services 20,000 at 10% and Freight 5,000 at 0%; Hardware has no rate and stays on the tiers: tiers on 125,000 (3,000 + 1,250) + 2,000 + 0 = 6,250", () => {
    const plan = settingsPlan([["rate.Services", "10%"], ["rate.freight", "0%"]]);
    expect(plan.categoryRates).toEqual({ services: 0.1, freight: 0 });
    const rows = breakdownCore(request(150000, 0, null, { categorySales: range }), plan, "en-US");
    expect(row(rows, "Commission")).toEqual(["Commission", 150000, "", 6250, "6,250 = 3% × 100,000 + 5% × 25,000 + 10% × 20,000 + 0% × 5,000 (own rates of Services, Freight)"]);
    expect(row(breakdownCore(request(150000, 0, null, { categorySales: range }), plan, "zh-CN"), "提成")[4]).toBe(
      "6,250 = 3% × 100,000 + 5% × 25,000 + 10% × 20,000 + 0% × 5,000（Services, Freight 按各自比例）",
    );
  });
  test("without rate settings the categories change nothing", () => {
    expect(total(breakdownCore(request(150000, 0, null, { categorySales: range }), defaultPlan(), "en-US"))).toBe(5500);
  });
  test("a bad rate.<category> setting is refused, not defaulted", () => {
    const r = planFromSettingsTableCore({ sheet: "Fairshare Settings", firstRow: 1, firstColumn: 1, values: [["Setting", "Value"], ["rate.Services", "lots"]] });
    expect(r).toMatchObject({ ok: false, issue: { code: "settingsInvalid", issue: { code: "setting_invalid", row: 2 } } });
  });
});

describe("the handover credit: the handoverCredit argument", () => {
  test("90,000 own sales and 20,000 handover credit: commission 2,700 (3% × 90,000); with the credit 3% × 100,000 + 5% × 10,000 = 3,500, so the handover line is 800", () => {
    const rows = breakdownCore(request(90000, 0, null, { handoverCredit: 20000 }), defaultPlan(), "en-US");
    expect(row(rows, "Commission")[3]).toBe(2700);
    expect(row(rows, "Handover split")).toEqual(["Handover split", 20000, "", 800, "800 = commission with the 20,000 handover credit (3,500) − without it (2,700)"]);
    expect(total(rows)).toBe(3500);
  });
});

describe("every feature at once: the rows add up to the total in cents", () => {
  test("refunds, draw, SPIF, categories and handover together", () => {
    const plan: Plan = { ...defaultPlan(), categoryRates: { services: 0.1 }, spif: { bonusCents: 30000, categories: [], minCents: 0, from: null, to: null } };
    const r = request(123456.78, 100000, null, {
      newAccounts: 2,
      retainedSales: 5000.55,
      satisfaction: 4.2,
      handoverCredit: 777.77,
      refunds: 3333.33,
      spifAccounts: 1,
      draw: 9000,
      drawBalance: 100,
      categorySales: [["Services", 10000.01]],
    });
    const rows = breakdownCore(r, plan, "en-US");
    const cents = rows.slice(1, -1).map((x) => Math.round((x[3] as number) * 100));
    expect(cents.reduce((a, b) => a + b, 0)).toBe(Math.round((total(rows) as number) * 100));
    expect(total(rows)).toBe(incentiveCore(r, plan));
  });
});

describe("reading the components' arguments", () => {
  const issue = (named: Figures, sales: unknown = 1000) => {
    const r = incentiveRequestCore(sales, 0, null, ...figures(named));
    expect(r.ok).toBe(false);
    return r.ok ? null : r.issue;
  };
  test.each<[string, Figures, object]>([
    ["negative refunds", { refunds: -5 }, { code: "argumentNegative", argument: "refunds", value: -5 }],
    ["a fraction of a SPIF account", { spifAccounts: 1.5 }, { code: "argumentNotWhole", argument: "spifAccounts" }],
    ["a draw that is text", { draw: "some" }, { code: "argumentNotNumber", argument: "draw" }],
    ["negative handover credit", { handoverCredit: -1 }, { code: "argumentNegative", argument: "handoverCredit" }],
    ["a three-column category range", { categorySales: [["A", 1, 2]] }, { code: "rangeShape", argument: "categorySales", rows: 1, columns: 3 }],
    ["a single value for categories", { categorySales: "Services" }, { code: "rangeShape", argument: "categorySales" }],
    ["an amount that is no number", { categorySales: [["Services", 10], ["Freight", "lots"]] }, { code: "rangeAmount", argument: "categorySales", row: 2, value: "lots" }],
    ["an error in the range", { categorySales: [["Services", "#N/A"]] }, { code: "errorValue", row: 1, column: 2, error: "#N/A" }],
    ["categories adding up to more than sales", { categorySales: [["Services", 800], ["Freight", 300]] }, { code: "categoriesExceedSales", categories: 1100, sales: 1000 }],
  ])("refuses %s", (_what, named, expected) => {
    expect(issue(named)).toMatchObject(expected);
  });

  test("omitted figures stay unset (the components read them as 0, none or unknown); blank cells are 0; the same category twice adds up", () => {
    const r = request(1000, 0, null, { categorySales: [["Services", 100], [null, null], ["services", "200"]] });
    expect(r.input.categorySales).toEqual([{ category: "Services", cents: 30000 }]);
    expect(request(1000, 0, null).input).toEqual({ creditedCents: 100000, quotaCents: null });
    expect(request(1000, 0, null, { refunds: "", draw: "", drawBalance: 0, categorySales: "" }).input).toEqual({
      creditedCents: 100000,
      quotaCents: null,
      refundsCents: 0,
      draw: { drawCents: 0, balanceCents: 0 },
      categorySales: [],
    });
    // Either way the same statement: 3% × 1,000 and nothing else.
    expect(incentiveCore(request(1000, 0, null), defaultPlan())).toBe(30);
    expect(incentiveCore(request(1000, 0, null, { refunds: "", draw: "", drawBalance: 0 }), defaultPlan())).toBe(30);
  });

  test("messages name the new arguments as Excel shows them, in both languages", () => {
    expect(functionMessage({ code: "argumentNegative", argument: "refunds", value: -5 }, "en-US")).toBe("refunds is -5; it must be 0 or more.");
    expect(functionMessage({ code: "argumentNegative", argument: "refunds", value: -5 }, "zh-CN")).toBe("参数“退款”为 -5；必须大于或等于 0。");
    expect(functionMessage({ code: "categoriesExceedSales", categories: 1100, sales: 1000 }, "en-US")).toBe("The category sales add up to 1100, more than sales (1000); they are part of sales.");
  });
});

describe("the wrappers take the components' arguments in the registry's order (in cells, as Excel runs them)", () => {
  useFunctionsWorkbook();

  test("INCENTIVE and BREAKDOWN with refunds and a draw (the default plan)", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[150000]] }));
    // sales, quota, tiers, newAccounts, retainedSales, satisfaction, handoverCredit, refunds, spifAccounts, draw, drawBalance, categorySales
    await wb.enter("Data!A3", "=FAIRSHARE.INCENTIVE(A1, 0, , 0, 0, , 0, 30000, 0, 5000, 0)");
    await wb.enter("Data!A5", "=FAIRSHARE.BREAKDOWN(A1, 0, , 0, 0, , 0, 30000, 0, 5000, 0)");
    expect(wb.shows("Data!A3")).toBe(5000);
    const rows = wb.block("Data!A5:E20").filter((r) => r[0] !== null && r[0] !== "") as (string | number)[][];
    // 5,500 − 1,500 = 4,000 earned under a 5,000 draw: +1,000
    expect(row(rows, "Draw")[3]).toBe(1000);
    expect(total(rows)).toBe(5000);
  });

  test("a bad component argument is #VALUE! with its message", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ Data: [[100]] }));
    await wb.enter("Data!A3", "=FAIRSHARE.BREAKDOWN(A1, 0, , 0, 0, , 0, -1)");
    expect(wb.shows("Data!A3")).toEqual({ error: "#VALUE!", message: "refunds is -1; it must be 0 or more." });
  });

  test("rate.<category> rows on the workbook's settings sheet reach BREAKDOWN", async () => {
    const wb = await installFunctions(FakeWorkbook.from({ "Fairshare Settings": [["Setting", "Value"], ["rate.Services", "10%"]], Data: [["Services", 20000]] }));
    await wb.enter("Data!A3", "=FAIRSHARE.BREAKDOWN(150000, 0, , 0, 0, , 0, 0, 0, 0, 0, A1:B1)");
    const rows = wb.block("Data!A3:E20").filter((r) => r[0] !== null && r[0] !== "") as (string | number)[][];
    // tiers on 130,000: 3,000 + 1,500; Services 10% × 20,000 = 2,000
    expect(row(rows, "Commission")[3]).toBe(6500);
  });
});
