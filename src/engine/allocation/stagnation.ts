/**
 * STAGNATION, the headline rule: a veteran whose existing accounts brought no growth for
 * `stagnationMonths` consecutive months releases part of them — only accounts that are not growing
 * themselves, declining ones first. The top accounts that are growing or stable stay with the veteran.
 */
import { addMonths, monthStartDay } from "../cells";
import { compareText, tenureMonths } from "../snapshot";
import { def, ruleSwitch } from "./settingsDefs";
import type { AllocationContext, AllocationRule, Explanation, GrowthPoint, Release } from "./types";

const ID = "STAGNATION";

/**
 * Growth from one month to the next: S(m) / S(m−1) − 1; null when both are zero (no sales: no growth),
 * Infinity when sales start from zero.
 * @example growth(95, 100) // -0.05
 */
export function growth(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? null : current > 0 ? Infinity : -Infinity;
  return current / previous - 1;
}

/** Whether a growth figure counts as growth above the threshold (null, no sales in either window, does not). */
export function grows(g: number | null, threshold: number): boolean {
  return g !== null && g > threshold + 1e-12;
}

/** The non-zero reasons accounts were kept, as sentence parts ("4 among the top 5 growing or stable"). */
export function keptParts(counts: [number, string, Record<string, number>][]): Explanation[] {
  return counts.filter(([n]) => n > 0).map(([count, key, extra]) => ({ key, params: { count, ...extra } }));
}

export const stagnation: AllocationRule = {
  id: ID,
  stages: ["examined", "inScope", "triggered", "eligible", "released", "placed"],
  settings: [
    ruleSwitch(ID, "Veterans whose accounts stopped growing release part of them", "老员工客户连续不增长时释放部分客户", { "en-US": "Release accounts of stagnant veterans", "zh-CN": "释放停滞老员工的客户" }),
    def("stagnationMonths", "int", 3, ID, "Consecutive months without growth that make a veteran stagnant.", "连续多少个月不增长视为停滞。", { label: { "en-US": "Months without growth before a veteran is stagnant", "zh-CN": "连续多少个月无增长算停滞" }, min: 1, max: 12 }),
    def("stagnationGrowthPct", "percent", 0, ID, "Growth at or below this counts as no growth: month on month for the book, and for each account over the window (an account growing above it is never released).", "不高于此值视为不增长：客户组合看环比，单个客户看窗口期对比（高于此值的客户不会被释放）。", { label: { "en-US": "Growth that still counts as no growth", "zh-CN": "视为无增长的增幅上限" }, min: -1, max: 1 }),
    def("releaseShare", "percent", 0.3, ID, "Share of a stagnant veteran's accounts released (rounded down), among those not growing.", "停滞老员工释放的客户比例（向下取整），仅限未增长的客户。", { label: { "en-US": "Share of a stagnant veteran's accounts released", "zh-CN": "停滞老员工释放的客户比例" }, min: 0, max: 1 }),
    def("keepTopAccounts", "int", 5, ID, "A veteran always keeps this many highest 12-month-value accounts among those growing or stable (declining accounts get no such protection).", "老员工始终保留增长或持平客户中 12 个月业绩最高的此数量客户（下滑客户不受此保护）。", { label: { "en-US": "Top accounts a veteran always keeps", "zh-CN": "老员工始终保留的头部客户数" }, min: 0, max: 10000 }),
    def("protectWonWithinMonths", "int", 6, ID, "Accounts acquired within this many months are never released.", "此月数内获得的客户不会被释放。", { label: { "en-US": "Months a newly won account is protected", "zh-CN": "新赢得客户的保护月数" }, min: 0, max: 120 }),
  ],
  evaluate(ctx: AllocationContext): Release[] {
    const { model, settings, period, funnel } = ctx;
    const out: Release[] = [];
    // Per region: the longest tenure seen (for "no rep has 24 months' tenure; the longest is 14").
    const longest = new Map<string, number | null>();
    const kept = new Map<string, KeptCounts & { stagnant: number }>();
    for (const rep of model.reps) {
      if (ctx.classes[rep.index] === null) continue;
      const region = rep.region;
      // Switched off in the veteran's region: not judged at all, so not kept from receiving either.
      if (!ctx.ruleOn(ID, region)) continue;
      funnel.add(ID, region, "examined");
      const tenure = rep.hireDay === null ? null : tenureMonths(rep.hireDay, period);
      if (tenure !== null) longest.set(region, Math.max(longest.get(region) ?? -Infinity, tenure));
      else if (!longest.has(region)) longest.set(region, null);
      funnel.explain(ID, region, "inScope", {
        key: longest.get(region) == null ? "blocked.STAGNATION.noHireDates" : "blocked.STAGNATION.tenure",
        params: { months: settings.num("veteranTenureMonths", region), longest: longest.get(region) ?? "—", region: region || "—" },
      });
      if (ctx.classes[rep.index] !== "veteran") continue;
      funnel.add(ID, region, "inScope");
      const j = judgeVeteran(ctx, rep.index);
      funnel.explain(ID, region, "triggered", {
        key: "blocked.STAGNATION.growing",
        params: { veterans: funnel.count(ID, region, "inScope"), months: j.months, thresholdPct: j.threshold, region: region || "—" },
      });
      if (!j.stagnant) continue;
      ctx.stagnantReps.add(rep.index);
      funnel.add(ID, region, "triggered");
      const why = kept.get(region) ?? { total: 0, stagnant: 0, protected: 0, top: 0, recent: 0, growing: 0, newer: 0, rejected: 0 };
      why.stagnant++;
      for (const key of ["total", "protected", "top", "recent", "growing", "newer", "rejected"] as const) why[key] += j.counts[key];
      kept.set(region, why);
      funnel.add(ID, region, "eligible", j.candidates.length);
      funnel.explain(ID, region, "eligible", {
        key: "blocked.STAGNATION.kept",
        params: {
          total: why.total,
          stagnant: why.stagnant,
          parts: keptParts([
            [why.protected, "kept.protected", {}],
            [why.top, "kept.top", { keepTop: j.keepTop }],
            [why.recent, "kept.recent", { months: j.protectMonths }],
            [why.growing, "kept.growing", { thresholdPct: j.threshold }],
            [why.newer, "kept.newer", { months: j.months }],
            [why.rejected, "kept.rejected", { months: settings.num("rejectionCooldownMonths", region) }],
          ]),
        },
      });
      const chosen = j.candidates.slice(0, j.quota);
      if (!chosen.length) {
        if (j.candidates.length) funnel.explain(ID, region, "released", { key: "blocked.STAGNATION.share", params: { sharePct: j.share, owned: j.owned, region: region || "—" } });
        continue;
      }
      for (const c of chosen) {
        out.push({
          account: c.a,
          rule: ID,
          region,
          reason: {
            key: "reason.STAGNATION",
            params: { repId: rep.id, name: rep.name, months: j.months, count: chosen.length, owned: j.owned, sharePct: j.share, notGrowing: j.candidates.length },
          },
          evidence: {
            key: c.g === null ? "evidence.STAGNATION.noSales" : "evidence.STAGNATION",
            params: { series: j.series, thresholdPct: j.threshold, beforeCents: c.before, nowCents: c.now, growthPct: c.g === null ? "—" : c.g, months: j.months },
          },
        });
      }
    }
    return out;
  },
};

/** Why a veteran's accounts were kept, counted. */
export interface KeptCounts {
  total: number;
  protected: number;
  top: number;
  recent: number;
  growing: number;
  newer: number;
  rejected: number;
}

/** A veteran judged over the last `stagnationMonths` months. */
export interface VeteranJudgement {
  months: number;
  threshold: number;
  /** Book growth month on month over the window (empty without existing accounts). */
  series: GrowthPoint[];
  /** Every month of the window without growth above the threshold (and existing accounts to judge). */
  stagnant: boolean;
  owned: number;
  share: number;
  /** floor(releaseShare × owned). */
  quota: number;
  keepTop: number;
  protectMonths: number;
  /** Accounts that may be released, weakest growth first. */
  candidates: { a: number; now: number; before: number; g: number | null }[];
  counts: KeptCounts;
}

/**
 * Judges a veteran as STAGNATION does: the book's growth month on month over the window, and which of the
 * accounts could be released (not growing themselves, not protected, not among the top growing or stable,
 * not won recently, not rejected recently), weakest first. The watch list reads the same judgement to see
 * who is one flat month away.
 * @example judgeVeteran(ctx, repIndex).candidates.slice(0, judgeVeteran(ctx, repIndex).quota)
 */
export function judgeVeteran(ctx: AllocationContext, repIndex: number): VeteranJudgement {
  // The rule judges every veteran and the watch list asks again: once per run and rep.
  let memo = judgements.get(ctx);
  if (!memo) judgements.set(ctx, (memo = new Map()));
  let j = memo.get(repIndex);
  if (!j) memo.set(repIndex, (j = judge(ctx, repIndex)));
  return j;
}
const judgements = new WeakMap<AllocationContext, Map<number, VeteranJudgement>>();

function judge(ctx: AllocationContext, repIndex: number): VeteranJudgement {
  const { model, settings, span, monthly, values } = ctx;
  const rep = model.reps[repIndex];
  const region = rep.region;
  const k = settings.num("stagnationMonths", region);
  const threshold = settings.num("stagnationGrowthPct", region);
  const { period } = ctx;
  const windowStart = period - k + 1;
  const windowStartDay = monthStartDay(windowStart);
  const accounts = ctx.owned[rep.index];
  const share = settings.num("releaseShare", region);
  const keepTop = settings.num("keepTopAccounts", region);
  const protectMonths = settings.num("protectWonWithinMonths", region);
  const counts: KeptCounts = { total: 0, protected: 0, top: 0, recent: 0, growing: 0, newer: 0, rejected: 0 };
  const base = { months: k, threshold, owned: accounts.length, share, quota: Math.floor(share * accounts.length + 1e-9), keepTop, protectMonths, counts };
  // Existing accounts: acquired (or first sold) before the window.
  const existing = accounts.filter((a) => {
    const acq = model.accounts[a].acquiredDay;
    return acq !== null ? acq < windowStartDay : ctx.firstSaleMonth[a] < windowStart || ctx.firstSaleMonth[a] === Infinity;
  });
  if (!existing.length) return { ...base, series: [], stagnant: false, candidates: [] };
  // S(m) for m = P−k … P (k+1 months; the first only as the base of the first growth).
  const S: number[] = [];
  for (let m = period - k; m <= period; m++) {
    const j = m - (period - span + 1);
    let sum = 0;
    for (const a of existing) sum += monthly[a * span + j];
    S.push(sum);
  }
  const series: GrowthPoint[] = [];
  let stagnant = true;
  for (let i = 1; i <= k; i++) {
    const g = growth(S[i], S[i - 1]);
    series.push({ month: period - k + i, growth: g });
    if (grows(g, threshold)) stagnant = false;
  }
  const protectFrom = addMonths(ctx.periodEnd, -protectMonths);
  const tieKey = ctx.accountTie;
  const byKey = (a: number, b: number) => compareText(model.accounts[a].key, model.accounts[b].key);
  // Account growth over the window (window total against the k months before it), by position in `accounts`.
  const n = accounts.length;
  const now = new Float64Array(n);
  const before = new Float64Array(n);
  const g: (number | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = accounts[i] * span;
    let sumNow = 0;
    let sumBefore = 0;
    for (let j = span - k; j < span; j++) sumNow += monthly[row + j];
    for (let j = span - 2 * k; j < span - k; j++) sumBefore += monthly[row + j];
    now[i] = sumNow;
    before[i] = sumBefore;
    g[i] = growth(sumNow, sumBefore);
  }
  const existingSet = new Set(existing);
  // The top accounts that are growing or stable stay; a declining top account gets no such protection.
  // Highest value first (then the seeded tie, then the key): the first keepTop are kept, chosen in one pass.
  const topFirst = (a: number, b: number) => values[b] - values[a] || tieKey(a) - tieKey(b) || byKey(a, b);
  const best: number[] = [];
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    if (gi === null || gi < 0) continue;
    const a = accounts[i];
    if (best.length === keepTop && (keepTop === 0 || topFirst(a, best[keepTop - 1]) >= 0)) continue;
    let at = best.length;
    while (at > 0 && topFirst(a, best[at - 1]) < 0) at--;
    best.splice(at, 0, a);
    if (best.length > keepTop) best.pop();
  }
  const top = new Set(best);
  const candidates: VeteranJudgement["candidates"] = [];
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    if (ctx.released.has(a)) continue;
    counts.total++;
    const acc = model.accounts[a];
    if (acc.protected) counts.protected++;
    else if (!existingSet.has(a)) counts.newer++;
    else if (acc.acquiredDay !== null && acc.acquiredDay > protectFrom) counts.recent++;
    else if (grows(g[i], threshold)) counts.growing++;
    else if (top.has(a)) counts.top++;
    else if (ctx.remembersRejection(a, ID)) counts.rejected++;
    else candidates.push({ a, now: now[i], before: before[i], g: g[i] });
  }
  // Null growth (no sales in either window) is not being worked at all: it goes with the declining ones.
  candidates.sort((x, y) => (x.g ?? -1) - (y.g ?? -1) || tieKey(x.a) - tieKey(y.a) || byKey(x.a, y.a));
  return { ...base, series, stagnant, candidates };
}
