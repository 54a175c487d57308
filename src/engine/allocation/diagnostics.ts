/**
 * The diagnostics funnel: per rule and region, how many reps or accounts each stage kept (examined → in
 * scope → triggered → eligible → released → placed), and, where a stage drops to zero, what held it there
 * in words with the setting that binds. So a run that proposes nothing says why.
 */
import type { AllocationContext, Explanation, RuleId } from "./types";

/**
 * The stages of the diagnostics funnel, in order. What is counted at each stage depends on the rule
 * (reps or accounts examined; veterans in scope…); each rule declares its own labels.
 */
export const FUNNEL_STAGES = ["examined", "inScope", "triggered", "eligible", "released", "placed"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/**
 * Counts per rule, region and stage, and for each stage the explanation of what held things back there
 * (used when that stage is the first to reach zero).
 */
export class Funnel {
  // rule → region → counts by stage index; no string is built per call (rules count per account).
  private readonly counts = new Map<RuleId, Map<string, number[]>>();
  private readonly blockers = new Map<RuleId, Map<string, (Explanation | undefined)[]>>();

  // The last row asked for: rules count account after account, mostly in the same rule and region.
  private lastRule: RuleId | null = null;
  private lastRegion = "";
  private lastRow: number[] = [];

  private row(rule: RuleId, region: string): number[] {
    if (rule === this.lastRule && region === this.lastRegion) return this.lastRow;
    const row = this.lookUp(rule, region);
    this.lastRule = rule;
    this.lastRegion = region;
    this.lastRow = row;
    return row;
  }

  private lookUp(rule: RuleId, region: string): number[] {
    let byRegion = this.counts.get(rule);
    if (!byRegion) this.counts.set(rule, (byRegion = new Map()));
    let row = byRegion.get(region);
    if (!row) byRegion.set(region, (row = FUNNEL_STAGES.map(() => 0)));
    return row;
  }

  /** Adds `n` at a stage (creating the entry, so a stage seen with 0 shows as 0). */
  add(rule: RuleId, region: string, stage: FunnelStage, n = 1): void {
    this.row(rule, region)[STAGE_INDEX[stage]] += n;
  }

  count(rule: RuleId, region: string, stage: FunnelStage): number {
    return this.counts.get(rule)?.get(region)?.[STAGE_INDEX[stage]] ?? 0;
  }

  /** Records why a stage is where it is (the last word wins: rules call it with their final figures). */
  explain(rule: RuleId, region: string, stage: FunnelStage, why: Explanation): void {
    let byRegion = this.blockers.get(rule);
    if (!byRegion) this.blockers.set(rule, (byRegion = new Map()));
    let row = byRegion.get(region);
    if (!row) byRegion.set(region, (row = []));
    row[STAGE_INDEX[stage]] = why;
  }

  blocker(rule: RuleId, region: string, stage: FunnelStage): Explanation | undefined {
    return this.blockers.get(rule)?.get(region)?.[STAGE_INDEX[stage]];
  }
}

const STAGE_INDEX = Object.fromEntries(FUNNEL_STAGES.map((s, i) => [s, i])) as Record<FunnelStage, number>;

/** One rule in one region, as the JSON, the CLI, the proposal sheet and the pane show it. */
export interface Diagnostic {
  rule: RuleId;
  region: string;
  stages: { stage: FunnelStage; count: number }[];
  /** Why the first stage that reached zero did, or null when something got through every stage. */
  blockedBy: Explanation | null;
  /** Released but not placed, and what held the last of them (null when all were placed or none released). */
  held: number;
  heldBy: Explanation | null;
}

/**
 * Reads the funnel into one entry per rule (in registry order) and region (sorted). A rule switched off
 * in a region has no stages and is blocked by its switch.
 * @example diagnose(funnel, [{ id: "DORMANT", stages: ["examined", "triggered", "released", "placed"] }], ["East"], () => true)
 */
export function diagnose(
  funnel: Funnel,
  rules: readonly { id: RuleId; stages: readonly FunnelStage[] }[],
  regions: readonly string[],
  ruleOn: (rule: RuleId, region: string) => boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    for (const region of regions) {
      if (!ruleOn(rule.id, region)) {
        out.push({ rule: rule.id, region, stages: [], blockedBy: { key: "blocked.off", params: { rule: rule.id, region: region || "—" } }, held: 0, heldBy: null });
        continue;
      }
      const stages = rule.stages.map((stage) => ({ stage, count: funnel.count(rule.id, region, stage) }));
      const zero = stages.find((s) => s.count === 0);
      let blockedBy: Explanation | null = null;
      if (zero) {
        blockedBy = funnel.blocker(rule.id, region, zero.stage) ?? { key: `blocked.zero.${zero.stage}`, params: { region: region || "—" } };
      }
      const held = funnel.count(rule.id, region, "released") - funnel.count(rule.id, region, "placed");
      out.push({ rule: rule.id, region, stages, blockedBy, held, heldBy: held > 0 && !blockedBy ? (funnel.blocker(rule.id, region, "placed") ?? null) : null });
    }
  }
  return out;
}

/** The regions the funnel reports on: every region of the roster and accounts ("" when a row has none). */
export function regionsOf(ctx: Pick<AllocationContext, "model">): string[] {
  const set = new Set(ctx.model.regions);
  const { accounts } = ctx.model;
  // Asked by every rule: an indexed scan that stops at the first account without a region.
  for (let i = 0; i < accounts.length; i++) {
    if (!accounts[i].region) {
      set.add("");
      break;
    }
  }
  return [...set];
}

/** Says at the released stage how many a rule would have proposed again but the audit log's rejections held. */
export function explainRejected(ctx: Pick<AllocationContext, "funnel" | "settings">, rule: RuleId, region: string, count: number | undefined): void {
  if (count) ctx.funnel.explain(rule, region, "released", { key: "blocked.rejected", params: { count, months: ctx.settings.num("rejectionCooldownMonths", region) } });
}
