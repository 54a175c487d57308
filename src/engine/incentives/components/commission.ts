/**
 * Commission on the rep's own credited sales: tiers (marginal or retroactive), an attainment
 * threshold, an accelerator above quota and a cap.
 */
import type { Explanation } from "../../allocation/types";
import { def } from "../../allocation/settingsDefs";
import { roundCents } from "../money";
import type { CategorySales, Plan, PlanInput } from "../plan";
import { commissionCore, isAttainmentTable, isTierProblem, parseTiers, tiersForQuota, type TierSlice } from "../tiers";
import { defineComponent } from "./types";

const G = "incentives";

/** Commission before rounding and what explains it. */
export interface CommissionDetail {
  cents: number;
  slices: TierSlice[];
  /** Category sales paid at their own rate, outside the tiers. */
  categories: TierSlice[];
  accelerator: number;
  capped: boolean;
  belowThreshold: boolean;
  noQuota: boolean;
  attainment: number | null;
}

/**
 * Commission before rounding, with what explains it: tier slices, category rates, threshold, accelerator, cap.
 * @example commissionDetail(25_000_000, null, defaultPlan()).cents // 1_200_000
 */
export function commissionDetail(creditedCents: number, quotaCents: number | null, plan: Plan, categories: readonly CategorySales[] = []): CommissionDetail {
  const attainment = quotaCents && quotaCents > 0 ? creditedCents / quotaCents : null;
  const none: CommissionDetail = { cents: 0, slices: [], categories: [], accelerator: 0, capped: false, belowThreshold: false, noQuota: false, attainment };
  if (plan.threshold > 0 && attainment !== null && attainment < plan.threshold) return { ...none, belowThreshold: true };
  if (categories.length) {
    // Sales in a category with its own rate leave the tiers and earn that rate (0% for categories that earn nothing).
    const own = categories.map((c) => ({ rate: c.rate, baseCents: c.cents, amountCents: Math.max(0, c.cents) * c.rate }));
    const rest = commissionDetail(creditedCents - categories.reduce((s, c) => s + c.cents, 0), quotaCents, { ...plan, threshold: 0, capCents: 0 });
    const cents = rest.cents + own.reduce((s, c) => s + c.amountCents, 0);
    const capped = plan.capCents > 0 && cents > plan.capCents;
    return { ...rest, cents: capped ? plan.capCents : cents, capped, categories: own, attainment };
  }
  // Tiers in percent of quota (commissionBasis attainment) become amounts once the quota is known.
  const byQuota = isAttainmentTable(plan.tiers);
  if (byQuota && attainment === null) return { ...none, noQuota: creditedCents > 0 };
  const core = commissionCore(creditedCents, byQuota ? tiersForQuota(plan.tiers, quotaCents!) : plan.tiers, plan.mode);
  const above = quotaCents && quotaCents > 0 ? Math.max(0, creditedCents - quotaCents) : 0;
  const accelerator = above * plan.acceleratorRate;
  let cents = core.cents + accelerator;
  let capped = false;
  if (plan.capCents > 0 && cents > plan.capCents) {
    cents = plan.capCents;
    capped = true;
  }
  return { ...none, cents, slices: core.slices, accelerator, capped };
}

const NONE: readonly CategorySales[] = [];

/**
 * The rep's sales in categories the plan pays at their own rate (`rate.<category>`, case-insensitive):
 * taken out of the tiers and paid at that rate. Categories without a rate stay on the tiers.
 * @example ownRateSales({ creditedCents: 0, quotaCents: null, categorySales: [{ category: "Services", cents: 100 }] }, plan) // [{ category: "Services", cents: 100, rate: 0.1 }] with rate.services 10%
 */
export function ownRateSales(input: PlanInput, plan: Plan): readonly CategorySales[] {
  const cats = input.categorySales;
  if (!cats || !cats.length) return NONE;
  const out: CategorySales[] = [];
  for (const c of cats) {
    const rate = plan.categoryRates[c.category.trim().toLowerCase()];
    if (rate !== undefined) out.push({ category: c.category, cents: c.cents, rate });
  }
  return out;
}

/**
 * Sales before refunds: what commission is paid on (the clawback line takes refunds back).
 * @example grossCents({ creditedCents: 12_000_000, refundsCents: 3_000_000, quotaCents: null }) // 15_000_000
 */
export function grossCents(input: PlanInput): number {
  return input.creditedCents + (input.refundsCents ?? 0);
}

/** "3% × 100,000 + 5% × 100,000 + 8% × 50,000" as data. */
function explain(d: CommissionDetail, plan: Plan, creditedCents: number, quotaCents: number | null, amountCents: number, names: readonly string[] = []): Explanation {
  if (d.belowThreshold) return { key: "commission.threshold", params: { amountCents, attainmentPct: d.attainment ?? 0, thresholdPct: plan.threshold } };
  if (d.noQuota) return { key: "commission.noQuota", params: { amountCents, salesCents: creditedCents } };
  if (!d.slices.length && !d.categories.length) return { key: "commission.none", params: { amountCents } };
  const terms = d.slices.map((s) => ({ rate: s.rate, baseCents: s.baseCents }));
  if (d.categories.length) {
    return {
      key: d.slices.length ? "commission.categories" : "commission.categoriesOnly",
      params: { amountCents, terms, categoryTerms: d.categories.map((c) => ({ rate: c.rate, baseCents: c.baseCents })), categories: names.join(", ") },
    };
  }
  return {
    key: d.capped ? "commission.capped" : d.accelerator > 0 ? "commission.accelerated" : "commission.tiers",
    params: {
      amountCents,
      terms,
      acceleratorPct: plan.acceleratorRate,
      aboveQuotaCents: quotaCents ? Math.max(0, creditedCents - quotaCents) : 0,
      capCents: plan.capCents,
      mode: plan.mode,
    },
  };
}

export const commission = defineComponent({
  id: "commission",
  label: { "en-US": "Commission", "zh-CN": "提成" },
  term: { "en-US": "commission", "zh-CN": "提成" },
  inCell: true,
  doc: {
    "en-US": "Tiered commission on the rep's own credited sales (`commissionTiers`, `commissionMode`), nothing below `commissionThreshold` attainment, `acceleratorRate` on sales above quota, at most `commissionCap`.",
    "zh-CN": "按本人计入业绩计算阶梯提成（`commissionTiers`、`commissionMode`），完成率低于 `commissionThreshold` 不发，超指标部分加 `acceleratorRate`，最多 `commissionCap`。",
  },
  settings: [
    def("commissionTiers", "tiers", "0:3%; 100000:5%; 200000:8%", G, "Commission tiers on credited sales in the window, “from:rate; …”; “from-to:rate” gives a tier an upper bound (a gap up to the next tier earns nothing).", "按窗口内计入业绩的阶梯提成，“起点:比例; …”；“起点-终点:比例”为该档设上限（到下一档之间的空档不计提成）。", { label: { "en-US": "Commission tiers", "zh-CN": "提成档位" } }),
    def("commissionBasis", "enum", "amount", G, "What the tiers' from-values measure: amount (“0:3%; 100000:5%”) or attainment, in percent of quota (“0%:2%; 100%:4%; 120%:6%”).", "阶梯起点的含义：amount 金额（“0:3%; 100000:5%”）或 attainment 指标完成率（“0%:2%; 100%:4%; 120%:6%”）。", { label: { "en-US": "Tiers start from", "zh-CN": "档位起点依据" }, optionLabels: { amount: { "en-US": "sales amount", "zh-CN": "销售金额" }, attainment: { "en-US": "percent of quota reached", "zh-CN": "指标达成率" } }, options: ["amount", "attainment"] }),
    def("commissionMode", "enum", "marginal", G, "marginal: each tier's rate on the part in that tier; retroactive: the reached tier's rate on everything.", "marginal：超额累进；retroactive：达到档位后全额按该档比例。", { label: { "en-US": "How the tiers apply", "zh-CN": "档位计算方式" }, optionLabels: { marginal: { "en-US": "each slice at its own rate", "zh-CN": "各档金额按各自比例" }, retroactive: { "en-US": "the whole amount at the reached rate", "zh-CN": "全部金额按达到的档位比例" } }, options: ["marginal", "retroactive"] }),
    def("commissionThreshold", "percent", 0, G, "Quota attainment below which no commission is paid (0: none).", "指标完成率低于此值不发提成（0 表示不设门槛）。", { label: { "en-US": "Quota reached before any commission", "zh-CN": "达成多少指标才有提成" }, min: 0, max: 10 }),
    def("commissionCap", "number", 0, G, "Most commission one rep can earn in the window (0: no cap).", "单人窗口内提成上限（0 表示不封顶）。", { label: { "en-US": "Most commission per rep (0: no cap)", "zh-CN": "每人提成上限（0：不设上限）" }, min: 0 }),
    def("rate.*", "percent", null, G, "rate.<category>: the commission rate for sales of that Category/Product (Sales sheet), instead of the tiers; 0% for categories that earn nothing.", "rate.<品类>：销售表中该品类/产品的提成比例，取代阶梯；0% 表示该品类不计提成。", { label: { "en-US": "Commission rate of a product category", "zh-CN": "某品类的提成比例" }, min: 0, max: 1 }),
    def("acceleratorRate", "percent", 0, G, "Extra rate on credited sales above 100% of quota.", "超过指标 100% 部分的额外提成比例。", { label: { "en-US": "Extra rate above 100% of quota", "zh-CN": "超额完成部分的额外比例" }, min: 0, max: 1 }),
  ],
  text: {
    "en-US": {
      "commission.tiers": "{amountCents} = {terms}",
      "commission.accelerated": "{amountCents} = {terms} + {acceleratorPct} × {aboveQuotaCents} above quota",
      "commission.capped": "{amountCents}: {terms} capped at {capCents}",
      "commission.threshold": "0: quota attainment {attainmentPct} is below the {thresholdPct} threshold",
      "commission.none": "0: no credited sales",
      "commission.noQuota": "0: the tiers are percents of quota and there is no quota for {salesCents} of sales",
      "commission.categories": "{amountCents} = {terms} + {categoryTerms} (own rates of {categories})",
      "commission.categoriesOnly": "{amountCents} = {categoryTerms} (own rates of {categories})",
    },
    "zh-CN": {
      "commission.tiers": "{amountCents} = {terms}",
      "commission.accelerated": "{amountCents} = {terms} + 超指标部分 {acceleratorPct} × {aboveQuotaCents}",
      "commission.capped": "{amountCents}：{terms}，封顶 {capCents}",
      "commission.threshold": "0：指标完成率 {attainmentPct} 低于门槛 {thresholdPct}",
      "commission.none": "0：无计入业绩",
      "commission.noQuota": "0：阶梯按指标百分比设定，而 {salesCents} 的销售没有指标",
      "commission.categories": "{amountCents} = {terms} + {categoryTerms}（{categories} 按各自比例）",
      "commission.categoriesOnly": "{amountCents} = {categoryTerms}（{categories} 按各自比例）",
    },
  },
  conflict(settings, region) {
    const tiers = parseTiers(String(settings.get("commissionTiers", region)));
    if (isTierProblem(tiers)) return null; // reported as an invalid setting already
    const basis = settings.get("commissionBasis", region);
    if (basis === "attainment" && !isAttainmentTable(tiers)) return "commissionBasis is attainment, but commissionTiers are amounts; write them in percent of quota, e.g. 0%:2%; 100%:4%";
    if (basis === "amount" && isAttainmentTable(tiers)) return "commissionTiers are in percent of quota; set commissionBasis to attainment, or write the tiers as amounts";
    return null;
  },
  cellArguments: [
    {
      name: "categorySales",
      label: { "en-US": "categorySales", "zh-CN": "品类销售额" },
      position: 12,
      kind: "categories",
      into(input, rows) {
        input.categorySales = rows;
      },
    },
  ],
  compute(input, plan) {
    // On gross sales: refunds are the clawback line's business, so each line says what it did.
    const gross = grossCents(input);
    const cats = ownRateSales(input, plan);
    const d = commissionDetail(gross, input.quotaCents, plan, cats);
    const amountCents = roundCents(d.cents);
    return {
      id: "commission",
      baseCents: gross,
      rate: plan.mode === "retroactive" && d.slices.length && !cats.length ? d.slices[0].rate : null,
      amountCents,
      explanation: explain(d, plan, gross, input.quotaCents, amountCents, cats.map((c) => c.category)),
    };
  },
});
