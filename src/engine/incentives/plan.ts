/**
 * The incentive plan: its settings, and one rep's statement from plain figures. The same function
 * serves the Incentives sheet, the CLI JSON, the task pane and =FAIRSHARE.INCENTIVE.
 */
import type { Explanation } from "../allocation/types";
import { def } from "../allocation/settingsDefs";
import type { Settings } from "../settings/parse";
import type { SettingDef } from "../settings/registry";
import { roundCents } from "./money";
import { commissionCore, isTierProblem, parseTiers, type CommissionMode, type Tier, type TierSlice } from "./tiers";

const G = "incentives";

/** The plan's settings, declared once (validation, settings sheet, docs). Region columns override. */
export const PLAN_SETTINGS: readonly SettingDef[] = [
  def("incentiveMonths", "int", 1, G, "Incentive window in months ending with the period: 1 (month), 3 (quarter), 12 (year).", "激励计算窗口（截至统计月的月数）：1 月度、3 季度、12 年度。", { min: 1, max: 12 }),
  def("quotaPeriod", "enum", "month", G, "What the roster's Quota (and defaultQuota) covers: month, quarter or year.", "花名册“指标”（及 defaultQuota）对应的期间：month、quarter 或 year。", { options: ["month", "quarter", "year"] }),
  def("defaultQuota", "number", 100000, G, "Quota for reps whose roster row has none, per quotaPeriod.", "花名册未填指标时的默认指标（按 quotaPeriod）。", { min: 0 }),
  def("commissionTiers", "tiers", "0:3%; 100000:5%; 200000:8%", G, "Commission tiers on credited sales in the window, “from:rate; …”.", "按窗口内计入业绩的阶梯提成，“起点:比例; …”。"),
  def("commissionMode", "enum", "marginal", G, "marginal: each tier's rate on the part in that tier; retroactive: the reached tier's rate on everything.", "marginal：超额累进；retroactive：达到档位后全额按该档比例。", { options: ["marginal", "retroactive"] }),
  def("commissionThreshold", "percent", 0, G, "Quota attainment below which no commission is paid (0: none).", "指标完成率低于此值不发提成（0 表示不设门槛）。", { min: 0, max: 10 }),
  def("commissionCap", "number", 0, G, "Most commission one rep can earn in the window (0: no cap).", "单人窗口内提成上限（0 表示不封顶）。", { min: 0 }),
  def("acceleratorRate", "percent", 0, G, "Extra rate on credited sales above 100% of quota.", "超过指标 100% 部分的额外提成比例。", { min: 0, max: 1 }),
  def("newCustomerBonus", "number", 500, G, "Bonus per new account won in the window.", "窗口内每开发一个新客户的奖金。", { min: 0 }),
  def("newCustomerRate", "percent", 0, G, "Extra rate on new accounts' sales in the window.", "新客户窗口内销售额的额外奖励比例。", { min: 0, max: 1 }),
  def("retentionRate", "percent", 0.01, G, "Retention bonus: this rate of retained portfolio sales.", "维护奖：保有客户销售额的此比例。", { min: 0, max: 1 }),
  def("retentionMinSatisfaction", "number", 4, G, "Retention bonus only when the rep's satisfaction (1–5) is at least this.", "业务员满意度（1–5）不低于此值才发维护奖。", { min: 1, max: 5 }),
  def("teamBonusRate", "percent", 0.01, G, "Team bonus: this rate of the region's sales above the sum of its quotas, shared by score.", "团队奖：区域销售超出指标总和部分的此比例，按评分分配。", { min: 0, max: 1 }),
  def("weight.sales", "number", 0.4, "scorecard", "Scorecard weight of sales against quota.", "评分中销售（对比指标）的权重。", { min: 0, max: 1 }),
  def("weight.newCustomers", "number", 0.25, "scorecard", "Scorecard weight of new-customer development.", "评分中新客户开发的权重。", { min: 0, max: 1 }),
  def("weight.satisfaction", "number", 0.15, "scorecard", "Scorecard weight of customer satisfaction.", "评分中客户满意度的权重。", { min: 0, max: 1 }),
  def("weight.retention", "number", 0.1, "scorecard", "Scorecard weight of retention.", "评分中客户保有的权重。", { min: 0, max: 1 }),
  def("weight.teamwork", "number", 0.1, "scorecard", "Scorecard weight of teamwork.", "评分中团队协作的权重。", { min: 0, max: 1 }),
];

/** The plan's parameters, money in cents. */
export interface Plan {
  tiers: Tier[];
  mode: CommissionMode;
  /** Attainment (fraction) below which no commission is paid; 0 for none. */
  threshold: number;
  /** Commission cap in cents; 0 for none. */
  capCents: number;
  acceleratorRate: number;
  newCustomerBonusCents: number;
  newCustomerRate: number;
  retentionRate: number;
  retentionMinSatisfaction: number;
}

/** The default plan (the settings' defaults), for custom functions called without a workbook. */
export function defaultPlan(): Plan {
  return {
    tiers: parseTiers("0:3%; 100000:5%; 200000:8%") as Tier[],
    mode: "marginal",
    threshold: 0,
    capCents: 0,
    acceleratorRate: 0,
    newCustomerBonusCents: 50000,
    newCustomerRate: 0,
    retentionRate: 0.01,
    retentionMinSatisfaction: 4,
  };
}

/** One rep's figures for the window, in cents. */
export interface PlanInput {
  /** Sales credited to the rep on their own accounts (after any handover share given away). */
  creditedCents: number;
  /** Sales credit received as a former owner under handover splits. */
  splitReceivedCents?: number;
  /** Window quota (prorated); 0 or null: no quota-based rules apply. */
  quotaCents: number | null;
  newAccounts?: number;
  newAccountSalesCents?: number;
  retainedSalesCents?: number;
  /** 1–5, or null when unknown. */
  satisfaction?: number | null;
  /** The rep's share of the region's team bonus, already split (whole cents). */
  teamBonusCents?: number;
  /** Employment fraction of the window, for the explanation. */
  employedFraction?: number;
}

export type ComponentId = "commission" | "newCustomerBonus" | "retentionBonus" | "handoverSplit" | "teamBonus";
export const COMPONENTS: readonly ComponentId[] = ["commission", "newCustomerBonus", "retentionBonus", "handoverSplit", "teamBonus"];

export interface Component {
  id: ComponentId;
  baseCents: number;
  /** The rate applied, when one rate explains it. */
  rate: number | null;
  amountCents: number;
  explanation: Explanation;
}

export interface Statement {
  components: Record<ComponentId, Component>;
  totalCents: number;
  attainment: number | null;
  explanation: Explanation;
}

/** Commission before rounding, with what explains it: tier slices, threshold, accelerator, cap. */
export function commissionDetail(creditedCents: number, quotaCents: number | null, plan: Plan) {
  const attainment = quotaCents && quotaCents > 0 ? creditedCents / quotaCents : null;
  if (plan.threshold > 0 && attainment !== null && attainment < plan.threshold) {
    return { cents: 0, slices: [] as TierSlice[], accelerator: 0, capped: false, belowThreshold: true, attainment };
  }
  const core = commissionCore(creditedCents, plan.tiers, plan.mode);
  const above = quotaCents && quotaCents > 0 ? Math.max(0, creditedCents - quotaCents) : 0;
  const accelerator = above * plan.acceleratorRate;
  let cents = core.cents + accelerator;
  let capped = false;
  if (plan.capCents > 0 && cents > plan.capCents) {
    cents = plan.capCents;
    capped = true;
  }
  return { cents, slices: core.slices, accelerator, capped, belowThreshold: false, attainment };
}

/** "3% × 100,000 + 5% × 100,000 + 8% × 50,000" as data. */
function commissionExplanation(d: ReturnType<typeof commissionDetail>, plan: Plan, creditedCents: number, quotaCents: number | null, amountCents: number): Explanation {
  if (d.belowThreshold) return { key: "commission.threshold", params: { amountCents, attainmentPct: d.attainment ?? 0, thresholdPct: plan.threshold } };
  if (!d.slices.length) return { key: "commission.none", params: { amountCents } };
  const terms = d.slices.map((s) => ({ rate: s.rate, baseCents: s.baseCents }));
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

/**
 * A rep's statement: every component with its base, rate and amount, and a total they add up to exactly.
 * Each component is rounded to whole cents once; the handover split is the commission that the received
 * credit adds, so commission + handoverSplit = the commission on all credited sales.
 *
 * @example statement({ creditedCents: 25_000_000, quotaCents: null }, defaultPlan()).components.commission.amountCents // 1_200_000
 */
export function statement(input: PlanInput, plan: Plan): Statement {
  const quota = input.quotaCents;
  const own = commissionDetail(input.creditedCents, quota, plan);
  const received = input.splitReceivedCents ?? 0;
  const all = received ? commissionDetail(input.creditedCents + received, quota, plan) : own;
  const commissionCents = roundCents(own.cents);
  const splitCents = roundCents(all.cents) - commissionCents;

  const won = input.newAccounts ?? 0;
  const wonSales = input.newAccountSalesCents ?? 0;
  const newBonus = roundCents(won * plan.newCustomerBonusCents + Math.max(0, wonSales) * plan.newCustomerRate);

  const sat = input.satisfaction ?? null;
  const retained = Math.max(0, input.retainedSalesCents ?? 0);
  const retentionOk = sat !== null && sat >= plan.retentionMinSatisfaction;
  const retention = retentionOk ? roundCents(retained * plan.retentionRate) : 0;
  const team = input.teamBonusCents ?? 0;

  const components: Record<ComponentId, Component> = {
    commission: { id: "commission", baseCents: input.creditedCents, rate: plan.mode === "retroactive" && own.slices.length ? own.slices[0].rate : null, amountCents: commissionCents, explanation: commissionExplanation(own, plan, input.creditedCents, quota, commissionCents) },
    newCustomerBonus: {
      id: "newCustomerBonus",
      baseCents: wonSales,
      rate: plan.newCustomerRate,
      amountCents: newBonus,
      explanation: { key: "newCustomerBonus", params: { amountCents: newBonus, count: won, bonusCents: plan.newCustomerBonusCents, ratePct: plan.newCustomerRate, salesCents: wonSales } },
    },
    retentionBonus: {
      id: "retentionBonus",
      baseCents: retained,
      rate: plan.retentionRate,
      amountCents: retention,
      explanation: {
        key: sat === null ? "retentionBonus.noSatisfaction" : retentionOk ? "retentionBonus" : "retentionBonus.low",
        params: { amountCents: retention, ratePct: plan.retentionRate, baseCents: retained, satisfaction: sat === null ? "—" : sat.toFixed(2), min: plan.retentionMinSatisfaction },
      },
    },
    handoverSplit: {
      id: "handoverSplit",
      baseCents: received,
      rate: null,
      amountCents: splitCents,
      explanation: { key: received ? "handoverSplit" : "handoverSplit.none", params: { amountCents: splitCents, receivedCents: received, withCents: roundCents(all.cents), withoutCents: commissionCents } },
    },
    teamBonus: { id: "teamBonus", baseCents: team, rate: null, amountCents: team, explanation: { key: "teamBonus.none", params: { amountCents: team } } },
  };
  const totalCents = COMPONENTS.reduce((s, id) => s + components[id].amountCents, 0);
  return {
    components,
    totalCents,
    attainment: own.attainment,
    explanation: { key: "total", params: { totalCents, commissionCents, newCents: newBonus, retentionCents: retention, splitCents, teamCents: team } },
  };
}

/**
 * A tier table from settings text; a problem is a configuration error the settings check reports.
 * @example tiersOrThrow("0:3%") // [{ fromCents: 0, rate: 0.03 }]
 */
export function tiersOrThrow(text: string): Tier[] {
  const t = parseTiers(text);
  if (isTierProblem(t)) throw new RangeError(`bad tier table "${text}": ${t.code} at "${t.part}"`);
  return t;
}

/**
 * The plan as the workbook's settings give it (with a region's overrides).
 * @example planFromSettings(settings, "North").mode // "marginal"
 */
export function planFromSettings(settings: Settings, region?: string | null): Plan {
  return {
    tiers: tiersOrThrow(String(settings.get("commissionTiers", region))),
    mode: settings.get("commissionMode", region) as CommissionMode,
    threshold: settings.num("commissionThreshold", region),
    capCents: Math.round(settings.num("commissionCap", region) * 100),
    acceleratorRate: settings.num("acceleratorRate", region),
    newCustomerBonusCents: Math.round(settings.num("newCustomerBonus", region) * 100),
    newCustomerRate: settings.num("newCustomerRate", region),
    retentionRate: settings.num("retentionRate", region),
    retentionMinSatisfaction: settings.num("retentionMinSatisfaction", region),
  };
}
