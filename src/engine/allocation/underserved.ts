/**
 * UNDERSERVED, a per-account rule: an account whose value over the last `underservedMonths` fell while
 * its peers (same Industry, else same Level, in the same region) grew is not having its potential tapped;
 * it is released for matching when its growth trails the peers' median by `underservedGapPct` or more.
 */
import { addMonths } from "../cells";
import { explainRejected, regionsOf } from "./diagnostics";
import { def, ruleSwitch } from "./settingsDefs";
import { growth } from "./stagnation";
import type { Account } from "../model";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "UNDERSERVED";

/** An account's segment: its Industry when the sheet has one, else its Level; "" when neither. */
export function segmentOf(acc: { industry: string; level: string }): string {
  return acc.industry || acc.level;
}


/**
 * Growth of every account over the last `months` months against the `months` before (NaN when it sold
 * nothing in either), from the run's monthly matrix. Typed arrays: this runs over every account.
 * @example windowGrowth(ctx, 6).g[0] // −0.25: a quarter less than the six months before
 */
export function windowGrowth(ctx: AllocationContext, months: number): { now: Float64Array; before: Float64Array; g: Float64Array } {
  const { span, monthly } = ctx;
  const n = ctx.model.accounts.length;
  const now = new Float64Array(n);
  const before = new Float64Array(n);
  const g = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let j = span - months; j < span; j++) now[a] += monthly[a * span + j];
    for (let j = span - 2 * months; j < span - months; j++) before[a] += monthly[a * span + j];
    g[a] = growth(now[a], before[a]) ?? NaN;
  }
  return { now, before, g };
}

/** An owned account judged against its peers: its growth, the peers' median and how many there are. */
export interface PeerFigures {
  segment: string;
  months: number;
  peers: number;
  growth: number | null;
  peerMedian: number | null;
  beforeCents: number;
  nowCents: number;
}

/** Every owned account's figures against its peers, column-wise (this covers 100k accounts). */
export interface PeerTable {
  /** Peer group per account (region and segment), −1 without a segment or an owner. */
  group: Int32Array;
  groups: { segment: string; months: number }[];
  peers: Int32Array;
  /** NaN where there is no figure. */
  growth: Float64Array;
  peerMedian: Float64Array;
  before: Float64Array;
  now: Float64Array;
}

/**
 * Each owned account's growth over `underservedMonths` (by region) against its peers': the accounts of the
 * same segment in the same region with a growth figure, itself excepted. Medians come from one sorted list
 * per group, so 100k accounts cost a sort per group, not a scan per account.
 * @example const t = underservedFigures(ctx); t.peerMedian[0]
 */
export function underservedFigures(ctx: AllocationContext): PeerTable {
  // The rule and the watch list both ask; the figures are computed once per run.
  const cached = figuresOf.get(ctx);
  if (cached) return cached;
  const { model, settings } = ctx;
  const n = model.accounts.length;
  const byMonths = new Map<number, ReturnType<typeof windowGrowth>>();
  const growthFor = (months: number) => {
    let w = byMonths.get(months);
    if (!w) byMonths.set(months, (w = windowGrowth(ctx, months)));
    return w;
  };
  // Group index per account (by region and segment), then one sorted list of growth figures per group.
  const groupIds = new Map<string, Map<string, number>>();
  const groupOf = new Int32Array(n).fill(-1);
  const groups: { segment: string; months: number; figures: number[]; sorted: Float64Array }[] = [];
  for (let a = 0; a < n; a++) {
    const acc = model.accounts[a];
    const seg = segmentOf(acc);
    if (!seg) continue;
    let bySegment = groupIds.get(acc.region);
    if (!bySegment) groupIds.set(acc.region, (bySegment = new Map()));
    let id = bySegment.get(seg);
    if (id === undefined) {
      bySegment.set(seg, (id = groups.length));
      groups.push({ segment: seg, figures: [], sorted: new Float64Array(0), months: settings.num("underservedMonths", acc.region) });
    }
    groupOf[a] = id;
    const g = growthFor(groups[id].months).g[a];
    if (!Number.isNaN(g)) groups[id].figures.push(g);
  }
  // Ascending as numbers, without a comparator (figures are never NaN here).
  for (const g of groups) g.sorted = new Float64Array(g.figures).sort();
  const t: PeerTable = {
    group: new Int32Array(n).fill(-1),
    groups: groups.map(({ segment, months }) => ({ segment, months })),
    peers: new Int32Array(n),
    growth: new Float64Array(n).fill(NaN),
    peerMedian: new Float64Array(n).fill(NaN),
    before: new Float64Array(n),
    now: new Float64Array(n),
  };
  for (let a = 0; a < n; a++) {
    const acc = model.accounts[a];
    const id = groupOf[acc.index];
    // Only owned accounts are ever judged (the rule and the watch list skip the rest).
    if (id < 0 || acc.owner < 0) continue;
    const group = groups[id];
    const w = growthFor(group.months);
    const g = w.g[acc.index];
    const own = Number.isNaN(g) ? null : g;
    t.group[acc.index] = id;
    t.peers[acc.index] = group.sorted.length - (own === null ? 0 : 1);
    t.growth[acc.index] = g;
    t.peerMedian[acc.index] = medianWithout(group.sorted, own) ?? NaN;
    t.before[acc.index] = w.before[acc.index];
    t.now[acc.index] = w.now[acc.index];
  }
  figuresOf.set(ctx, t);
  return t;
}
const figuresOf = new WeakMap<AllocationContext, PeerTable>();

/** One account's figures as an object (for its evidence), or undefined when it has no peer group. */
export function peerFigure(t: PeerTable, a: number): PeerFigures | undefined {
  const id = t.group[a];
  if (id < 0) return undefined;
  const nan = (x: number) => (Number.isNaN(x) ? null : x);
  return {
    segment: t.groups[id].segment,
    months: t.groups[id].months,
    peers: t.peers[a],
    growth: nan(t.growth[a]),
    peerMedian: nan(t.peerMedian[a]),
    beforeCents: t.before[a],
    nowCents: t.now[a],
  };
}

/**
 * Whether an account fell while its peers grew, by at least `gap` more than it (read from the table's
 * columns, without building the account's object).
 * @example underservedAt(underservedFigures(ctx), 0, 0.3)
 */
export function underservedAt(t: PeerTable, a: number, gap: number): boolean {
  const g = t.growth[a];
  const m = t.peerMedian[a];
  return g < 0 && m > 0 && m - g >= gap - 1e-12;
}

/** The median of a sorted list with one occurrence of `x` taken out (none when x is null); null when empty. */
export function medianWithout(sorted: ArrayLike<number>, x: number | null): number | null {
  let skip = -1;
  if (x !== null) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    skip = lo;
  }
  const n = sorted.length - (skip >= 0 ? 1 : 0);
  if (n <= 0) return null;
  const at = (k: number) => (skip >= 0 && k >= skip ? sorted[k + 1] : sorted[k]);
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

export const underserved: AllocationRule = {
  id: ID,
  stages: ["examined", "inScope", "triggered", "released", "placed"],
  settings: [
    ruleSwitch(ID, "Accounts that shrink while their peers grow are released", "同类客户增长而本客户下滑时释放该客户", { "en-US": "Move accounts that trail their peers", "zh-CN": "调整增长落后于同类的客户" }),
    def("underservedMonths", "int", 6, ID, "Months compared with the same number of months before them.", "与之前同样月数对比的月数。", { label: { "en-US": "Months compared", "zh-CN": "比较的月数" }, min: 1, max: 12 }),
    def("underservedMinPeers", "int", 5, ID, "Peers (same Industry, else Level, in the region) needed before an account is judged against them.", "判断前所需的同类客户数（同区域同行业，无行业列时看客户等级）。", { label: { "en-US": "Peers needed for a comparison", "zh-CN": "比较所需的同类客户数" }, min: 1, max: 10000 }),
    def("underservedGapPct", "percent", 0.3, ID, "How far (in percentage points) the account's growth must trail its peers' median growth.", "本客户增长低于同类客户增长中位数的幅度（百分点）。", { label: { "en-US": "Growth gap to the peers", "zh-CN": "与同类的增长差距" }, min: 0, max: 10 }),
  ],
  evaluate(ctx: AllocationContext): Release[] {
    const { model, settings, funnel } = ctx;
    const out: Release[] = [];
    const figures = underservedFigures(ctx);
    const rejected = new Map<string, number>();
    const noPeers = new Map<string, number>();
    const protectFroms = new Map<string, number>();
    const byRegion = new Map<string, { minPeers: number; gap: number }>();
    // One account at a time, in a function of its own: optimised after its first few hundred calls.
    const judgeAccount = (acc: Account): void => {
      const region = acc.region;
      if (ctx.released.has(acc.index) || !ctx.ruleOn(ID, region)) return;
      // Only an account someone is working can be underserved; orphans are ORPHAN's.
      if (acc.owner < 0 || ctx.classes[acc.owner] === null) return;
      funnel.add(ID, region, "examined");
      const peers = figures.group[acc.index] < 0 ? 0 : figures.peers[acc.index];
      let limits = byRegion.get(region);
      if (!limits) byRegion.set(region, (limits = { minPeers: settings.num("underservedMinPeers", region), gap: settings.num("underservedGapPct", region) }));
      if (peers < limits.minPeers) {
        noPeers.set(region, Math.max(noPeers.get(region) ?? 0, peers));
        return;
      }
      funnel.add(ID, region, "inScope");
      const gap = limits.gap;
      if (!underservedAt(figures, acc.index, gap)) return;
      if (acc.protected) return;
      let protectFrom = protectFroms.get(region);
      if (protectFrom === undefined) protectFroms.set(region, (protectFrom = addMonths(ctx.periodEnd, -settings.num("protectWonWithinMonths", region))));
      if (acc.acquiredDay !== null && acc.acquiredDay > protectFrom) return;
      funnel.add(ID, region, "triggered");
      if (ctx.remembersRejection(acc.index, ID)) {
        rejected.set(region, (rejected.get(region) ?? 0) + 1);
        return;
      }
      const f = peerFigure(figures, acc.index)!;
      const params = {
        segment: f.segment,
        region: region || "—",
        months: f.months,
        peers: f.peers,
        growthPct: f.growth as number,
        peerMedianPct: f.peerMedian as number,
        gapPct: gap,
        beforeCents: f.beforeCents,
        nowCents: f.nowCents,
      };
      out.push({ account: acc.index, rule: ID, region, reason: { key: "reason.UNDERSERVED", params }, evidence: { key: "evidence.UNDERSERVED", params } });
    };
    for (let i = 0; i < model.accounts.length; i++) judgeAccount(model.accounts[i]);
    for (const region of regionsOf(ctx)) {
      funnel.explain(ID, region, "inScope", {
        key: "blocked.UNDERSERVED.peers",
        params: { region: region || "—", minPeers: settings.num("underservedMinPeers", region), most: noPeers.get(region) ?? 0 },
      });
      funnel.explain(ID, region, "triggered", {
        key: "blocked.UNDERSERVED.none",
        params: { accounts: funnel.count(ID, region, "inScope"), gapPct: settings.num("underservedGapPct", region), region: region || "—" },
      });
      explainRejected(ctx, ID, region, rejected.get(region));
    }
    return out;
  },
};
