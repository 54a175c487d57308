/**
 * Tiered commission: a tier table ("0:3%; 100000:5%; 200000:8%") and the two ways of applying it.
 * Parsing is cached by text, so 10,000 cells that share one table parse it once.
 */
import { parseNumberCell } from "../cells";
import { decimalRatio } from "./money";

/**
 * One tier: from this amount (cents) upwards, this rate (a fraction); up to `toCents` when the table
 * gives an upper bound ("0-100000:3%"), else up to the next tier. Between a bound and the next tier is
 * a gap that earns nothing. A tier written in percent of quota ("100%:4%") has `fromShare`/`toShare`
 * (fractions of quota) instead, and becomes an amount tier once the quota is known ({@link tiersForQuota}).
 */
export interface Tier {
  fromCents: number;
  rate: number;
  toCents?: number;
  fromShare?: number;
  toShare?: number;
}

export type CommissionMode = "marginal" | "retroactive";

/** A tier table problem, as data (the caller turns it into an issue or a #VALUE!). */
export interface TierProblem {
  code: "tiers_empty" | "tiers_syntax" | "tiers_order" | "tiers_rate" | "tiers_mixed" | "tiers_need_quota";
  part: string;
}

const cache = new Map<string, Tier[] | TierProblem>();

/**
 * Parses a tier table written as text: "from:rate" pairs separated by ";" (or newlines / "；").
 * Amounts may use thousands separators and 万; rates are percentages ("3%") or fractions ("0.03").
 * The first tier must start at 0 and thresholds must rise.
 *
 * @returns the tiers (sorted, amounts in cents), or the first problem
 * @example parseTiers("0:3%; 100000:5%; 200000:8%") // [{ fromCents: 0, rate: 0.03 }, …]
 */
export function parseTiers(text: string): Tier[] | TierProblem {
  const hit = cache.get(text);
  if (hit) return hit;
  const result = parseTiersUncached(text);
  if (cache.size > 1000) cache.clear();
  cache.set(text, result);
  return result;
}

function parseTiersUncached(text: string): Tier[] | TierProblem {
  const parts = text
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter((p) => p);
  if (!parts.length) return { code: "tiers_empty", part: text };
  const rows: [unknown, unknown][] = [];
  for (const p of parts) {
    const m = p.split(/[:：=]/);
    if (m.length !== 2) return { code: "tiers_syntax", part: p };
    rows.push([m[0].trim(), m[1].trim()]);
  }
  return tiersFromRows(rows);
}

/**
 * Tiers from (from, rate) pairs, e.g. a two-column range. Rates above 1 without a % sign are rejected
 * (a rate of 5 would mean 500%).
 * @example tiersFromRows([[0, 0.03], [100000, "5%"]])
 */
export function tiersFromRows(rows: readonly (readonly [unknown, unknown])[]): Tier[] | TierProblem {
  const tiers: Tier[] = [];
  let shares: boolean | null = null;
  for (const [from, rate] of rows) {
    const part = `${String(from)}:${String(rate)}`;
    // "from-to" (also –, ~, ～, 至) gives the tier an upper bound.
    const range = typeof from === "string" ? from.trim().match(/^(.+?)\s*(?:-|–|~|～|至)\s*(.+)$/) : null;
    const f = parseNumberCell((range ? range[1] : from) as never);
    const t = range ? parseNumberCell(range[2] as never) : null;
    const r = parseNumberCell(rate as never);
    if (!f || f.value < 0 || (range && (!t || t.percent !== f.percent || t.value <= f.value))) return { code: "tiers_syntax", part };
    if (shares !== null && shares !== f.percent) return { code: "tiers_mixed", part };
    shares = f.percent;
    if (!r || r.value < 0 || r.value > 1) return { code: "tiers_rate", part };
    const tier: Tier = f.percent ? { fromCents: 0, rate: r.value, fromShare: f.value } : { fromCents: Math.round(f.value * 100), rate: r.value };
    if (t) {
      if (f.percent) tier.toShare = t.value;
      else tier.toCents = Math.round(t.value * 100);
    }
    tiers.push(tier);
  }
  if (!tiers.length) return { code: "tiers_empty", part: "" };
  const from = (t: Tier) => t.fromShare ?? t.fromCents;
  const to = (t: Tier) => t.toShare ?? t.toCents;
  const show = (t: Tier) => (t.fromShare !== undefined ? `${t.fromShare * 100}%` : `${t.fromCents / 100}`);
  for (let i = 1; i < tiers.length; i++) {
    const prevEnd = to(tiers[i - 1]);
    if (from(tiers[i]) <= from(tiers[i - 1]) || (prevEnd !== undefined && from(tiers[i]) < prevEnd)) return { code: "tiers_order", part: show(tiers[i]) };
  }
  if (from(tiers[0]) !== 0) return { code: "tiers_order", part: show(tiers[0]) };
  return tiers;
}

/** Whether a tier table is written in percent of quota ("0%:2%; 100%:4%"). */
export function isAttainmentTable(tiers: readonly Tier[]): boolean {
  return tiers[0]?.fromShare !== undefined;
}

const byQuota = new WeakMap<readonly Tier[], Map<number, Tier[]>>();

/**
 * A percent-of-quota table as amounts for one quota: 100% of a 200,000 quota starts at 200,000. Amount
 * tables come back as they are. Cached per table and quota (statements share both).
 * @example tiersForQuota(parseTiers("0%:2%; 100%:4%"), 20_000_000) // [{ fromCents: 0, rate: 0.02 }, { fromCents: 20_000_000, rate: 0.04 }]
 */
export function tiersForQuota(tiers: readonly Tier[], quotaCents: number): Tier[] {
  if (!isAttainmentTable(tiers)) return tiers as Tier[];
  let cache = byQuota.get(tiers);
  if (!cache) byQuota.set(tiers, (cache = new Map()));
  let out = cache.get(quotaCents);
  if (!out) {
    // quota × the share's exact decimal, one correctly rounded division: 120% of 200,000.00 is exactly 240,000.00.
    const at = (share: number) => {
      const r = decimalRatio(share);
      return (quotaCents * Number(r.num)) / Number(r.den);
    };
    out = tiers.map((t) => ({ fromCents: at(t.fromShare!), rate: t.rate, ...(t.toShare !== undefined ? { toCents: at(t.toShare) } : {}) }));
    if (cache.size > 1000) cache.clear();
    cache.set(quotaCents, out);
  }
  return out;
}

/** Whether a parse result is a problem. */
export function isTierProblem(x: Tier[] | TierProblem): x is TierProblem {
  return !Array.isArray(x);
}

/** One tier's share of a marginal commission: the amount that falls in it and what it pays (unrounded cents). */
export interface TierSlice {
  rate: number;
  baseCents: number;
  amountCents: number;
}

/**
 * Commission in unrounded cents, with the slices that explain it.
 * - marginal: each tier's rate applies to the part of the amount inside that tier;
 * - retroactive: the rate of the highest tier reached applies to the whole amount.
 * A negative amount (net returns) pays nothing.
 *
 * @example commissionCore(25_000_000, tiers, "marginal").cents // 1_200_000 (3,000 + 5,000 + 4,000)
 * @example commissionCore(25_000_000, tiers, "retroactive").cents // 2_000_000
 */
export function commissionCore(amountCents: number, tiers: readonly Tier[], mode: CommissionMode): { cents: number; slices: TierSlice[] } {
  if (amountCents <= 0) return { cents: 0, slices: [] };
  if (mode === "retroactive") {
    // The rate of the highest tier reached applies to everything (upper bounds and gaps matter only to marginal tiers).
    let t = tiers[0];
    for (const x of tiers) if (amountCents >= x.fromCents) t = x;
    return { cents: amountCents * t.rate, slices: [{ rate: t.rate, baseCents: amountCents, amountCents: amountCents * t.rate }] };
  }
  const slices: TierSlice[] = [];
  let cents = 0;
  for (let i = 0; i < tiers.length; i++) {
    const lo = tiers[i].fromCents;
    if (amountCents <= lo) break;
    const end = tiers[i].toCents ?? (i + 1 < tiers.length ? tiers[i + 1].fromCents : Infinity);
    const hi = Math.min(amountCents, end);
    const base = hi - lo;
    const pay = base * tiers[i].rate;
    slices.push({ rate: tiers[i].rate, baseCents: base, amountCents: pay });
    cents += pay;
  }
  return { cents, slices };
}
