/**
 * Invariants of statements over random plans and figures (issue 12): whole cents, components summing
 * exactly to the total (clawbacks, draws, categories and SPIFs included), and marginal commission that is
 * monotone and continuous in the amount.
 */
import fc from "fast-check";
import { COMPONENT_IDS } from "../../../src/engine/incentives/components";
import { defaultPlan, statement, type Plan, type PlanInput } from "../../../src/engine/incentives/plan";
import { commissionCore, type Tier } from "../../../src/engine/incentives/tiers";

const cents = (max: number) => fc.integer({ min: 0, max });
const rate = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000); // 0.0% … 100.0% in tenths of a percent

/** A valid tier table: rising starts from 0, optional upper bounds (gaps), rates in tenths of a percent. */
const tierTable: fc.Arbitrary<Tier[]> = fc
  .array(fc.tuple(cents(5_000_000).map((n) => n + 1), rate, fc.option(cents(2_000_000).map((n) => n + 1), { nil: undefined })), { minLength: 0, maxLength: 5 })
  .chain((steps) => rate.map((first) => ({ steps, first })))
  .map(({ steps, first }) => {
    const tiers: Tier[] = [{ fromCents: 0, rate: first }];
    let at = 0;
    for (const [gap, r, width] of steps) {
      const prev = tiers[tiers.length - 1];
      if (width !== undefined) prev.toCents = at + width;
      at = (prev.toCents ?? at) + gap;
      tiers.push({ fromCents: at, rate: r });
    }
    return tiers;
  });

const planArb: fc.Arbitrary<Plan> = fc.record({
  tiers: tierTable,
  mode: fc.constantFrom("marginal" as const, "retroactive" as const),
  threshold: fc.constantFrom(0, 0.5, 0.7, 1),
  capCents: fc.constantFrom(0, 100_000, 5_000_000),
  acceleratorRate: fc.constantFrom(0, 0.02),
  newCustomerBonusCents: cents(100_000),
  newCustomerRate: rate,
  retentionRate: rate,
  retentionMinSatisfaction: fc.constantFrom(1, 3, 4),
  clawback: fc.boolean(),
  drawRecoverable: fc.boolean(),
  spif: fc.record({ bonusCents: cents(50_000), categories: fc.constantFrom([], ["Cloud"]), minCents: cents(100_000), from: fc.constant(null), to: fc.constant(null) }),
});

const inputArb: fc.Arbitrary<PlanInput> = fc
  .record({
    gross: cents(50_000_000),
    refunds: cents(30_000_000),
    received: cents(5_000_000),
    quota: fc.option(cents(40_000_000).map((n) => n + 1), { nil: null }),
    newAccounts: fc.integer({ min: 0, max: 20 }),
    wonSales: cents(10_000_000),
    retained: cents(20_000_000),
    satisfaction: fc.option(fc.integer({ min: 10, max: 50 }).map((n) => n / 10), { nil: null }),
    draw: cents(3_000_000),
    balance: cents(3_000_000),
    category: cents(5_000_000),
    categoryRate: rate,
  })
  .map((x) => ({
    creditedCents: x.gross - x.refunds,
    refundsCents: x.refunds,
    splitReceivedCents: x.received,
    quotaCents: x.quota,
    newAccounts: x.newAccounts,
    newAccountSalesCents: x.wonSales,
    retainedSalesCents: x.retained,
    satisfaction: x.satisfaction,
    categorySales: [{ category: "Cloud", cents: Math.min(x.category, Math.max(0, x.gross - x.refunds)), rate: x.categoryRate }],
    won: [{ accountId: "N1", month: 0, category: "Cloud", cents: x.wonSales }],
    draw: { drawCents: x.draw, balanceCents: x.balance },
  }));

test("every component is whole cents and they add up exactly to the total, for random plans with clawbacks and draws", () => {
  fc.assert(
    fc.property(planArb, inputArb, (plan, input) => {
      const s = statement(input, plan);
      let sum = 0;
      for (const id of COMPONENT_IDS) {
        const c = s.components[id];
        expect(Number.isSafeInteger(c.amountCents)).toBe(true);
        sum += c.amountCents;
      }
      expect(sum).toBe(s.totalCents);
    }),
    { numRuns: 500 },
  );
});

test("a statement goes below zero only with a clawback or draw recovery line that is itself negative", () => {
  fc.assert(
    fc.property(planArb, inputArb, (plan, input) => {
      const s = statement(input, plan);
      if (s.totalCents < 0) expect(s.components.clawback.amountCents < 0 || s.components.draw.amountCents < 0).toBe(true);
    }),
    { numRuns: 500 },
  );
});

test("marginal commission is monotone and continuous in the amount: one more cent adds between 0 and the highest rate", () => {
  fc.assert(
    fc.property(tierTable, cents(20_000_000), (tiers, amount) => {
      const top = Math.max(...tiers.map((t) => t.rate));
      const a = commissionCore(amount, tiers, "marginal").cents;
      const b = commissionCore(amount + 1, tiers, "marginal").cents;
      expect(b - a).toBeGreaterThanOrEqual(-1e-6);
      expect(b - a).toBeLessThanOrEqual(top + 1e-6);
    }),
    { numRuns: 2000 },
  );
});

test("the default plan agrees with itself on the old invariant: commission + handover = commission on everything credited", () => {
  fc.assert(
    fc.property(cents(50_000_000), cents(5_000_000), (own, received) => {
      const s = statement({ creditedCents: own, splitReceivedCents: received, quotaCents: null }, defaultPlan());
      const all = statement({ creditedCents: own + received, quotaCents: null }, defaultPlan());
      expect(s.components.commission.amountCents + s.components.handoverSplit.amountCents).toBe(all.components.commission.amountCents);
    }),
  );
});
