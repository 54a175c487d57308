/**
 * Shapes shared by the allocation rules, the recipient choice and the output.
 */
import type { DayNumber, MonthIndex } from "../cells";
import type { Model } from "../model";
import type { SettingDef, Settings } from "../settings";
import type { RepClass } from "../snapshot";
import type { Funnel, FunnelStage } from "./diagnostics";

export type RuleId = "ORPHAN" | "DORMANT" | "STAGNATION" | "UNDERSERVED" | "OVER_CAPACITY";

/** One month of a growth series: growth is a fraction, null when neither month had sales, Infinity from zero. */
export interface GrowthPoint {
  month: MonthIndex;
  growth: number | null;
}

/**
 * A value inside an explanation. The renderer formats by the param's name: `…Cents` as money, `…Pct` as
 * a percentage, `…Month` as a month, `…Day` as a date, `score`/`…Score` with two decimals; a series as
 * "Aug −4.8%, Sep −6.1%"; a list of explanations as their sentences joined.
 */
export type ParamValue = string | number | GrowthPoint[] | TierTerm[] | Explanation[];

/** One term of a commission sum: rate × base. */
export interface TierTerm {
  rate: number;
  baseCents: number;
}

/** A sentence as data: a catalogue key and the figures it is rendered from. */
export interface Explanation {
  key: string;
  params: Record<string, ParamValue>;
}

/** An account a rule takes from its owner, with why. */
export interface Release {
  account: number;
  rule: RuleId;
  /** The region the rule judged it in (the funnel counts it there). */
  region: string;
  reason: Explanation;
  evidence: Explanation;
}

/** A move applied earlier, as the audit log tells. */
export interface PastMove {
  accountKey: string;
  fromKey: string;
  toKey: string;
  day: DayNumber;
  proposalId: string;
}

/** A decision the audit log remembers: a rejected move, for rejection memory. */
export interface PastRejection {
  accountKey: string;
  fromKey: string;
  rule: string;
  day: DayNumber;
  proposalId: string;
}

/** Everything rules need, computed once per run. */
export interface AllocationContext {
  model: Model;
  settings: Settings;
  period: MonthIndex;
  /** Last day of the period month. */
  periodEnd: DayNumber;
  seed: number;
  /** An account's seeded tie-break, `hashString(key, seed)`, hashed once per account and run. */
  accountTie(account: number): number;
  /** 12-month value per account, cents. */
  values: Float64Array;
  /** Per rep: class when the rep counts for the period, else null. */
  classes: (RepClass | null)[];
  /** Per rep: holding cap and where it comes from. */
  caps: { cap: number; source: string }[];
  /** Per account: last sale day up to the period end, or -Infinity. */
  lastSale: Float64Array;
  /** Per account: first sale month, or +Infinity. */
  firstSaleMonth: Float64Array;
  /** Accounts per rep, index lists. */
  owned: number[][];
  /** Monthly sales per account for the `span` months ending with the period: [account * span + j], j = 0 is the oldest. */
  monthly: Float64Array;
  span: number;
  past: PastMove[];
  /** Rejected moves from the audit log (rejection memory). */
  rejections: PastRejection[];
  /** Whether the audit log rejected this move (account, rule, current owner) within `rejectionCooldownMonths`. */
  remembersRejection(account: number, rule: RuleId): boolean;
  /** Whether a rule is on in a region (`rule.<ID>`, region columns override). */
  ruleOn(rule: RuleId, region: string): boolean;
  /** The diagnostics funnel, filled by the rules and the recipient choice. */
  funnel: Funnel;
  /** Filled by STAGNATION: veterans found stagnant never receive accounts. */
  stagnantReps: Set<number>;
  /** Accounts already released by an earlier rule in this run. */
  released: Set<number>;
}

export interface AllocationRule {
  id: RuleId;
  /** The funnel stages this rule reports, in order (labels: `funnel.<ID>.<stage>` in the text catalogue). */
  stages: readonly FunnelStage[];
  /** Settings this rule reads, declared once for validation, the settings sheet and docs. */
  settings: readonly SettingDef[];
  evaluate(ctx: AllocationContext): Release[];
}
