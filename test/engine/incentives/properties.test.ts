/**
 * Invariants of statements over random plans and figures (issue 12): whole cents, components summing
 * exactly to the total (clawbacks, draws, categories and SPIFs included), and marginal commission that is
 * monotone and continuous in the amount.
 */
import fc from "fast-check";
import { CELL_ARGUMENTS, COMPONENT_IDS } from "../../../src/engine/incentives/components";
import { defaultPlan, statement, type Plan, type PlanInput } from "../../../src/engine/incentives/plan";
import { commissionCore, parseTiers, type Tier } from "../../../src/engine/incentives/tiers";
import { breakdownCore, incentiveRequestCore } from "../../../src/functions/incentive";

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
  categoryRates: fc.option(rate, { nil: undefined }).map((r): Record<string, number> => (r === undefined ? {} : { cloud: r })),
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
    categorySales: [{ category: "Cloud", cents: Math.min(x.category, Math.max(0, x.gross - x.refunds)) }],
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

test("over any two amounts, marginal commission rises by at most the top rate times the difference (monotone and continuous), before and after rounding to cents", () => {
  fc.assert(
    fc.property(tierTable, cents(20_000_000), cents(20_000_000), (tiers, x, y) => {
      const [a, b] = x <= y ? [x, y] : [y, x];
      const top = Math.max(...tiers.map((t) => t.rate));
      const fa = commissionCore(a, tiers, "marginal").cents;
      const fb = commissionCore(b, tiers, "marginal").cents;
      expect(fb - fa).toBeGreaterThanOrEqual(-1e-6);
      expect(fb - fa).toBeLessThanOrEqual(top * (b - a) + 1e-6);
      // Rounded once to whole cents, it stays monotone.
      expect(Math.round(fb)).toBeGreaterThanOrEqual(Math.round(fa));
    }),
    { numRuns: 2000 },
  );
});

test("commission by attainment (tiers in percent of quota) is monotone and continuous in the amount for a given quota", () => {
  const attainmentTable = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 150 }), rate), { minLength: 0, maxLength: 4 })
    .chain((steps) => rate.map((first) => ({ steps, first })))
    .map(({ steps, first }) => {
      let at = 0;
      const parts = [`0%:${first * 100}%`];
      for (const [gap, r] of steps) {
        at += gap;
        parts.push(`${at}%:${r * 100}%`);
      }
      return parts.join("; ");
    });
  fc.assert(
    fc.property(attainmentTable, cents(40_000_000).map((n) => n + 1), cents(60_000_000), (text, quota, amount) => {
      const plan = { ...defaultPlan(), tiers: parseTiers(text) as Tier[] };
      const top = Math.max(...plan.tiers.map((t) => t.rate));
      const at = (cents: number) => statement({ creditedCents: cents, quotaCents: quota }, plan).components.commission.amountCents;
      const step = at(amount + 100) - at(amount);
      // One more currency unit adds between 0 and the top rate of it, give or take a cent of rounding.
      expect(step).toBeGreaterThanOrEqual(-1);
      expect(step).toBeLessThanOrEqual(top * 100 + 1);
    }),
    { numRuns: 1000 },
  );
});

test("BREAKDOWN's rows add up to its total in cents for random cell figures (refunds, draws, SPIF accounts, categories, handover)", () => {
  const figuresArb = fc.record({
    sales: cents(50_000_000),
    refundsShare: fc.integer({ min: 0, max: 150 }),
    quota: cents(40_000_000),
    newAccounts: fc.integer({ min: 0, max: 20 }),
    retained: cents(20_000_000),
    satisfaction: fc.option(fc.integer({ min: 10, max: 50 }).map((n) => n / 10), { nil: null }),
    handover: cents(5_000_000),
    spifAccounts: fc.integer({ min: 0, max: 5 }),
    draw: cents(3_000_000),
    balance: cents(3_000_000),
    categoryShare: fc.integer({ min: 0, max: 100 }),
  });
  fc.assert(
    fc.property(planArb, figuresArb, (plan, f) => {
      const refunds = Math.floor((f.sales * f.refundsShare) / 100);
      const category = Math.floor((f.sales * f.categoryShare) / 100);
      const request = incentiveRequestCore(
        f.sales / 100,
        f.quota / 100,
        null,
        ...CELL_ARGUMENTS.map((a) =>
          ({
            newAccounts: f.newAccounts,
            retainedSales: f.retained / 100,
            satisfaction: f.satisfaction,
            handoverCredit: f.handover / 100,
            refunds: refunds / 100,
            spifAccounts: f.spifAccounts,
            draw: f.draw / 100,
            drawBalance: f.balance / 100,
            categorySales: [["Cloud", category / 100]],
          })[a.name],
        ),
      );
      if (!request.ok) throw new Error(JSON.stringify(request.issue));
      const rows = breakdownCore(request.value, plan, "en-US");
      const parts = rows.slice(1, -1).map((r) => Math.round((r[3] as number) * 100));
      for (const p of parts) expect(Number.isSafeInteger(p)).toBe(true);
      expect(parts.reduce((s, p) => s + p, 0)).toBe(Math.round((rows[rows.length - 1][3] as number) * 100));
    }),
    { numRuns: 300 },
  );
});
