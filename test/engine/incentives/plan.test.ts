import fc from "fast-check";
import { renderIncentive as renderExplanation } from "../../../src/engine/incentives/text";
import { defaultPlan, statement, COMPONENTS, type Plan } from "../../../src/engine/incentives/plan";
import { commissionCore, parseTiers, tiersFromRows, type Tier } from "../../../src/engine/incentives/tiers";
import { splitCents, roundCents } from "../../../src/engine/incentives/money";

const plan = (over: Partial<Plan> = {}): Plan => ({ ...defaultPlan(), ...over });
const C = (units: number) => Math.round(units * 100);
const en = (s: ReturnType<typeof statement>, id: (typeof COMPONENTS)[number]) => renderExplanation(s.components[id].explanation, "en-US");

describe("commission", () => {
  test("250,000 pays 3,000 + 5,000 + 4,000 = 12,000 marginal, 20,000 retroactive", () => {
    const m = statement({ creditedCents: C(250000), quotaCents: null }, plan());
    expect(m.components.commission.amountCents).toBe(C(12000));
    expect(en(m, "commission")).toBe("12,000 = 3% × 100,000 + 5% × 100,000 + 8% × 50,000");
    const r = statement({ creditedCents: C(250000), quotaCents: null }, plan({ mode: "retroactive" }));
    expect(r.components.commission.amountCents).toBe(C(20000));
    expect(en(r, "commission")).toBe("20,000 = 8% × 250,000");
  });

  test("tier boundaries: the threshold amount belongs to the upper tier", () => {
    const tiers = parseTiers("0:3%; 100000:5%; 200000:8%") as Tier[];
    expect(commissionCore(C(100000), tiers, "marginal").cents).toBe(C(3000));
    expect(commissionCore(C(100000), tiers, "retroactive").cents).toBe(C(5000));
    expect(commissionCore(C(99999.99), tiers, "retroactive").cents).toBeCloseTo(299999.97, 6); // 3% × 9,999,999 cents
    expect(commissionCore(0, tiers, "marginal").cents).toBe(0);
    expect(commissionCore(C(-500), tiers, "marginal").cents).toBe(0);
  });

  test("threshold: below the attainment threshold nothing is paid, and the statement says why", () => {
    const s = statement({ creditedCents: C(40000), quotaCents: C(100000) }, plan({ threshold: 0.5 }));
    expect(s.components.commission.amountCents).toBe(0);
    expect(en(s, "commission")).toBe("0: quota attainment 40% is below the 50% threshold");
    const at = statement({ creditedCents: C(50000), quotaCents: C(100000) }, plan({ threshold: 0.5 }));
    expect(at.components.commission.amountCents).toBe(C(1500));
  });

  test("cap: 1,000,000 earns 3,000 + 5,000 + 64,000 = 72,000, capped at 50,000", () => {
    expect(statement({ creditedCents: C(1000000), quotaCents: null }, plan()).components.commission.amountCents).toBe(C(72000));
    const s = statement({ creditedCents: C(1000000), quotaCents: null }, plan({ capCents: C(50000) }));
    expect(s.components.commission.amountCents).toBe(C(50000));
    expect(en(s, "commission")).toBe("50,000: 3% × 100,000 + 5% × 100,000 + 8% × 800,000 capped at 50,000");
  });

  test("accelerator: 2% on the 50,000 above a 200,000 quota adds 1,000", () => {
    const s = statement({ creditedCents: C(250000), quotaCents: C(200000) }, plan({ acceleratorRate: 0.02 }));
    expect(s.components.commission.amountCents).toBe(C(13000));
    expect(en(s, "commission")).toBe("13,000 = 3% × 100,000 + 5% × 100,000 + 8% × 50,000 + 2% × 50,000 above quota");
  });

  test("rounding happens once, at the cent: 3% × 12,345.67 = 370.3701 → 370.37", () => {
    expect(statement({ creditedCents: 1234567, quotaCents: null }, plan()).components.commission.amountCents).toBe(37037);
    expect(roundCents(0.5)).toBe(1);
    expect(roundCents(-2.5)).toBe(-3);
  });
});

describe("bonuses", () => {
  test("new customers: 3 × 500 + 10% × 20,000 = 3,500", () => {
    const s = statement({ creditedCents: 0, quotaCents: null, newAccounts: 3, newAccountSalesCents: C(20000) }, plan({ newCustomerRate: 0.1 }));
    expect(s.components.newCustomerBonus.amountCents).toBe(C(3500));
    expect(en(s, "newCustomerBonus")).toBe("3,500 = 3 new accounts × 500 + 10% × 20,000 of their sales");
  });

  test("retention: 1% × 80,000 = 800 with satisfaction 4.5; nothing at 3.5 or without data", () => {
    const ok = statement({ creditedCents: 0, quotaCents: null, retainedSalesCents: C(80000), satisfaction: 4.5 }, plan());
    expect(ok.components.retentionBonus.amountCents).toBe(C(800));
    expect(en(ok, "retentionBonus")).toBe("800 = 1% × 80,000 retained sales (satisfaction 4.50 ≥ 4.00)");
    const low = statement({ creditedCents: 0, quotaCents: null, retainedSalesCents: C(80000), satisfaction: 3.5 }, plan());
    expect(low.components.retentionBonus.amountCents).toBe(0);
    expect(en(low, "retentionBonus")).toBe("0: satisfaction 3.50 is below 4.00");
    const none = statement({ creditedCents: 0, quotaCents: null, retainedSalesCents: C(80000), satisfaction: null }, plan());
    expect(en(none, "retentionBonus")).toBe("0: no satisfaction data");
  });

  test("handover split: the commission the received credit adds (150,000 own + 100,000 received)", () => {
    const s = statement({ creditedCents: C(150000), splitReceivedCents: C(100000), quotaCents: null }, plan());
    // own: 3% × 100,000 + 5% × 50,000 = 5,500; with the credit (250,000): 12,000 → split 6,500
    expect(s.components.commission.amountCents).toBe(C(5500));
    expect(s.components.handoverSplit.amountCents).toBe(C(6500));
    expect(s.totalCents).toBe(C(12000));
  });

  test("the total explains itself", () => {
    const s = statement({ creditedCents: C(250000), quotaCents: null, newAccounts: 1, teamBonus: { amountCents: C(100), share: 1, poolCents: C(100), rate: 0.01, excessCents: C(10000), region: "North", withoutQuota: 0 } }, plan());
    expect(renderExplanation(s.explanation, "en-US")).toBe("12,600 = commission 12,000 + new customers 500 + retention 0 + handover 0 + team 100 + clawback 0 + SPIF 0 + draw 0");
    expect(renderExplanation(s.explanation, "zh-CN")).toBe("12,600 = 提成 12,000 + 新客户 500 + 维护 0 + 移交 0 + 团队 100 + 扣回 0 + 专项 0 + 预支 0");
  });
});

describe("tier tables", () => {
  test("text and two-column ranges parse to the same tiers; bad tables are problems, not numbers", () => {
    expect(parseTiers("0:3%; 100000:5%; 200000:8%")).toEqual([
      { fromCents: 0, rate: 0.03 },
      { fromCents: 10000000, rate: 0.05 },
      { fromCents: 20000000, rate: 0.08 },
    ]);
    expect(tiersFromRows([[0, 0.03], ["100,000", "5%"], [200000, 0.08]])).toEqual(parseTiers("0:3%;100000:5%;200000:8%"));
    expect(parseTiers("0：3%；10万：5%")).toEqual([{ fromCents: 0, rate: 0.03 }, { fromCents: 10000000, rate: 0.05 }]);
    expect(parseTiers("")).toMatchObject({ code: "tiers_empty" });
    expect(parseTiers("0:3%; 50000")).toMatchObject({ code: "tiers_syntax" });
    expect(parseTiers("0:3%; 100000:5%; 50000:8%")).toMatchObject({ code: "tiers_order" });
    expect(parseTiers("1000:3%")).toMatchObject({ code: "tiers_order" });
    expect(parseTiers("0:300%")).toMatchObject({ code: "tiers_rate" });
    expect(parseTiers("0:5")).toMatchObject({ code: "tiers_rate" });
  });
});

describe("properties", () => {
  const tiersArb = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 2000 })), { minLength: 0, maxLength: 4 })
    .chain((xs) => fc.integer({ min: 0, max: 2000 }).map((r0) => {
      // thresholds rising from 0; rates in basis points, non-decreasing (as commission plans are)
      const froms = [...new Set(xs.map((x) => x[0]))].sort((a, b) => a - b);
      let rate = r0;
      const tiers: Tier[] = [{ fromCents: 0, rate: rate / 10000 }];
      for (const f of froms) {
        rate += xs.find((x) => x[0] === f)![1] % 500;
        tiers.push({ fromCents: f * 100, rate: Math.min(1, rate / 10000) });
      }
      return tiers;
    }));

  test("components add up to the total exactly", () => {
    fc.assert(
      fc.property(
        tiersArb,
        fc.record({
          creditedCents: fc.integer({ min: -1e8, max: 1e10 }),
          splitReceivedCents: fc.integer({ min: 0, max: 1e9 }),
          quotaCents: fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null }),
          newAccounts: fc.integer({ min: 0, max: 50 }),
          newAccountSalesCents: fc.integer({ min: 0, max: 1e9 }),
          retainedSalesCents: fc.integer({ min: 0, max: 1e9 }),
          satisfaction: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
          teamBonusCents: fc.integer({ min: 0, max: 1e7 }),
        }),
        fc.constantFrom<"marginal" | "retroactive">("marginal", "retroactive"),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.integer({ min: 0, max: 1e8 }),
        (tiers, input, mode, threshold, capCents) => {
          const s = statement(input, plan({ tiers, mode, threshold, capCents, acceleratorRate: 0.01, newCustomerRate: 0.02 }));
          const sum = COMPONENTS.reduce((acc, id) => acc + s.components[id].amountCents, 0);
          expect(sum).toBe(s.totalCents);
          for (const id of COMPONENTS) expect(Number.isInteger(s.components[id].amountCents)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("marginal commission never decreases and has no jumps; retroactive ≥ marginal", () => {
    fc.assert(
      fc.property(tiersArb, fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e7 }), (tiers, a, d) => {
        const lo = commissionCore(a, tiers, "marginal").cents;
        const hi = commissionCore(a + d, tiers, "marginal").cents;
        const maxRate = Math.max(...tiers.map((t) => t.rate));
        expect(hi).toBeGreaterThanOrEqual(lo - 1e-6);
        expect(hi - lo).toBeLessThanOrEqual(maxRate * d + 1e-6);
        expect(commissionCore(a, tiers, "retroactive").cents).toBeGreaterThanOrEqual(lo - 1e-6);
      }),
      { numRuns: 500 },
    );
  });

  test("splitCents divides whole cents exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = splitCents(total, weights, weights.map((_, i) => i));
        const sum = parts.reduce((s, p) => s + p, 0);
        expect(sum).toBe(weights.some((w) => w > 0) ? total : 0);
        parts.forEach((p, i) => {
          expect(Number.isInteger(p)).toBe(true);
          expect(p >= 0 && (weights[i] > 0 || p === 0)).toBe(true);
        });
      }),
    );
    expect(splitCents(100, [1, 1, 1], [0, 1, 2])).toEqual([34, 33, 33]);
  });
});
