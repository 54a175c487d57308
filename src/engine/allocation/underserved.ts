/**
 * UNDERSERVED, a per-account rule: an account whose value over the last `underservedMonths` fell while
 * its peers (same Industry, else same Level, in the same region) grew is not having its potential tapped;
 * it is released for matching when its growth trails the peers' median by `underservedGapPct` or more.
 */
import { addMonths } from "../cells";
import { regionsOf } from "./diagnostics";
import { def, ruleSwitch } from "./settingsDefs";
import { growth } from "./stagnation";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "UNDERSERVED";

/** An account's segment: its Industry when the sheet has one, else its Level; "" when neither. */
export function segmentOf(acc: { industry: string; level: string }): string {
  return acc.industry || acc.level;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Growth of every account over the last `months` months against the `months` before (null when it sold
 * nothing in either), from the run's monthly matrix.
 * @example windowGrowth(ctx, 6)[0] // −0.25: a quarter less than the six months before
 */
export function windowGrowth(ctx: AllocationContext, months: number): { now: Float64Array; before: Float64Array; g: (number | null)[] } {
  const { span, monthly } = ctx;
  const n = ctx.model.accounts.length;
  const now = new Float64Array(n);
  const before = new Float64Array(n);
  const g: (number | null)[] = new Array(n);
  for (let a = 0; a < n; a++) {
    for (let j = span - months; j < span; j++) now[a] += monthly[a * span + j];
    for (let j = span - 2 * months; j < span - months; j++) before[a] += monthly[a * span + j];
    g[a] = growth(now[a], before[a]);
  }
  return { now, before, g };
}

export const underserved: AllocationRule = {
  id: ID,
  stages: ["examined", "inScope", "triggered", "released", "placed"],
  settings: [
    ruleSwitch(ID, "Accounts that shrink while their peers grow are released", "同类客户增长而本客户下滑时释放该客户"),
    def("underservedMonths", "int", 6, ID, "Months compared with the same number of months before them.", "与之前同样月数对比的月数。", { min: 1, max: 12 }),
    def("underservedMinPeers", "int", 5, ID, "Peers (same Industry, else Level, in the region) needed before an account is judged against them.", "判断前所需的同类客户数（同区域同行业，无行业列时看客户等级）。", { min: 1, max: 10000 }),
    def("underservedGapPct", "percent", 0.3, ID, "How far (in percentage points) the account's growth must trail its peers' median growth.", "本客户增长低于同类客户增长中位数的幅度（百分点）。", { min: 0, max: 10 }),
  ],
  evaluate(ctx: AllocationContext): Release[] {
    const { model, settings, funnel } = ctx;
    const out: Release[] = [];
    // Growth per account for each window length in use (regions may differ).
    const byMonths = new Map<number, ReturnType<typeof windowGrowth>>();
    const growthFor = (months: number) => {
      let w = byMonths.get(months);
      if (!w) byMonths.set(months, (w = windowGrowth(ctx, months)));
      return w;
    };
    // Peer groups: region and segment; only accounts with a growth figure count as peers.
    const groups = new Map<string, number[]>();
    for (const acc of model.accounts) {
      const seg = segmentOf(acc);
      if (!seg) continue;
      const k = `${acc.region}\u0000${seg}`;
      const list = groups.get(k) ?? [];
      list.push(acc.index);
      groups.set(k, list);
    }
    const rejected = new Map<string, number>();
    const noPeers = new Map<string, { segments: Set<string>; most: number }>();
    for (const acc of model.accounts) {
      const region = acc.region;
      if (ctx.released.has(acc.index) || !ctx.ruleOn(ID, region)) continue;
      // Only an account someone is working can be underserved; orphans are ORPHAN's.
      if (acc.owner < 0 || ctx.classes[acc.owner] === null) continue;
      funnel.add(ID, region, "examined");
      const months = settings.num("underservedMonths", region);
      const w = growthFor(months);
      const seg = segmentOf(acc);
      const peers = seg ? groups.get(`${region}\u0000${seg}`)!.filter((p) => p !== acc.index && w.g[p] !== null) : [];
      const minPeers = settings.num("underservedMinPeers", region);
      if (peers.length < minPeers) {
        const np = noPeers.get(region) ?? { segments: new Set<string>(), most: 0 };
        if (seg) np.segments.add(seg);
        np.most = Math.max(np.most, peers.length);
        noPeers.set(region, np);
        continue;
      }
      funnel.add(ID, region, "inScope");
      const own = w.g[acc.index];
      const peerMedian = median(peers.map((p) => w.g[p] as number));
      const gap = settings.num("underservedGapPct", region);
      // Fell (or stopped buying) while the peers grew, by at least the gap.
      const fell = own !== null && own < 0;
      if (!fell || !(peerMedian > 0) || peerMedian - (own as number) < gap - 1e-12) continue;
      if (acc.protected) continue;
      const protectFrom = addMonths(ctx.periodEnd, -settings.num("protectWonWithinMonths", region));
      if (acc.acquiredDay !== null && acc.acquiredDay > protectFrom) continue;
      funnel.add(ID, region, "triggered");
      if (ctx.remembersRejection(acc.index, ID)) {
        rejected.set(region, (rejected.get(region) ?? 0) + 1);
        continue;
      }
      const params = {
        segment: seg,
        region: region || "—",
        months,
        peers: peers.length,
        growthPct: own as number,
        peerMedianPct: peerMedian,
        gapPct: gap,
        beforeCents: w.before[acc.index],
        nowCents: w.now[acc.index],
      };
      out.push({ account: acc.index, rule: ID, region, reason: { key: "reason.UNDERSERVED", params }, evidence: { key: "evidence.UNDERSERVED", params } });
    }
    for (const region of regionsOf(ctx)) {
      const np = noPeers.get(region);
      funnel.explain(ID, region, "inScope", {
        key: "blocked.UNDERSERVED.peers",
        params: { region: region || "—", minPeers: settings.num("underservedMinPeers", region), most: np?.most ?? 0 },
      });
      funnel.explain(ID, region, "triggered", {
        key: "blocked.UNDERSERVED.none",
        params: { accounts: funnel.count(ID, region, "inScope"), gapPct: settings.num("underservedGapPct", region), region: region || "—" },
      });
      const n = rejected.get(region);
      if (n) funnel.explain(ID, region, "released", { key: "blocked.rejected", params: { count: n, months: settings.num("rejectionCooldownMonths", region) } });
    }
    return out;
  },
};
