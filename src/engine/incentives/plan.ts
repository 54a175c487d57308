/**
 * The incentive plan: its settings, and one rep's statement from plain figures. The same function
 * serves the Incentives sheet, the CLI JSON, the task pane and =FAIRSHARE.INCENTIVE.
 */
import type { Explanation, ParamValue } from "../allocation/types";
import { def } from "../allocation/settingsDefs";
import type { Settings } from "../settings/parse";
import type { SettingDef } from "../settings/registry";
import { COMPONENT_IDS, INCENTIVE_COMPONENTS, type Component as ComponentOf, type ComponentId } from "./components";
import type { CategoryCents } from "./components/types";
import { isTierProblem, parseTiers, type CommissionMode, type Tier } from "./tiers";

export { commissionDetail } from "./components/commission";

const G = "incentives";

/** The window settings, then each component's own (from the registry), then the scorecard's weights. */
export const PLAN_SETTINGS: readonly SettingDef[] = [
  def("incentiveMonths", "int", 1, G, "Incentive window in months ending with the period: 1 (month), 3 (quarter), 12 (year).", "激励计算窗口（截至统计月的月数）：1 月度、3 季度、12 年度。", { label: { "en-US": "Incentive window (months)", "zh-CN": "激励计算周期（月）" }, min: 1, max: 12 }),
  def("quotaPeriod", "enum", "month", G, "What the roster's Quota (and defaultQuota) covers: month, quarter or year.", "花名册“指标”（及 defaultQuota）对应的期间：month、quarter 或 year。", { label: { "en-US": "What the quota covers", "zh-CN": "指标对应的期间" }, optionLabels: { month: { "en-US": "a month", "zh-CN": "一个月" }, quarter: { "en-US": "a quarter", "zh-CN": "一个季度" }, year: { "en-US": "a year", "zh-CN": "一年" } }, options: ["month", "quarter", "year"] }),
  def("defaultQuota", "number", null, G, "Quota for reps whose roster row has none, per quotaPeriod. Empty: none — such reps are reported and get no quota-based pay.", "花名册未填指标时的默认指标（按 quotaPeriod）。为空：无默认，这些业务员会被提示，且不计与指标相关的激励。", { label: { "en-US": "Quota when the roster has none", "zh-CN": "花名册未填时的默认指标" }, min: 0 }),
  def("profileMinMonths", "int", 6, G, "Months of sales history a rep profile (hunter, farmer…) needs; with less it says “not enough history”.", "生成业务员画像（开拓型、维护型…）所需的销售历史月数；不足时显示“历史数据不足”。", { label: { "en-US": "Months of history a rep profile needs", "zh-CN": "业务员画像所需的历史月数" }, min: 1, max: 120 }),
  ...INCENTIVE_COMPONENTS.flatMap((c) => c.settings),
  def("weight.sales", "number", 0.4, "scorecard", "Scorecard weight of sales against quota.", "评分中销售（对比指标）的权重。", { label: { "en-US": "Weight of sales against quota", "zh-CN": "销售达成的权重" }, min: 0, max: 1 }),
  def("weight.newCustomers", "number", 0.25, "scorecard", "Scorecard weight of new-customer development.", "评分中新客户开发的权重。", { label: { "en-US": "Weight of new customers", "zh-CN": "新客户开发的权重" }, min: 0, max: 1 }),
  def("weight.satisfaction", "number", 0.15, "scorecard", "Scorecard weight of customer satisfaction.", "评分中客户满意度的权重。", { label: { "en-US": "Weight of customer satisfaction", "zh-CN": "客户满意度的权重" }, min: 0, max: 1 }),
  def("weight.retention", "number", 0.1, "scorecard", "Scorecard weight of retention.", "评分中客户保有的权重。", { label: { "en-US": "Weight of retention", "zh-CN": "客户保有的权重" }, min: 0, max: 1 }),
  def("weight.teamwork", "number", 0.1, "scorecard", "Scorecard weight of teamwork.", "评分中团队协作的权重。", { label: { "en-US": "Weight of teamwork", "zh-CN": "团队协作的权重" }, min: 0, max: 1 }),
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
  /** Refunds reverse commission in the window they land in (clawback on), or are left alone (off). */
  clawback: boolean;
  /** A draw is recovered from later earnings (carried forward) or not. */
  drawRecoverable: boolean;
  /** The SPIF: a fixed bonus per won account of a listed category or at least a size, first sale within the months. */
  spif: { bonusCents: number; categories: string[]; minCents: number; from: number | null; to: number | null };
  /** `rate.<category>` settings: the rate of a category's sales instead of the tiers, by lower-case category. */
  categoryRates: Readonly<Record<string, number>>;
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
    clawback: true,
    drawRecoverable: true,
    spif: { bonusCents: 0, categories: [], minCents: 0, from: null, to: null },
    categoryRates: {},
  };
}

/** One rep's figures for the window, in cents. */
export interface PlanInput {
  /** Sales credited to the rep on their own accounts (after any handover share given away), net of refunds. */
  creditedCents: number;
  /** Refunds (negative sales lines) inside creditedCents, as a positive amount: gross sales = credited + refunds. */
  refundsCents?: number;
  /** Sales credit received as a former owner under handover splits. */
  splitReceivedCents?: number;
  /** Window quota (prorated); 0 or null: no quota-based rules apply. */
  quotaCents: number | null;
  newAccounts?: number;
  newAccountSalesCents?: number;
  retainedSalesCents?: number;
  /** 1–5, or null when unknown. */
  satisfaction?: number | null;
  /** The rep's share of the region's team bonus, split over the team (whole cents), with its figures. */
  teamBonus?: TeamShare;
  /** Employment fraction of the window, for the explanation. */
  employedFraction?: number;
  /** Days in the window, to say how the quota was prorated. */
  windowDays?: number;
  /** Accounts won in the window, with their first sale's month and category and their window sales (for SPIFs). */
  won?: WonAccount[];
  /** Without `won` (a worksheet cell has no account list): how many won accounts meet the SPIF's criteria. */
  spifAccounts?: number;
  /** Net sales per Category/Product; those with a `rate.<category>` in the plan are paid at that rate instead of the tiers. */
  categorySales?: CategoryCents[];
  /** The draw against commission for the window (prorated like the quota) and the unrecovered balance carried in. */
  draw?: { drawCents: number; balanceCents: number };
}

/** An account won in the window. */
export interface WonAccount {
  accountId: string;
  /** Month of its first sale. */
  month: number;
  /** Category/Product of its first sale ("" when none). */
  category: string;
  cents: number;
}

/** A rep's net sales in one category with its own rate (`rate.<category>`), taken out of the tiers. */
export interface CategorySales {
  category: string;
  cents: number;
  rate: number;
}

/** A rep's part of the region's team bonus pool, as evaluate() splits it. */
export interface TeamShare {
  amountCents: number;
  /** The rep's share of the pool (score × employed share over the region's sum). */
  share: number;
  poolCents: number;
  rate: number;
  excessCents: number;
  region: string;
  /** Reps of the region without a quota: the region's quota is unknown and there is no pool. */
  withoutQuota: number;
}

export type { ComponentId, CategoryCents };
/** The components' ids in statement order (from the registry). */
export const COMPONENTS: readonly ComponentId[] = COMPONENT_IDS;
export type Component = ComponentOf<ComponentId>;

export interface Statement {
  components: Record<ComponentId, Component>;
  totalCents: number;
  attainment: number | null;
  explanation: Explanation;
}

/**
 * A rep's statement: every component with its base, rate and amount, and a total they add up to exactly.
 * Each component is rounded to whole cents once; the handover split is the commission that the received
 * credit adds, so commission + handoverSplit = the commission on all credited sales.
 *
 * @example statement({ creditedCents: 25_000_000, quotaCents: null }, defaultPlan()).components.commission.amountCents // 1_200_000
 */
export function statement(input: PlanInput, plan: Plan): Statement {
  const components = {} as Record<ComponentId, Component>;
  // One params object, its keys always added in the same order (a stable shape: this runs per cell).
  const params: Record<string, ParamValue> = { totalCents: 0 };
  let totalCents = 0;
  const lines: Component[] = [];
  for (let i = 0; i < INCENTIVE_COMPONENTS.length; i++) {
    const line = INCENTIVE_COMPONENTS[i].compute(input, plan, lines);
    lines.push(line);
    components[line.id] = line;
    params[CENTS_KEYS[i]] = line.amountCents;
    totalCents += line.amountCents;
  }
  params.totalCents = totalCents;
  const attainment = input.quotaCents && input.quotaCents > 0 ? input.creditedCents / input.quotaCents : null;
  const f = input.employedFraction;
  let key = "total";
  if (f !== undefined && f < 1 && input.windowDays !== undefined) {
    key = "total.prorated";
    params.employedPct = f;
    params.days = Math.round(f * input.windowDays);
    params.windowDays = input.windowDays;
  }
  return { components, totalCents, attainment, explanation: { key, params } };
}

/** The total explanation's param name of each component's amount, in registry order. */
const CENTS_KEYS: readonly string[] = INCENTIVE_COMPONENTS.map((c) => `${c.id}Cents`);

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
    clawback: settings.bool("clawback", region),
    drawRecoverable: settings.get("drawType", region) === "recoverable",
    spif: {
      bonusCents: Math.round(settings.num("spifBonus", region) * 100),
      categories: String(settings.get("spifCategories", region) ?? "")
        .split(/[,;，；]/)
        .map((c) => c.trim())
        .filter((c) => c),
      minCents: Math.round(settings.num("spifMinAmount", region) * 100),
      from: settings.get("spifFrom", region) as number | null,
      to: settings.get("spifTo", region) as number | null,
    },
    categoryRates: Object.fromEntries(
      [...settings.withPrefix("rate.", region)].flatMap(([key, value]) => (typeof value === "number" ? [[key.slice("rate.".length), value]] : [])),
    ),
  };
}
