/**
 * STAGNATION, the headline rule: a veteran whose existing accounts brought no growth for
 * `stagnationMonths` consecutive months releases part of them, weakest growth first.
 */
import { addMonths, monthStartDay } from "../cells";
import { compareText } from "../snapshot";
import { hashString } from "../random";
import { def, ruleSwitch } from "./settingsDefs";
import type { AllocationContext, AllocationRule, GrowthPoint, Release } from "./types";

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

export const stagnation: AllocationRule = {
  id: ID,
  settings: [
    ruleSwitch(ID, "Veterans whose accounts stopped growing release part of them", "老员工客户连续不增长时释放部分客户"),
    def("stagnationMonths", "int", 3, ID, "Consecutive months without growth that make a veteran stagnant.", "连续多少个月不增长视为停滞。", { min: 1, max: 12 }),
    def("stagnationGrowthPct", "percent", 0, ID, "Month-on-month growth at or below this counts as no growth.", "环比增长不高于此值视为不增长。", { min: -1, max: 1 }),
    def("releaseShare", "percent", 0.3, ID, "Share of a stagnant veteran's accounts released (rounded down).", "停滞老员工释放的客户比例（向下取整）。", { min: 0, max: 1 }),
    def("keepTopAccounts", "int", 5, ID, "A veteran always keeps this many highest 12-month-value accounts.", "老员工始终保留的 12 个月业绩最高的客户数。", { min: 0, max: 10000 }),
    def("protectWonWithinMonths", "int", 6, ID, "Accounts acquired within this many months are never released.", "此月数内获得的客户不会被释放。", { min: 0, max: 120 }),
  ],
  evaluate(ctx: AllocationContext): Release[] {
    const { model, settings, period, span, monthly, values } = ctx;
    const out: Release[] = [];
    for (const rep of model.reps) {
      if (ctx.classes[rep.index] !== "veteran") continue;
      const region = rep.region;
      // Switched off in the veteran's region: not judged at all, so not kept from receiving either.
      if (!settings.bool(`rule.${ID}`, region || null)) continue;
      const k = settings.num("stagnationMonths", region);
      const threshold = settings.num("stagnationGrowthPct", region);
      const windowStart = period - k + 1;
      const windowStartDay = monthStartDay(windowStart);
      const accounts = ctx.owned[rep.index];
      // Existing accounts: acquired (or first sold) before the window.
      const existing = accounts.filter((a) => {
        const acq = model.accounts[a].acquiredDay;
        return acq !== null ? acq < windowStartDay : ctx.firstSaleMonth[a] < windowStart || ctx.firstSaleMonth[a] === Infinity;
      });
      if (!existing.length) continue;
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
        if (g !== null && g > threshold + 1e-12) stagnant = false;
      }
      if (!stagnant) continue;
      ctx.stagnantReps.add(rep.index);
      const count = Math.floor(settings.num("releaseShare", region) * accounts.length + 1e-9);
      if (count <= 0) continue;
      const keepTop = settings.num("keepTopAccounts", region);
      const protectFrom = addMonths(ctx.periodEnd, -settings.num("protectWonWithinMonths", region));
      const tieKey = (a: number) => hashString(model.accounts[a].key, ctx.seed);
      const byValue = [...accounts].sort((a, b) => values[b] - values[a] || tieKey(a) - tieKey(b));
      const top = new Set(byValue.slice(0, keepTop));
      // Account growth over the window: window total against the k months before it.
      const accountGrowth = (a: number) => {
        let now = 0;
        let before = 0;
        for (let j = span - k; j < span; j++) now += monthly[a * span + j];
        for (let j = span - 2 * k; j < span - k; j++) before += monthly[a * span + j];
        return { now, before, g: growth(now, before) };
      };
      const candidates = existing
        .filter((a) => {
          const acc = model.accounts[a];
          if (acc.protected || top.has(a) || ctx.released.has(a)) return false;
          return acc.acquiredDay === null || acc.acquiredDay <= protectFrom;
        })
        .map((a) => ({ a, ...accountGrowth(a) }))
        .sort((x, y) => (x.g ?? 0) - (y.g ?? 0) || tieKey(x.a) - tieKey(y.a) || compareText(model.accounts[x.a].key, model.accounts[y.a].key));
      for (const c of candidates.slice(0, count)) {
        out.push({
          account: c.a,
          rule: ID,
          reason: { key: "reason.STAGNATION", params: { repId: rep.id, name: rep.name, months: k, count, owned: accounts.length, sharePct: settings.num("releaseShare", region) } },
          evidence: {
            key: "evidence.STAGNATION",
            params: { series, thresholdPct: threshold, beforeCents: c.before, nowCents: c.now, growthPct: c.g === null ? "—" : c.g, months: k },
          },
        });
      }
    }
    return out;
  },
};
