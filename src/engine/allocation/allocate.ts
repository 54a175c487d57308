/**
 * A run of the allocation rules: releases by rule, a recipient for each, the at-risk list and the
 * fairness after. Pure and deterministic: the same data and seed give the same moves whatever the row order.
 */
import { addMonths, formatMonth, idKey, monthEndDay, type MonthIndex } from "../cells";
import { hashString } from "../random";
import type { CheckResult } from "../check";
import { evaluate, type Evaluation } from "../incentives/evaluate";
import { classify, compareText, fairness, inPeriod, portfolio, tenureMonths, type Fairness, type PortfolioRow, type RepClass } from "../snapshot";
import { diagnose, Funnel, regionsOf, type Diagnostic } from "./diagnostics";
import { atRisk, type AtRisk } from "./dormant";
import { placeReleases, type Match } from "./recipients";
import { RULES } from "./rules";
import { watchList, type WatchItem } from "./watch";
import type { AllocationContext, Explanation, PastMove, PastRejection, Release, RuleId } from "./types";

export { RULES, RuleRegistryError } from "./rules";

export interface Move {
  proposalId: string;
  account: number;
  /** Rep index of the current owner, or -1. */
  from: number;
  /** The Owner cell as written (what apply checks before changing it). */
  fromText: string;
  /** Rep index of the recipient, or -1 when the account stays for want of one. */
  to: number;
  rule: RuleId;
  reason: Explanation;
  evidence: Explanation;
  recipient: Explanation;
  /** The short "Why this rep": the winning factors and the runner-up (for a move without a recipient, why not). */
  whyThisRep: Explanation;
  /** The match score and factors, or null without a recipient. */
  match: Match | null;
  handover: Explanation | null;
  valueCents: number;
}

export interface AllocationResult {
  period: MonthIndex;
  moves: Move[];
  atRisk: AtRisk[];
  stagnantReps: number[];
  portfolioAfter: PortfolioRow[];
  fairnessAfter: Fairness;
  /** Per rule and region: the funnel from examined to placed, and what held a stage at zero. */
  diagnostics: Diagnostic[];
  /** Who and what is one step from a rule firing, with a message to the rep. */
  watch: WatchItem[];
}

export interface AllocateOptions {
  past?: PastMove[];
  /** Rejected moves from the audit log: not proposed again within `rejectionCooldownMonths`. */
  rejections?: PastRejection[];
  /** This run's scorecard (capability for matching); computed when not given. */
  evaluation?: Evaluation;
  /** Which proposal of the period this is (1 for the first sheet, 2 for "#2"…); part of proposal ids. */
  runNumber?: number;
}

/**
 * A set of account indices that answers `has` from a flag per account: every rule asks it of every
 * account (hundreds of thousands of times a run), and a hash lookup per question is most of their cost.
 * Anything else (not an index below `size`) is kept by the Set itself.
 */
class IndexSet extends Set<number> {
  private readonly flags: Uint8Array;
  constructor(size: number) {
    super();
    this.flags = new Uint8Array(size);
  }
  private inRange(value: number): boolean {
    return Number.isInteger(value) && value >= 0 && value < this.flags.length;
  }
  override add(value: number): this {
    if (this.inRange(value)) this.flags[value] = 1;
    return super.add(value);
  }
  override has(value: number): boolean {
    return this.inRange(value) ? this.flags[value] === 1 : super.has(value);
  }
  override delete(value: number): boolean {
    if (this.inRange(value)) this.flags[value] = 0;
    return super.delete(value);
  }
  override clear(): void {
    this.flags?.fill(0);
    super.clear();
  }
}

/**
 * One pass over the sales (a function of its own, so its loop is optimised without the rest of the context's
 * construction): each account's sales per month for the `span` months ending with the period, its last sale
 * day (a sale, not a refund) and its first month with a sale.
 */
function salesByMonth(model: CheckResult["model"], period: MonthIndex, span: number) {
  const nA = model.accounts.length;
  const monthly = new Float64Array(nA * span);
  const lastSale = new Float64Array(nA).fill(-Infinity);
  const firstSaleMonth = new Float64Array(nA).fill(Infinity);
  const { sales } = model;
  const first = period - span + 1;
  for (let i = 0; i < sales.count; i++) {
    const a = sales.account[i];
    const m = sales.month[i];
    if (m > period) continue;
    if (m < firstSaleMonth[a]) firstSaleMonth[a] = m;
    if (sales.day[i] > lastSale[a] && sales.cents[i] > 0) lastSale[a] = sales.day[i];
    if (m >= first) monthly[a * span + (m - first)] += sales.cents[i];
  }
  return { monthly, lastSale, firstSaleMonth };
}

/** Builds the per-run context: classes, caps, last sales, monthly matrix. */
export function buildContext(check: CheckResult, past: PastMove[], rejections: PastRejection[] = []): AllocationContext {
  const { model, settings } = check;
  const period = check.period!;
  const periodEnd = monthEndDay(period);
  const classes: (RepClass | null)[] = model.reps.map((r) => {
    if (!inPeriod(r, period)) return null;
    return classify(r.hireDay === null ? null : tenureMonths(r.hireDay, period), r, settings);
  });
  const caps = model.reps.map((r, i) => {
    if (r.capacity !== null) return { cap: r.capacity, source: "roster" };
    const cls = classes[i] ?? "regular";
    const key = cls === "new" ? "maxAccountsNew" : cls === "veteran" ? "maxAccountsVeteran" : "maxAccountsRegular";
    return { cap: settings.num(key, r.region), source: key };
  });
  // The monthly matrix covers the longest window any rule compares with the one before it.
  let maxK = settings.num("stagnationMonths");
  let maxU = settings.num("underservedMonths");
  for (const region of model.regions) {
    maxK = Math.max(maxK, settings.num("stagnationMonths", region));
    maxU = Math.max(maxU, settings.num("underservedMonths", region));
  }
  const span = Math.max(2 * maxK + 1, 2 * maxU);
  const nA = model.accounts.length;
  const { monthly, lastSale, firstSaleMonth } = salesByMonth(model, period, span);
  const owned: number[][] = model.reps.map(() => []);
  for (let i = 0; i < nA; i++) {
    const a = model.accounts[i];
    if (a.owner >= 0) owned[a.owner].push(a.index);
  }
  // Rejection memory: the newest rejection day per (account, rule, owner).
  const rejectedOn = new Map<string, number>();
  for (const r of rejections) {
    const k = `${r.accountKey}\u0000${r.rule}\u0000${r.fromKey}`;
    rejectedOn.set(k, Math.max(rejectedOn.get(k) ?? -Infinity, r.day));
  }
  const switches = new Map<RuleId, Map<string, boolean>>();
  const seed = settings.num("seed");
  // Sorts compare accounts by their tie-break many times each: hashed on first use, then read.
  const ties = new Float64Array(nA).fill(-1);
  const ownerKey = (a: number) => {
    const acc = model.accounts[a];
    return acc.owner >= 0 ? model.reps[acc.owner].key : idKey(acc.ownerText);
  };
  return {
    model,
    settings,
    period,
    periodEnd,
    seed,
    accountTie(a: number): number {
      let t = ties[a];
      if (t < 0) ties[a] = t = hashString(model.accounts[a].key, seed);
      return t;
    },
    values: check.accountValues,
    classes,
    caps,
    lastSale,
    firstSaleMonth,
    owned,
    monthly,
    span,
    past,
    rejections,
    remembersRejection(account: number, rule: RuleId): boolean {
      if (!rejectedOn.size) return false;
      const day = rejectedOn.get(`${model.accounts[account].key}\u0000${rule}\u0000${ownerKey(account)}`);
      if (day === undefined) return false;
      // Decisions are logged after the period they judge, so "0 months" must mean no memory at all.
      const months = settings.num("rejectionCooldownMonths", model.accounts[account].region);
      return months > 0 && day > addMonths(periodEnd, -months);
    },
    ruleOn: (rule: RuleId, region: string) => {
      // Asked per account by the per-account rules: once per rule and region.
      let byRegion = switches.get(rule);
      if (!byRegion) switches.set(rule, (byRegion = new Map()));
      let on = byRegion.get(region);
      if (on === undefined) byRegion.set(region, (on = settings.bool(`rule.${rule}`, region || null)));
      return on;
    },
    funnel: new Funnel(),
    stagnantReps: new Set(),
    released: new IndexSet(nA),
  };
}

/**
 * Runs every rule, then chooses recipients.
 * @example allocate(checkResult).moves.filter((m) => m.rule === "STAGNATION")
 */
export function allocate(check: CheckResult, options: AllocateOptions = {}): AllocationResult {
  if (check.period === null) throw new RangeError("allocate needs a period (run the check first and stop on its errors)");
  const past = options.past ?? [];
  const ctx = buildContext(check, past, options.rejections ?? []);
  const { model } = ctx;
  const releases: Release[] = [];
  for (const rule of RULES) {
    const anyOn = ctx.ruleOn(rule.id, "") || model.regions.some((r) => ctx.ruleOn(rule.id, r));
    if (!anyOn) continue;
    for (const rel of rule.evaluate(ctx)) {
      if (!ctx.ruleOn(rule.id, model.accounts[rel.account].region)) continue;
      if (ctx.released.has(rel.account)) continue;
      ctx.released.add(rel.account);
      ctx.funnel.add(rel.rule, rel.region, "released");
      releases.push(rel);
    }
  }
  const evaluation = options.evaluation ?? evaluate(check, past);
  const moves = toMoves(ctx, placeReleases(ctx, releases, evaluation), options.runNumber ?? 1);
  const owners = new Int32Array(model.accounts.length);
  for (let a = 0; a < owners.length; a++) owners[a] = model.accounts[a].owner;
  for (const m of moves) if (m.to >= 0) owners[m.account] = m.to;
  const portfolioAfter = portfolio(model, check.settings, ctx.period, ctx.values, owners);
  const dormantOn = ctx.ruleOn("DORMANT", "") || model.regions.some((r) => ctx.ruleOn("DORMANT", r));
  const risk = dormantOn ? atRisk(ctx).filter((r) => !ctx.released.has(r.account)) : [];
  return {
    period: ctx.period,
    moves,
    atRisk: risk,
    watch: watchList(ctx, risk),
    stagnantReps: [...ctx.stagnantReps].sort((a, b) => compareText(model.reps[a].key, model.reps[b].key)),
    portfolioAfter,
    fairnessAfter: fairness(portfolioAfter),
    diagnostics: diagnose(ctx.funnel, RULES, regionsOf(ctx), ctx.ruleOn),
  };
}

const RULE_ORDER = Object.fromEntries(RULES.map((r, i) => [r.id, i])) as Record<RuleId, number>;

/** Placements as proposal rows: placed before held, then by rule, owner, value and account; numbered within the run. */
function toMoves(ctx: AllocationContext, placements: ReturnType<typeof placeReleases>, runNumber: number): Move[] {
  const { model } = ctx;
  // One object per move (tens of thousands at scale), its id set once the order is known.
  const moves: Move[] = placements.map((p) => {
    const acc = model.accounts[p.release.account];
    return {
      proposalId: "",
      account: acc.index,
      from: acc.owner,
      fromText: acc.ownerText,
      to: p.to,
      rule: p.release.rule,
      reason: p.release.reason,
      evidence: p.release.evidence,
      recipient: p.recipient,
      whyThisRep: p.whyThisRep,
      match: p.match,
      handover: p.handover,
      valueCents: ctx.values[acc.index],
    };
  });
  // Owners are few: rank their keys once, so the sort compares numbers and strings only on value ties.
  const ownerKey = (m: Move) => (m.from >= 0 ? model.reps[m.from].key : "") || m.fromText;
  const ownerRank = new Map([...new Set(moves.map(ownerKey))].sort(compareText).map((k, i) => [k, i]));
  // Moves a manager can approve come first; what a limit held (no recipient) follows, in the same order.
  // One number per move for held, rule and owner (tens of thousands of moves sort on numbers, not objects).
  const group = new Float64Array(moves.length);
  const value = new Float64Array(moves.length);
  const order = new Int32Array(moves.length);
  for (let i = 0; i < moves.length; i++) {
    const m = moves[i];
    group[i] = ((m.to < 0 ? 1 : 0) * 64 + RULE_ORDER[m.rule]) * 1e7 + ownerRank.get(ownerKey(m))!;
    value[i] = m.valueCents;
    order[i] = i;
  }
  // The comparator answers −1, 0 or 1 (differences in the billions would be a heap number per comparison).
  order.sort((x, y) => {
    const g = group[x] - group[y];
    if (g > 0) return 1;
    if (g < 0) return -1;
    const v = value[y] - value[x];
    if (v > 0) return 1;
    if (v < 0) return -1;
    return compareText(model.accounts[moves[x].account].key, model.accounts[moves[y].account].key);
  });
  const prefix = `P${formatMonth(ctx.period).replace("-", "")}-${runNumber}-`;
  const width = Math.max(3, String(moves.length).length);
  const sorted: Move[] = new Array(moves.length);
  for (let i = 0; i < order.length; i++) {
    const m = moves[order[i]];
    m.proposalId = `${prefix}${String(i + 1).padStart(width, "0")}`;
    sorted[i] = m;
  }
  return sorted;
}
