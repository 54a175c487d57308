/**
 * A run of the allocation rules: releases by rule, a recipient for each, the at-risk list and the
 * fairness after. Pure and deterministic: the same data and seed give the same moves whatever the row order.
 */
import { addMonths, formatMonth, monthEndDay, type MonthIndex } from "../cells";
import type { CheckResult } from "../check";
import { hashString } from "../random";
import { normalizeHeader } from "../schema";
import { classify, compareText, fairness, inPeriod, portfolio, tenureMonths, type Fairness, type PortfolioRow, type RepClass } from "../snapshot";
import { atRisk, dormant, type AtRisk } from "./dormant";
import { orphan } from "./orphan";
import { overCapacity } from "./overCapacity";
import { stagnation } from "./stagnation";
import type { AllocationContext, AllocationRule, Explanation, PastMove, Release, RuleId } from "./types";

/** The rules in the order they claim accounts: an account released by one is not looked at again. */
export const RULES: readonly AllocationRule[] = [orphan, dormant, stagnation, overCapacity];

/** Thrown when the rule registry contradicts itself (a programming error). */
export class RuleRegistryError extends Error {
  override name = "RuleRegistryError";
}

(function checkRegistry() {
  const ids = new Set<string>();
  for (const r of RULES) {
    if (ids.has(r.id)) throw new RuleRegistryError(`rule ${r.id} is registered twice`);
    ids.add(r.id);
    if (!r.settings.some((s) => s.key === `rule.${r.id}`)) throw new RuleRegistryError(`rule ${r.id} has no rule.${r.id} switch`);
  }
})();

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
}

export interface AllocateOptions {
  past?: PastMove[];
  /** Which proposal of the period this is (1 for the first sheet, 2 for "#2"…); part of proposal ids. */
  runNumber?: number;
}

/** Builds the per-run context: classes, caps, last sales, monthly matrix. */
export function buildContext(check: CheckResult, past: PastMove[]): AllocationContext {
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
  let maxK = settings.num("stagnationMonths");
  for (const region of model.regions) maxK = Math.max(maxK, settings.num("stagnationMonths", region));
  const span = 2 * maxK + 1;
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
  const owned: number[][] = model.reps.map(() => []);
  for (const a of model.accounts) if (a.owner >= 0) owned[a.owner].push(a.index);
  return {
    model,
    settings,
    period,
    periodEnd,
    seed: settings.num("seed"),
    values: check.accountValues,
    classes,
    caps,
    lastSale,
    firstSaleMonth,
    owned,
    monthly,
    span,
    past,
    stagnantReps: new Set(),
    released: new Set(),
  };
}

/** Whether a rule is on for an account's region (`rule.<ID>`, region columns override). */
function ruleOn(ctx: AllocationContext, id: RuleId, region: string | null): boolean {
  return ctx.settings.bool(`rule.${id}`, region);
}

/**
 * Runs every rule, then chooses recipients.
 * @example allocate(checkResult).moves.filter((m) => m.rule === "STAGNATION")
 */
export function allocate(check: CheckResult, options: AllocateOptions = {}): AllocationResult {
  if (check.period === null) throw new RangeError("allocate needs a period (run the check first and stop on its errors)");
  const ctx = buildContext(check, options.past ?? []);
  const { model } = ctx;
  const releases: Release[] = [];
  for (const rule of RULES) {
    const anyOn = ruleOn(ctx, rule.id, null) || model.regions.some((r) => ruleOn(ctx, rule.id, r));
    if (!anyOn) continue;
    for (const rel of rule.evaluate(ctx)) {
      if (!ruleOn(ctx, rule.id, model.accounts[rel.account].region || null)) continue;
      if (ctx.released.has(rel.account)) continue;
      ctx.released.add(rel.account);
      releases.push(rel);
    }
  }
  const moves = chooseRecipients(ctx, releases, options.runNumber ?? 1);
  const owners = Int32Array.from(model.accounts.map((a) => a.owner));
  for (const m of moves) if (m.to >= 0) owners[m.account] = m.to;
  const portfolioAfter = portfolio(model, check.settings, ctx.period, ctx.values, owners);
  return {
    period: ctx.period,
    moves,
    atRisk: ruleOn(ctx, "DORMANT", null) || model.regions.some((r) => ruleOn(ctx, "DORMANT", r)) ? atRisk(ctx).filter((r) => !ctx.released.has(r.account)) : [],
    stagnantReps: [...ctx.stagnantReps].sort((a, b) => compareText(model.reps[a].key, model.reps[b].key)),
    portfolioAfter,
    fairnessAfter: fairness(portfolioAfter),
  };
}

const RULE_ORDER: Record<RuleId, number> = { ORPHAN: 0, DORMANT: 1, STAGNATION: 2, OVER_CAPACITY: 3 };

/**
 * Gives each released account to the eligible rep with the lowest load (value ÷ cap, updated as the
 * run assigns), new reps first; ties by a seeded random order. Biggest accounts are placed first so
 * later, smaller ones even out the loads.
 */
function chooseRecipients(ctx: AllocationContext, releases: Release[], runNumber: number): Move[] {
  const { model, settings, seed } = ctx;
  // A released account still counts for its owner until someone takes it: a release that finds no
  // recipient stays, so it must never have freed room under the owner's own cap.
  const count = ctx.owned.map((list) => list.length);
  const value = ctx.owned.map((list) => list.reduce((s, a) => s + ctx.values[a], 0));
  const repTie = model.reps.map((r) => hashString(r.key, seed ^ 0x9e3779b9));
  const accTie = (a: number) => hashString(model.accounts[a].key, seed);
  const cooldown = new Map<string, PastMove[]>();
  for (const p of ctx.past) cooldown.set(p.accountKey, [...(cooldown.get(p.accountKey) ?? []), p]);
  const byRegion = new Map<string, number[]>();
  for (const r of model.reps) {
    if (ctx.classes[r.index] === null) continue;
    const k = normalizeHeader(r.region);
    byRegion.set(k, [...(byRegion.get(k) ?? []), r.index]);
  }
  const allActive = model.reps.filter((r) => ctx.classes[r.index] !== null).map((r) => r.index);
  const order = [...releases].sort((x, y) => ctx.values[y.account] - ctx.values[x.account] || accTie(x.account) - accTie(y.account) || compareText(model.accounts[x.account].key, model.accounts[y.account].key));

  const moves: Omit<Move, "proposalId">[] = [];
  for (const rel of order) {
    const acc = model.accounts[rel.account];
    const region = acc.region;
    const sameRegion = settings.bool("sameRegionOnly", region);
    const pool = sameRegion ? (byRegion.get(normalizeHeader(region)) ?? []) : allActive;
    const cooldownFrom = addMonths(ctx.periodEnd, -settings.num("cooldownMonths", region));
    const recentLosers = new Set((cooldown.get(acc.key) ?? []).filter((p) => p.day > cooldownFrom).map((p) => p.fromKey));
    const why = { inPool: pool.length, atCap: 0, cooling: 0, stagnant: 0 };
    const eligible: number[] = [];
    for (const r of pool) {
      if (r === acc.owner) continue;
      if (count[r] >= ctx.caps[r].cap) why.atCap++;
      else if (recentLosers.has(model.reps[r].key)) why.cooling++;
      else if (ctx.stagnantReps.has(r)) why.stagnant++;
      else eligible.push(r);
    }
    const preferNew = settings.bool("preferNewReps", region);
    const newOnes = preferNew ? eligible.filter((r) => ctx.classes[r] === "new") : [];
    const group = newOnes.length ? newOnes : eligible;
    const load = (r: number) => (ctx.caps[r].cap > 0 ? value[r] / ctx.caps[r].cap : Infinity);
    let best = -1;
    for (const r of group) {
      if (best < 0 || load(r) < load(best) || (load(r) === load(best) && repTie[r] < repTie[best])) best = r;
    }
    const v = ctx.values[rel.account];
    let recipient: Explanation;
    let handover: Explanation | null = null;
    if (best < 0) {
      recipient = { key: sameRegion ? "recipient.none" : "recipient.noneAnyRegion", params: { region: region || "—", ...why } };
    } else {
      const before = load(best);
      count[best]++;
      value[best] += v;
      if (acc.owner >= 0) {
        count[acc.owner]--;
        value[acc.owner] -= v;
      }
      recipient = {
        key: newOnes.length ? "recipient.new" : "recipient.any",
        params: { repId: model.reps[best].id, name: model.reps[best].name, candidates: group.length, loadBeforeCents: before, loadAfterCents: load(best), cap: ctx.caps[best].cap },
      };
      // A former owner who served the account hands it over with a share; a left owner or a dormant account has nothing to hand over.
      if (acc.owner >= 0 && ctx.classes[acc.owner] !== null && (rel.rule === "STAGNATION" || rel.rule === "OVER_CAPACITY")) {
        handover = {
          key: "handover",
          params: { repId: model.reps[acc.owner].id, sharePct: settings.num("handoverSplitPct", region), months: settings.num("handoverSplitMonths", region) },
        };
      }
    }
    moves.push({ account: rel.account, from: acc.owner, fromText: acc.ownerText, to: best, rule: rel.rule, reason: rel.reason, evidence: rel.evidence, recipient, handover, valueCents: v });
  }
  const repKey = (i: number) => (i >= 0 ? model.reps[i].key : "");
  moves.sort(
    (x, y) =>
      RULE_ORDER[x.rule] - RULE_ORDER[y.rule] ||
      compareText(repKey(x.from) || x.fromText, repKey(y.from) || y.fromText) ||
      y.valueCents - x.valueCents ||
      compareText(model.accounts[x.account].key, model.accounts[y.account].key),
  );
  const prefix = `P${formatMonth(ctx.period).replace("-", "")}-${runNumber}-`;
  const width = Math.max(3, String(moves.length).length);
  return moves.map((m, i) => ({ proposalId: `${prefix}${String(i + 1).padStart(width, "0")}`, ...m }));
}
