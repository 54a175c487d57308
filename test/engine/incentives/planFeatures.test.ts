/**
 * Plan features comp teams use (issue 12, item 3), each with statements computed by hand, in both languages.
 */
import { evaluate } from "../../../src/engine/incentives/evaluate";
import { defaultPlan, statement, type Plan } from "../../../src/engine/incentives/plan";
import { renderIncentive } from "../../../src/engine/incentives/text";
import { commissionCore, parseTiers, type Tier } from "../../../src/engine/incentives/tiers";
import { checkSheets, smallTeam } from "../../helpers/team";

const C = (units: number) => Math.round(units * 100);
const tiers = (text: string) => parseTiers(text) as Tier[];
const plan = (over: Partial<Plan> = {}): Plan => ({ ...defaultPlan(), ...over });

describe("tiers with upper bounds and gaps", () => {
  test("“0-100000:3%; 150000:5%” on 200,000 marginal: 3% × 100,000 + nothing on the 100,000–150,000 gap + 5% × 50,000 = 5,500", () => {
    const s = statement({ creditedCents: C(200000), quotaCents: null }, plan({ tiers: tiers("0-100000:3%; 150000:5%") }));
    expect(s.components.commission.amountCents).toBe(C(5500));
    expect(renderIncentive(s.components.commission.explanation, "en-US")).toBe("5,500 = 3% × 100,000 + 5% × 50,000");
    expect(renderIncentive(s.components.commission.explanation, "zh-CN")).toBe("5,500 = 3% × 100,000 + 5% × 50,000");
  });
  test("an upper bound on the last tier: “0-100000:3%” on 150,000 pays 3,000", () => {
    expect(commissionCore(C(150000), tiers("0-100000:3%"), "marginal").cents).toBe(C(3000));
  });
  test("retroactive ignores bounds: 120,000 (in the gap) pays the reached tier's 3% on everything = 3,600", () => {
    expect(commissionCore(C(120000), tiers("0-100000:3%; 150000:5%"), "retroactive").cents).toBe(C(3600));
  });
  test("overlaps, reversed bounds and mixed tables are problems", () => {
    expect(parseTiers("0-150000:3%; 100000:5%")).toMatchObject({ code: "tiers_order" });
    expect(parseTiers("0-0:3%")).toMatchObject({ code: "tiers_syntax" });
    expect(parseTiers("0:3%; 100%:5%")).toMatchObject({ code: "tiers_mixed" });
    expect(parseTiers("10万-20万:3%")).toMatchObject({ code: "tiers_order" }); // must start at 0
    expect(parseTiers("0-10万:3%; 20万:5%")).toEqual([{ fromCents: 0, toCents: C(100000), rate: 0.03 }, { fromCents: C(200000), rate: 0.05 }]);
  });
});

describe("commissionBasis attainment: tiers in percent of quota", () => {
  const byQuota = plan({ tiers: tiers("0%:2%; 100%:4%; 120%:6%") });
  test("quota 200,000, sales 260,000 (130%): boundaries 200,000 and 240,000 → 2% × 200,000 + 4% × 40,000 + 6% × 20,000 = 6,800", () => {
    const s = statement({ creditedCents: C(260000), quotaCents: C(200000) }, byQuota);
    expect(s.components.commission.amountCents).toBe(C(6800));
    expect(renderIncentive(s.components.commission.explanation, "en-US")).toBe("6,800 = 2% × 200,000 + 4% × 40,000 + 6% × 20,000");
  });
  test("retroactive at exactly 120%: 6% × 240,000 = 14,400; one cent below: 4% × 239,999.99", () => {
    const r = { ...byQuota, mode: "retroactive" as const };
    expect(statement({ creditedCents: C(240000), quotaCents: C(200000) }, r).components.commission.amountCents).toBe(C(14400));
    expect(statement({ creditedCents: C(240000) - 1, quotaCents: C(200000) }, r).components.commission.amountCents).toBe(Math.round(0.04 * (C(240000) - 1)));
  });
  test("every whole percent 1..200 as a boundary: at exactly p% of quota the upper tier's rate applies (retroactive)", () => {
    for (let p = 1; p <= 200; p++) {
      const t = tiers(`0%:1%; ${p}%:10%`);
      const s = statement({ creditedCents: p * 1000, quotaCents: 100000 }, plan({ tiers: t, mode: "retroactive" }));
      expect([p, s.components.commission.amountCents]).toEqual([p, p * 100]);
    }
  });
  test("no quota: nothing, and the statement says why, in both languages", () => {
    const s = statement({ creditedCents: C(50000), quotaCents: null }, byQuota);
    expect(s.components.commission.amountCents).toBe(0);
    expect(renderIncentive(s.components.commission.explanation, "en-US")).toBe("0: the tiers are percents of quota and there is no quota for 50,000 of sales");
    expect(renderIncentive(s.components.commission.explanation, "zh-CN")).toBe("0：阶梯按指标百分比设定，而 50,000 的销售没有指标");
  });
  test("a basis that contradicts the tier table is a settings error naming the cell", async () => {
    const t = smallTeam();
    t["Fairshare Settings"].push(["commissionBasis", "attainment"]);
    const r = await checkSheets(t);
    expect(r.issues.filter((i) => i.code === "settings_conflict").map((i) => [i.sheet, i.row])).toEqual([["Fairshare Settings", t["Fairshare Settings"].length]]);
    t["Fairshare Settings"].push(["commissionTiers", "0%:2%; 100%:4%"]);
    expect((await checkSheets(t)).issues.filter((i) => i.code === "settings_conflict")).toEqual([]);
  });
});

describe("refunds and clawbacks", () => {
  test("150,000 sold, 30,000 refunded (net 120,000): commission on gross 3,000 + 2,500 = 5,500; clawback to net (3,000 + 1,000 = 4,000) −1,500", () => {
    const s = statement({ creditedCents: C(120000), refundsCents: C(30000), quotaCents: null }, plan());
    expect(s.components.commission.amountCents).toBe(C(5500));
    expect(s.components.clawback.amountCents).toBe(C(-1500));
    expect(s.totalCents).toBe(C(4000));
    expect(renderIncentive(s.components.clawback.explanation, "en-US")).toBe("−1,500 = commission on net sales 120,000 (4,000) − on gross sales 150,000 (5,500); refunds 30,000");
    expect(renderIncentive(s.components.clawback.explanation, "zh-CN")).toBe("−1,500 = 按净销售额 120,000 的提成（4,000）− 按总销售额 150,000 的提成（5,500）；退款 30,000");
  });
  test("refunds above sales make the statement negative, with the line saying why: 10,000 sold, 30,000 refunded → −20,000 × 3% = −600", () => {
    const s = statement({ creditedCents: C(-20000), refundsCents: C(30000), quotaCents: null }, plan());
    expect(s.components.commission.amountCents).toBe(C(300));
    expect(s.components.clawback.amountCents).toBe(C(-900));
    expect(s.totalCents).toBe(C(-600));
    expect(renderIncentive(s.components.clawback.explanation, "en-US")).toBe("−900 = refunds 30,000 exceed sales: net −20,000 × 3% (−600) − commission on gross sales 10,000 (300)");
  });
  test("clawback off: commission on gross, the refunds named and left alone", () => {
    const s = statement({ creditedCents: C(120000), refundsCents: C(30000), quotaCents: null }, plan({ clawback: false }));
    expect(s.totalCents).toBe(C(5500));
    expect(renderIncentive(s.components.clawback.explanation, "en-US")).toBe("0: refunds of 30,000 are not clawed back (clawback off)");
    expect(renderIncentive(s.components.clawback.explanation, "zh-CN")).toBe("0：退款 30,000 不扣回提成（clawback 关闭）");
  });
  test("from the sales sheet: a negative line in the window is a refund of the rep it is credited to", async () => {
    const t = smallTeam();
    // smallTeam: period 2026-03; R1's A1 sold 600 in March. A −100 refund in March: gross 600, net 500.
    t.Sales.push(["2026-03-20", "A1", -100]);
    const r = await checkSheets(t);
    const ev = evaluate(r, []);
    const r1 = ev.incentives.find((i) => r.model.reps[i.rep].id === "R1")!.statement;
    expect(r1.components.commission.baseCents).toBe(C(600));
    expect(r1.components.commission.amountCents).toBe(C(18)); // 3% × 600
    expect(r1.components.clawback.amountCents).toBe(C(-3)); // 3% × 500 − 3% × 600
  });
});

describe("draws against commission", () => {
  // Earnings of 1,200: 3% × 40,000 of sales. Draw 2,000 for the window.
  const earned1200 = { creditedCents: C(40000), quotaCents: null };
  test("recoverable: earned 1,200 under a 2,000 draw → +800 paid, 800 carried forward", () => {
    const s = statement({ ...earned1200, draw: { drawCents: C(2000), balanceCents: 0 } }, plan());
    expect(s.components.draw.amountCents).toBe(C(800));
    expect(s.totalCents).toBe(C(2000));
    expect(renderIncentive(s.components.draw.explanation, "en-US")).toBe("800 = draw 2,000 − earned 1,200; to be recovered later, balance carried forward 800");
    expect(renderIncentive(s.components.draw.explanation, "zh-CN")).toBe("800 = 预支 2,000 − 收入 1,200；日后扣回，结转余额 800");
  });
  test("recoverable: next window earns 2,300 (3% × 76,666.67) with 800 carried in → recovers 300, 500 left", () => {
    // 3% × 76,666.67 = 2,300.0001 → 2,300.00
    const s = statement({ creditedCents: 7666667, quotaCents: null, draw: { drawCents: C(2000), balanceCents: C(800) } }, plan());
    expect(s.components.commission.amountCents).toBe(C(2300));
    expect(s.components.draw.amountCents).toBe(C(-300));
    expect(s.totalCents).toBe(C(2000));
    expect(renderIncentive(s.components.draw.explanation, "en-US")).toBe("−300: earned 2,300 is above the draw 2,000, so 300 of the 800 unrecovered draw is taken back; balance carried forward 500");
  });
  test("non-recoverable: the top-up is paid and never taken back", () => {
    const p = plan({ drawRecoverable: false });
    expect(statement({ ...earned1200, draw: { drawCents: C(2000), balanceCents: 0 } }, p).components.draw.amountCents).toBe(C(800));
    const later = statement({ creditedCents: C(100000), quotaCents: null, draw: { drawCents: C(2000), balanceCents: C(800) } }, p);
    expect(later.components.draw.amountCents).toBe(0);
    expect(renderIncentive(statement({ ...earned1200, draw: { drawCents: C(2000), balanceCents: 0 } }, p).components.draw.explanation, "zh-CN")).toBe("800 = 预支 2,000 − 收入 1,200（不扣回）");
  });
  test("from the roster's Draw and Draw Balance columns (monthly, like Quota)", async () => {
    const t = smallTeam();
    t.Reps = t.Reps.map((row, i) => [...row, i === 0 ? "Draw" : i === 1 ? 100 : null, i === 0 ? "Draw Balance" : i === 1 ? 20 : null]);
    const r = await checkSheets(t);
    const r1 = evaluate(r, []).incentives.find((i) => r.model.reps[i.rep].id === "R1")!.statement;
    // R1: March sales 600 → commission 18; draw 100 → top-up 82, balance 20 + 82 = 102
    expect(r1.components.commission.amountCents).toBe(C(18));
    expect(r1.components.draw.amountCents).toBe(C(82));
    expect(renderIncentive(r1.components.draw.explanation, "en-US")).toBe("82 = draw 100 − earned 18; to be recovered later, balance carried forward 102");
  });
});

describe("per-category rates: rate.<category> for a Sales Category/Product column", () => {
  test("hand-worked: 150,000 of which Services 20,000 at 10% and Freight 5,000 at 0% → tiers on 125,000 (3,000 + 1,250) + 2,000 + 0 = 6,250", () => {
    const cats = [
      { category: "Services", cents: C(20000) },
      { category: "Freight", cents: C(5000) },
      { category: "Hardware", cents: C(30000) }, // no rate of its own: stays on the tiers
    ];
    const s = statement({ creditedCents: C(150000), quotaCents: null, categorySales: cats }, plan({ categoryRates: { services: 0.1, freight: 0 } }));
    expect(s.components.commission.amountCents).toBe(C(6250));
    expect(renderIncentive(s.components.commission.explanation, "en-US")).toBe("6,250 = 3% × 100,000 + 5% × 25,000 + 10% × 20,000 + 0% × 5,000 (own rates of Services, Freight)");
    expect(renderIncentive(s.components.commission.explanation, "zh-CN")).toBe("6,250 = 3% × 100,000 + 5% × 25,000 + 10% × 20,000 + 0% × 5,000（Services, Freight 按各自比例）");
  });
  test("from the workbook: a Product column and rate.<category> rows (case-insensitive), unknown categories stay on the tiers", async () => {
    const t = smallTeam();
    // R1's March sale of 600 is split: 400 Widgets (rate.widgets 10%), 200 Gadgets (no override → tiers 3%).
    t.Sales = t.Sales.map((row, i) => [...row, i === 0 ? "Product" : ""]);
    t.Sales[1] = ["2026-03-10", "A1", 400, "Widgets"];
    t.Sales.push(["2026-03-11", "A1", 200, "Gadgets"]);
    t["Fairshare Settings"].push(["rate.widgets", "10%"], ["defaultQuota", 100000]);
    const r = await checkSheets(t);
    expect(r.issues).toEqual([]);
    const s = evaluate(r, []).incentives.find((i) => r.model.reps[i.rep].id === "R1")!.statement;
    expect(s.components.commission.amountCents).toBe(C(46)); // 3% × 200 + 10% × 400 = 6 + 40
    expect(renderIncentive(s.components.commission.explanation, "en-US")).toBe("46 = 3% × 200 + 10% × 400 (own rates of Widgets)");
  });
});

describe("SPIFs: a fixed bonus per won account of a listed category or above a size, within dates", () => {
  const M = (y: number, m: number) => y * 12 + m - 1;
  const won = [
    { accountId: "N1", month: M(2026, 3), category: "Cloud", cents: C(1000) },
    { accountId: "N2", month: M(2026, 3), category: "Hardware", cents: C(60000) },
    { accountId: "N3", month: M(2026, 3), category: "Hardware", cents: C(2000) },
    { accountId: "N4", month: M(2026, 1), category: "Cloud", cents: C(1000) },
  ];
  const spif = { bonusCents: C(300), categories: ["cloud"], minCents: C(50000), from: M(2026, 2), to: M(2026, 3) };
  test("Cloud N1 (listed) and Hardware N2 (≥ 50,000) qualify; N3 is small, N4 is before the dates → 2 × 300 = 600", () => {
    const s = statement({ creditedCents: 0, quotaCents: null, won }, plan({ spif }));
    expect(s.components.spif.amountCents).toBe(C(600));
    expect(renderIncentive(s.components.spif.explanation, "en-US")).toBe("600 = 2 qualifying won accounts × 300 (N1, N2)");
    expect(renderIncentive(s.components.spif.explanation, "zh-CN")).toBe("600 = 2 个符合条件的新客户 × 300（N1, N2）");
  });
  test("none qualifies, or no SPIF set", () => {
    const s = statement({ creditedCents: 0, quotaCents: null, won: [won[2]] }, plan({ spif }));
    expect(s.components.spif.amountCents).toBe(0);
    expect(renderIncentive(s.components.spif.explanation, "en-US")).toBe("0: the 1 won account does not qualify");
    expect(renderIncentive(statement({ creditedCents: 0, quotaCents: null, won: [won[2], won[3]] }, plan({ spif })).components.spif.explanation, "en-US")).toBe("0: none of the 2 won accounts qualifies");
    expect(renderIncentive(statement({ creditedCents: 0, quotaCents: null, won }, plan()).components.spif.explanation, "zh-CN")).toBe("0：未设专项奖");
  });
  test("from the workbook: settings rows and a Category column", async () => {
    const t = smallTeam();
    // smallTeam, period 2026-03, incentiveMonths 1: N9 is a new account of R1 first buying in March 2026 (Cloud, 800).
    t.Accounts.push(["N9", "Nine", "R1", "North"]);
    t.Sales = t.Sales.map((row, i) => [...row, i === 0 ? "Category" : ""]);
    t.Sales.push(["2026-03-15", "N9", 800, "Cloud"]);
    t["Fairshare Settings"].push(["spifBonus", 250], ["spifCategories", "Cloud, Security"], ["spifFrom", "2026-03"], ["spifTo", "2026-06"], ["defaultQuota", 100000]);
    const r = await checkSheets(t);
    expect(r.issues).toEqual([]);
    const s = evaluate(r, []).incentives.find((i) => r.model.reps[i.rep].id === "R1")!.statement;
    expect(s.components.spif.amountCents).toBe(C(250));
    expect(renderIncentive(s.components.spif.explanation, "en-US")).toBe("250 = 1 qualifying won account × 250 (N9)");
  });
});
