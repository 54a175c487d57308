/**
 * Plan features comp teams use (issue 12, item 3), each with statements computed by hand, in both languages.
 */
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
