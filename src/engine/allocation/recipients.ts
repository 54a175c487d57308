/**
 * Recipient matching: each released account goes to the eligible rep with the highest match score, a
 * weighted mean of factors that are each 0–1 (load, capability, continuity, team, new-rep bonus), within
 * the limits that spread a run (holding cap with a new rep's ramp, accounts per run, share of a region's
 * released value). Ties go by a seeded order of rep ids, never by roster order or seniority.
 */
import { addMonths } from "../cells";
import type { Evaluation } from "../incentives/evaluate";
import { hashString } from "../random";
import { normalizeHeader } from "../schema";
import { compareText, tenureMonths } from "../snapshot";
import { MATCH_FACTORS, type MatchFactor } from "./settingsDefs";
import type { Account } from "../model";
import type { AllocationContext, Explanation, PastMove, Release } from "./types";

export type MatchFactors = Record<MatchFactor, number>;

/** How a recipient was chosen: its score and factors, and the runner-up's. */
export interface Match {
  score: number;
  factors: MatchFactors;
  weights: MatchFactors;
  candidates: number;
  runnerUp: { rep: number; score: number } | null;
}

/** A released account with its recipient (or none), before proposal ids are given. */
export interface Placement {
  release: Release;
  /** Rep index of the recipient, or −1 when no rep could take it within the limits. */
  to: number;
  match: Match | null;
  recipient: Explanation;
  whyThisRep: Explanation;
  handover: Explanation | null;
}

/** Why reps were not eligible for one account, counted. */
interface Exclusions {
  inPool: number;
  atCap: number;
  ramp: number;
  perRun: number;
  share: number;
  cooling: number;
  stagnant: number;
}

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = Float64Array.from(xs).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The cap up to which a rep may receive: the holding cap, except that a new rep whose cap comes from
 * `maxAccountsNew` ramps from a third of it to all of it over `rampMonths` months of tenure.
 * @example rampedCap(40, 0, 3) // 13 (a third, rounded down); rampedCap(40, 3, 3) // 40
 */
export function rampedCap(cap: number, tenure: number, rampMonths: number): number {
  if (rampMonths <= 0 || tenure >= rampMonths) return cap;
  const t = Math.max(0, tenure);
  return Math.floor(cap * (1 / 3 + ((2 / 3) * t) / rampMonths) + 1e-9);
}

/**
 * Capability per rep from this run's scorecard, 0–1: "farm" (retention and satisfaction, for accounts
 * above their region's median value) and "hunt" (new-customer development, for dormant, orphan and
 * smaller accounts). A rep without data gets the region's median, and 0.5 when nobody there has data.
 */
function capabilities(ctx: AllocationContext, evaluation: Evaluation) {
  const { model } = ctx;
  const farm: (number | null)[] = model.reps.map(() => null);
  const hunt: (number | null)[] = model.reps.map(() => null);
  for (const row of evaluation.scorecard) {
    const d = row.dimensions;
    const f = [d.retention, d.satisfaction].filter((x): x is number => x !== null);
    farm[row.rep] = f.length ? f.reduce((s, x) => s + x, 0) / f.length / 100 : null;
    // A rep who sold nothing in the window (a new hire, say) has no record to judge, not a record of 0.
    const sold = row.figures.creditedCents > 0 || row.figures.wonAccounts > 0;
    hunt[row.rep] = d.newCustomers === null || !sold ? null : d.newCustomers / 100;
  }
  const fill = (xs: (number | null)[]) => {
    const byRegion = new Map<string, number[]>();
    for (const r of model.reps) {
      if (ctx.classes[r.index] === null || xs[r.index] === null) continue;
      const k = normalizeHeader(r.region);
      const list = byRegion.get(k) ?? [];
      list.push(xs[r.index]!);
      byRegion.set(k, list);
    }
    const medians = new Map<string, number>();
    const medianOf = (region: string) => {
      const k = normalizeHeader(region);
      let m = medians.get(k);
      if (m === undefined) medians.set(k, (m = median(byRegion.get(k) ?? []) ?? 0.5));
      return m;
    };
    return model.reps.map((r) => {
      const own = xs[r.index];
      if (own !== null) return { value: clamp01(own), own: true };
      return { value: medianOf(r.region), own: false };
    });
  };
  return { farm: fill(farm), hunt: fill(hunt) };
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The median 12-month value of the accounts of each region (by normalised name). */
function regionMedians(ctx: AllocationContext, regionKey: (region: string) => string): Map<string, number> {
  const { model } = ctx;
  const byRegion = new Map<string, number[]>();
  for (let a = 0; a < model.accounts.length; a++) {
    const k = regionKey(model.accounts[a].region);
    let list = byRegion.get(k);
    if (!list) byRegion.set(k, (list = []));
    list.push(ctx.values[a]);
  }
  return new Map([...byRegion].map(([k, xs]) => [k, median(xs) ?? 0]));
}

/**
 * Continuity: who sold to each released account in the 12 months to the period (Rep ID on Sales). Per
 * released account, its sales with a Rep ID as an index range into one typed array (no object per account:
 * most released accounts are never scored), and its total.
 */
function continuityRows(ctx: AllocationContext, releases: readonly Release[]): { soldTotal: Float64Array; soldStart: Int32Array; soldRows: Int32Array } {
  const { model, period } = ctx;
  const isReleased = new Uint8Array(model.accounts.length);
  for (let i = 0; i < releases.length; i++) isReleased[releases[i].account] = 1;
  const soldTotal = new Float64Array(model.accounts.length);
  const { sales } = model;
  // One pass over the sales keeps the rows that matter (released account, last 12 months, a sale);
  // the index ranges are then built from those rows only.
  const soldStart = new Int32Array(model.accounts.length + 1);
  const kept = new Int32Array(sales.count);
  let nKept = 0;
  for (let i = 0; i < sales.count; i++) {
    const m = sales.month[i];
    if (m > period || m <= period - 12) continue;
    const a = sales.account[i];
    const c = sales.cents[i];
    if (isReleased[a] !== 1 || c <= 0) continue;
    soldTotal[a] += c;
    if (sales.rep[i] < 0) continue;
    soldStart[a + 1]++;
    kept[nKept++] = i;
  }
  for (let a = 0; a < model.accounts.length; a++) soldStart[a + 1] += soldStart[a];
  const soldRows = new Int32Array(nKept);
  const fill = soldStart.slice(0, model.accounts.length);
  for (let k = 0; k < nKept; k++) soldRows[fill[sales.account[kept[k]]]++] = kept[k];
  return { soldTotal, soldStart, soldRows };
}

/**
 * Places every released account, biggest first, on the best-matching eligible rep.
 * @example placeReleases(ctx, releases, evaluation).filter((p) => p.to < 0) // what stays, with why
 */
export function placeReleases(ctx: AllocationContext, releases: readonly Release[], evaluation: Evaluation): Placement[] {
  const { model, settings, seed, period } = ctx;
  const nR = model.reps.length;
  // A released account still counts for its owner until someone takes it: a release that finds no
  // recipient stays, so it must never have freed room under the owner's own cap.
  const count = ctx.owned.map((list) => list.length);
  const value = ctx.owned.map((list) => list.reduce((s, a) => s + ctx.values[a], 0));
  const received = new Int32Array(nR);
  /** Value (refunds count as 0) and accounts received per rep in this run, per region key. */
  const receivedValue = new Map<string, { value: Float64Array; count: Int32Array }>();
  const repTie = model.reps.map((r) => hashString(r.key, seed ^ 0x9e3779b9));
  const accTie = ctx.accountTie;
  const cooldown = new Map<string, PastMove[]>();
  for (const p of ctx.past) cooldown.set(p.accountKey, [...(cooldown.get(p.accountKey) ?? []), p]);
  // Region names normalised once per distinct name (normalizeHeader is not cheap, and runs per account).
  const regionKeys = new Map<string, string>();
  const regionKey = (region: string) => {
    let k = regionKeys.get(region);
    if (k === undefined) regionKeys.set(region, (k = normalizeHeader(region)));
    return k;
  };
  const byRegion = new Map<string, number[]>();
  for (const r of model.reps) {
    if (ctx.classes[r.index] === null) continue;
    const k = regionKey(r.region);
    const list = byRegion.get(k) ?? [];
    list.push(r.index);
    byRegion.set(k, list);
  }
  const allActive = model.reps.filter((r) => ctx.classes[r.index] !== null).map((r) => r.index);
  const tenure = model.reps.map((r) => (r.hireDay === null ? null : tenureMonths(r.hireDay, period)));
  const receivingCap = model.reps.map((r, i) => {
    const { cap, source } = ctx.caps[i];
    if (ctx.classes[i] !== "new" || source !== "maxAccountsNew") return cap;
    return rampedCap(cap, tenure[i] ?? 0, settings.num("rampMonths", r.region));
  });
  const { farm, hunt } = capabilities(ctx, evaluation);

  // The released value per region (the base of maxShareOfMovedValue) and the account values' medians.
  const releasedValue = new Map<string, number>();
  for (let i = 0; i < releases.length; i++) {
    const rel = releases[i];
    const k = regionKey(model.accounts[rel.account].region);
    releasedValue.set(k, (releasedValue.get(k) ?? 0) + Math.max(0, ctx.values[rel.account]));
  }
  const regionMedian = regionMedians(ctx, regionKey);
  const { soldTotal, soldStart, soldRows } = continuityRows(ctx, releases);
  const { sales } = model;

  // Biggest first; sorted as indices over typed keys (tens of thousands of releases at scale).
  const releaseValue = new Float64Array(releases.length);
  const releaseTie = new Float64Array(releases.length);
  const byValue = new Int32Array(releases.length);
  for (let i = 0; i < releases.length; i++) {
    releaseValue[i] = ctx.values[releases[i].account];
    releaseTie[i] = accTie(releases[i].account);
    byValue[i] = i;
  }
  // The comparator answers −1, 0 or 1: a difference of cents in the billions would be a heap number per comparison.
  byValue.sort((x, y) => {
    const v = releaseValue[y] - releaseValue[x];
    if (v > 0) return 1;
    if (v < 0) return -1;
    const t = releaseTie[x] - releaseTie[y];
    if (t > 0) return 1;
    if (t < 0) return -1;
    return compareText(model.accounts[releases[x].account].key, model.accounts[releases[y].account].key);
  });
  const order: Release[] = new Array(releases.length);
  for (let i = 0; i < releases.length; i++) order[i] = releases[byValue[i]];
  // Per region, the settings a placement reads (looked up once, not once per account).
  const regional = new Map<string, RegionalSettings>();
  const settingsOf = (region: string) => {
    let r = regional.get(region);
    if (!r) {
      const weights = Object.fromEntries(MATCH_FACTORS.map((f) => [f, settings.num(`match.${f}`, region)])) as MatchFactors;
      r = {
        key: regionKey(region),
        sameRegion: settings.bool("sameRegionOnly", region),
        cooldownMonths: settings.num("cooldownMonths", region),
        // Moves are applied after the period they belong to, so "0 months" must mean no cooldown at all.
        cooldownFrom: addMonths(ctx.periodEnd, -settings.num("cooldownMonths", region)),
        perRunMax: settings.num("maxNewAccountsPerRun", region),
        sharePct: settings.num("maxShareOfMovedValue", region),
        weights,
        weightSum: MATCH_FACTORS.reduce((sum, f) => sum + weights[f], 0),
        preferNew: settings.bool("preferNewReps", region),
      };
      regional.set(region, r);
    }
    return r;
  };
  const managerKey = model.reps.map((r) => normalizeHeader(r.manager));
  const branchKey = model.reps.map((r) => normalizeHeader(r.branch));
  const isNew = model.reps.map((r) => ctx.classes[r.index] === "new");
  const holdingCap = Float64Array.from(ctx.caps, (c) => c.cap);
  const stagnant = new Uint8Array(nR);
  for (const r of ctx.stagnantReps) stagnant[r] = 1;
  /** Why a rep cannot receive anything now, whatever the account; "open" when it can. */
  const closedBy = (r: number, perRunMax: number): "atCap" | "ramp" | "stagnant" | "perRun" | "open" =>
    count[r] >= holdingCap[r] ? "atCap" : count[r] >= receivingCap[r] ? "ramp" : stagnant[r] ? "stagnant" : received[r] >= perRunMax ? "perRun" : "open";
  // A pool's scan holds until a placement changes someone's counts: after the first few hundred moves most
  // reps are closed, and tens of thousands of releases would otherwise rescan the same reps.
  let version = 0;
  const scans = new Map<number[], Scan>();
  const scanOf = (pool: number[], perRunMax: number) => {
    const cached = scans.get(pool);
    if (cached && cached.version === version && cached.perRunMax === perRunMax) return cached;
    const scan = { version, perRunMax, open: [] as number[], members: cached?.members ?? new Set(pool), size: pool.length, atCap: 0, ramp: 0, stagnant: 0, perRun: 0 };
    for (let i = 0; i < pool.length; i++) {
      const r = pool[i];
      const c = closedBy(r, perRunMax);
      if (c === "open") scan.open.push(r);
      else scan[c]++;
    }
    scans.set(pool, scan);
    return scan;
  };
  const out: Placement[] = [];
  const recipientMemo = new Map<string, Explanation>();
  /**
   * Why nobody took a release, one object per distinct set of counts: once a region is saturated,
   * thousands of releases are held by the same counts.
   */
  const heldRecipient = (why: Exclusions, region: string, orphaned: boolean, sameRegion: boolean, perRunMax: number, sharePct: number): Explanation => {
    const key = orphaned ? "recipient.unplaced" : sameRegion ? "recipient.none" : "recipient.noneAnyRegion";
    const memoKey = `${key}|${region}|${why.inPool}|${why.atCap}|${why.ramp}|${why.perRun}|${why.share}|${why.cooling}|${why.stagnant}|${perRunMax}|${sharePct}`;
    let r = recipientMemo.get(memoKey);
    if (!r) recipientMemo.set(memoKey, (r = { key, params: { region: region || "—", inPool: why.inPool, limits: exclusionParts(why, { perRunMax, sharePct, region }) } }));
    return r;
  };
  // What held the placed stage, one object per recipient explanation (tens of thousands of releases share a few).
  const blockedBy = new Map<Explanation, Explanation>();
  const hold = (rel: Release, recipient: Explanation) => {
    let blocked = blockedBy.get(recipient);
    if (!blocked) blockedBy.set(recipient, (blocked = { key: "blocked.placed", params: { region: recipient.params.region, limits: recipient.params.limits } }));
    ctx.funnel.explain(rel.rule, rel.region, "placed", blocked);
    out.push({ release: rel, to: -1, match: null, recipient, whyThisRep: recipient, handover: null });
  };
  const scratch: MatchFactors = { load: 0, capability: 0, continuity: 0, team: 0, newRep: 0 };
  // Per rep, what they sold to the account being placed (reset for the reps `soldBy` lists).
  const soldCents = new Float64Array(nR);
  const soldLast = new Float64Array(nR).fill(-Infinity);
  const soldBy: number[] = [];
  const heldMemo = new WeakMap<object, Map<number, Map<number, Explanation>>>();
  // One release at a time, in a function of its own: called tens of thousands of times, it is optimised
  // early and stays so, where a loop body inside this long function would run unoptimised for most of it.
  /**
   * A release some reps in its pool can take: each eligible rep is scored and the best one receives it.
   * Apart from the many releases a saturated pool holds, so that the short path is optimised on its own.
   */
  const placeAmong = (
    rel: Release,
    acc: Account,
    rs: RegionalSettings,
    pool: number[],
    recentLosers: Set<string> | null,
    shareLimit: number,
    got: { value: Float64Array; count: Int32Array },
    scan: Scan,
    orphaned: boolean,
  ): void => {
    const region = acc.region;
    const regionKey = rs.key;
    const v = ctx.values[rel.account];
    const sameRegion = rs.sameRegion;
    const { perRunMax, sharePct } = rs;
    const shareOf = Math.max(0, v);
    const why: Exclusions = { inPool: scan.size, atCap: scan.atCap, ramp: scan.ramp, perRun: scan.perRun, share: 0, cooling: 0, stagnant: scan.stagnant };
    const drop = (r: number, to: "owner" | "cooling") => {
      const c = closedBy(r, perRunMax);
      if (c === "open") {
        if (to === "cooling") why.cooling++;
        return true;
      }
      // cooling outranks stagnant and per-run (as the reasons are listed), not the cap or the ramp
      if (to === "owner") why[c]--;
      else if (c === "stagnant" || c === "perRun") {
        why[c]--;
        why.cooling++;
      }
      return false;
    };
    let open = scan.open;
    const ownerInPool = acc.owner >= 0 && scan.members.has(acc.owner);
    const leaving = new Set<number>();
    if (ownerInPool) {
      why.inPool--;
      if (drop(acc.owner, "owner")) leaving.add(acc.owner);
    }
    if (recentLosers) {
      for (const r of pool) if (r !== acc.owner && recentLosers.has(model.reps[r].key) && drop(r, "cooling")) leaving.add(r);
    }
    if (leaving.size) open = open.filter((r) => !leaving.has(r));
    // The share limit spreads a region's released value when there is someone to spread it to; a single
    // account larger than the share may still go to a rep who has received nothing else in this run.
    const eligible = open.length >= 2 ? open.filter((r) => got!.count[r] === 0 || got!.value[r] + shareOf <= shareLimit + 1e-6) : open;
    why.share = open.length - eligible.length;

    // Nobody can take it: no factors to weigh, only the limits to name.
    if (!eligible.length) {
      hold(rel, heldRecipient(why, region, orphaned, sameRegion, perRunMax, sharePct));
      return;
    }

    // Factors.
    const { weights, weightSum, preferNew } = rs;
    const farming = rel.rule !== "DORMANT" && rel.rule !== "ORPHAN" && v > (regionMedian.get(regionKey) ?? 0);
    const capability = farming ? farm : hunt;
    // What each rep sold to this account in the 12 months, summed once (every candidate is asked).
    for (const r of soldBy) {
      soldCents[r] = 0;
      soldLast[r] = -Infinity;
    }
    soldBy.length = 0;
    for (let k = soldStart[rel.account]; k < soldStart[rel.account + 1]; k++) {
      const i = soldRows[k];
      const r = sales.rep[i];
      if (soldLast[r] === -Infinity && soldCents[r] === 0) soldBy.push(r);
      soldCents[r] += sales.cents[i];
      if (sales.month[i] > soldLast[r]) soldLast[r] = sales.month[i];
    }
    /** What a rep sold to this account in the 12 months, or null. */
    const soldOf = (r: number) => (soldCents[r] > 0 ? { cents: soldCents[r], lastMonth: soldLast[r] } : null);
    const owner = acc.owner >= 0 ? model.reps[acc.owner] : null;
    const teamBy: "manager" | "branch" | null = owner ? (owner.manager ? "manager" : owner.branch ? "branch" : null) : null;
    const teamKeys = teamBy === "manager" ? managerKey : branchKey;
    const ownerTeam = owner && teamBy ? teamKeys[owner.index] : "";
    const loadOf = (r: number) => (receivingCap[r] > 0 ? value[r] / receivingCap[r] : Infinity);
    let maxLoad = 0;
    for (const r of eligible) maxLoad = Math.max(maxLoad, loadOf(r));
    const total = soldTotal[rel.account];
    /** A candidate's factors, written into `f` (the scan over every candidate reuses one object). */
    const fillFactors = (r: number, f: MatchFactors): MatchFactors => {
      const cap = receivingCap[r];
      const headroom = cap > 0 ? clamp01(1 - count[r] / cap) : 0;
      const lighter = maxLoad > 0 ? clamp01(1 - loadOf(r) / maxLoad) : 1;
      const sold = soldOf(r);
      f.load = (headroom + lighter) / 2;
      f.capability = capability[r].value;
      f.continuity = sold && total > 0 ? 0.5 + 0.5 * (sold.cents / total) : 0;
      f.team = ownerTeam && teamKeys[r] === ownerTeam ? 1 : 0;
      f.newRep = preferNew && isNew[r] ? 1 : 0;
      return f;
    };
    const factorsOf = (r: number) => fillFactors(r, { load: 0, capability: 0, continuity: 0, team: 0, newRep: 0 });
    const quickScore = (r: number) => {
      if (weightSum <= 0) return 0;
      const f = fillFactors(r, scratch);
      return (weights.load * f.load + weights.capability * f.capability + weights.continuity * f.continuity + weights.team * f.team + weights.newRep * f.newRep) / weightSum;
    };
    let best = -1;
    let bestScore = -Infinity;
    let second = -1;
    let secondScore = -Infinity;
    const better = (r: number, sc: number, than: number, thanScore: number) => than < 0 || sc > thanScore || (sc === thanScore && repTie[r] < repTie[than]);
    for (const r of eligible) {
      const sc = quickScore(r);
      if (better(r, sc, best, bestScore)) {
        second = best;
        secondScore = bestScore;
        best = r;
        bestScore = sc;
      } else if (better(r, sc, second, secondScore)) {
        second = r;
        secondScore = sc;
      }
    }


    const f = factorsOf(best);
    const runnerFactors = second >= 0 ? factorsOf(second) : null;
    const before = loadOf(best);
    count[best]++;
    value[best] += v;
    received[best]++;
    version++;
    got.value[best] += shareOf;
    got.count[best]++;
    if (acc.owner >= 0) {
      count[acc.owner]--;
      value[acc.owner] -= v;
    }
    ctx.funnel.add(rel.rule, rel.region, "placed");
    const match: Match = { score: bestScore, factors: f, weights, candidates: eligible.length, runnerUp: second >= 0 ? { rep: second, score: secondScore } : null };
    const rep = model.reps[best];
    const sold = soldOf(best);
    const phrases: Explanation[] = [];
    // What set the winner apart from the runner-up (weighted advantage), biggest first; alone, what it scored on.
    const rf = runnerFactors;
    const edge = (k: MatchFactor) => weights[k] * (f[k] - (rf ? rf[k] : 0));
    const ranked = MATCH_FACTORS.filter((k) => edge(k) > 1e-12).sort((x, y) => edge(y) - edge(x) || MATCH_FACTORS.indexOf(x) - MATCH_FACTORS.indexOf(y));
    for (const k of ranked.slice(0, 3)) {
      if (k === "continuity" && sold) phrases.push({ key: "why.continuity", params: { lastMonth: sold.lastMonth, sharePct: sold.cents / soldTotal[rel.account] } });
      else if (k === "team") phrases.push({ key: teamBy === "manager" ? "why.team.manager" : "why.team.branch", params: {} });
      else if (k === "capability") phrases.push({ key: farming ? "why.capability.farm" : "why.capability.hunt", params: { capabilityScore: f.capability, own: capability[best].own ? "" : "why.regionMedian" } });
      else if (k === "load") phrases.push({ key: "why.load", params: { held: count[best] - 1, cap: receivingCap[best] } });
      else if (k === "newRep") phrases.push({ key: "why.newRep", params: {} });
    }
    if (!phrases.length && rf) phrases.push({ key: "why.tie", params: {} });
    const whyThisRep: Explanation = {
      key: match.runnerUp ? "why" : "why.alone",
      params: {
        repId: rep.id,
        score: bestScore,
        parts: phrases,
        runnerUpId: match.runnerUp ? model.reps[match.runnerUp.rep].id : "",
        runnerUpScore: match.runnerUp ? match.runnerUp.score : 0,
      },
    };
    const recipient: Explanation = {
      key: "recipient.match",
      params: {
        repId: rep.id,
        name: rep.name,
        candidates: eligible.length,
        score: bestScore,
        loadScore: f.load,
        capabilityScore: f.capability,
        capabilityBasis: farming ? "basis.farm" : "basis.hunt",
        continuityScore: f.continuity,
        teamScore: f.team,
        newRepScore: f.newRep,
        // Each factor named in the sheet's language (the rendered list takes the locale's separator).
        weights: MATCH_FACTORS.map((k) => ({ key: `weight.${k}`, params: { weight: weights[k] } })),
        cap: receivingCap[best],
        loadBeforeCents: before,
        loadAfterCents: loadOf(best),
      },
    };
    let handover: Explanation | null = null;
    // A former owner who served the account hands it over with a share; a left owner or a dormant account has nothing to hand over.
    if (acc.owner >= 0 && ctx.classes[acc.owner] !== null && (rel.rule === "STAGNATION" || rel.rule === "UNDERSERVED" || rel.rule === "OVER_CAPACITY")) {
      handover = { key: "handover", params: { repId: model.reps[acc.owner].id, sharePct: settings.num("handoverSplitPct", region), months: settings.num("handoverSplitMonths", region) } };
    }
    out.push({ release: rel, to: best, match, recipient, whyThisRep, handover });
  };
  const placeOne = (rel: Release): void => {
    const acc = model.accounts[rel.account];
    const region = acc.region;
    const rs = settingsOf(region);
    const regionKey = rs.key;
    const v = ctx.values[rel.account];
    const sameRegion = rs.sameRegion;
    const pool = sameRegion ? (byRegion.get(regionKey) ?? []) : allActive;
    const cooldownFrom = rs.cooldownFrom;
    const past = cooldown.size ? cooldown.get(acc.key) : undefined;
    const recentLosers = past && rs.cooldownMonths > 0 ? new Set(past.filter((p) => p.day > cooldownFrom).map((p) => p.fromKey)) : null;
    const { perRunMax, sharePct } = rs;
    const shareLimit = sharePct * (releasedValue.get(regionKey) ?? 0);
    let got = receivedValue.get(regionKey);
    if (!got) receivedValue.set(regionKey, (got = { value: new Float64Array(nR), count: new Int32Array(nR) }));
    const shareOf = Math.max(0, v);

    // Who is closed for reasons that do not depend on the account (cap, ramp, stagnant, per run), from the
    // scan cache; then the owner and those cooling down on this account are taken out.
    const scan = scanOf(pool, perRunMax);
    const orphaned = acc.owner < 0 || ctx.classes[acc.owner] === null;
    if (!scan.open.length && !recentLosers) {
      // Nobody in the pool can take anything until a placement changes the counts (most releases of a big
      // run): the explanation depends only on the scan and where the owner stands, so it is built once.
      const ownerCat = acc.owner >= 0 && scan.members.has(acc.owner) ? closedBy(acc.owner, perRunMax) : "none";
      let bySharePct = heldMemo.get(scan);
      if (!bySharePct) heldMemo.set(scan, (bySharePct = new Map()));
      let memo = bySharePct.get(sharePct);
      if (!memo) bySharePct.set(sharePct, (memo = new Map()));
      const k = OWNER_CATS.indexOf(ownerCat) * 4 + (orphaned ? 2 : 0) + (sameRegion ? 1 : 0);
      let recipient = memo.get(k);
      if (!recipient) {
        const held: Exclusions = { inPool: scan.size, atCap: scan.atCap, ramp: scan.ramp, perRun: scan.perRun, share: 0, cooling: 0, stagnant: scan.stagnant };
        if (ownerCat !== "none" && ownerCat !== "open") {
          held.inPool--;
          held[ownerCat]--;
        }
        memo.set(k, (recipient = heldRecipient(held, region, orphaned, sameRegion, perRunMax, sharePct)));
      }
      hold(rel, recipient);
      return;
    }
    placeAmong(rel, acc, rs, pool, recentLosers, shareLimit, got, scan, orphaned);
  };
  for (let o = 0; o < order.length; o++) placeOne(order[o]);
  return out;
}

const OWNER_CATS = ["none", "open", "atCap", "ramp", "stagnant", "perRun"] as const;

/** The settings a placement reads for a region, looked up once per region. */
interface RegionalSettings {
  key: string;
  sameRegion: boolean;
  cooldownMonths: number;
  cooldownFrom: number;
  perRunMax: number;
  sharePct: number;
  weights: MatchFactors;
  weightSum: number;
  preferNew: boolean;
}

/** A pool's reps by why they cannot receive now (cap, ramp, stagnant, per run), or open; valid for one `version`. */
interface Scan {
  version: number;
  perRunMax: number;
  open: number[];
  members: Set<number>;
  size: number;
  atCap: number;
  ramp: number;
  stagnant: number;
  perRun: number;
}

/** The non-zero exclusion counts as sentence parts, in a fixed order. */
function exclusionParts(why: Exclusions, ctx: { perRunMax: number; sharePct: number; region: string }): Explanation[] {
  const parts: Explanation[] = [];
  if (why.atCap > 0) parts.push({ key: "limit.atCap", params: { count: why.atCap } });
  if (why.ramp > 0) parts.push({ key: "limit.ramp", params: { count: why.ramp } });
  if (why.perRun > 0) parts.push({ key: "limit.perRun", params: { count: why.perRun, max: ctx.perRunMax } });
  if (why.share > 0) parts.push({ key: "limit.share", params: { count: why.share, sharePct: ctx.sharePct } });
  if (why.cooling > 0) parts.push({ key: "limit.cooling", params: { count: why.cooling } });
  if (why.stagnant > 0) parts.push({ key: "limit.stagnant", params: { count: why.stagnant } });
  if (!parts.length) parts.push({ key: "limit.nobody", params: {} });
  return parts;
}
