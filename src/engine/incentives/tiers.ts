/**
 * Tiered commission: a tier table ("0:3%; 100000:5%; 200000:8%") and the two ways of applying it.
 * Parsing is cached by text, so 10,000 cells that share one table parse it once.
 */
import { parseNumberCell } from "../cells";

/** One tier: from this amount (cents) upwards, this rate (a fraction). */
export interface Tier {
  fromCents: number;
  rate: number;
}

export type CommissionMode = "marginal" | "retroactive";

/** A tier table problem, as data (the caller turns it into an issue or a #VALUE!). */
export interface TierProblem {
  code: "tiers_empty" | "tiers_syntax" | "tiers_order" | "tiers_rate";
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
  for (const [from, rate] of rows) {
    const f = parseNumberCell(from as never);
    const r = parseNumberCell(rate as never);
    const part = `${String(from)}:${String(rate)}`;
    if (!f || f.percent || f.value < 0) return { code: "tiers_syntax", part };
    if (!r || r.value < 0 || r.value > 1) return { code: "tiers_rate", part };
    tiers.push({ fromCents: Math.round(f.value * 100), rate: r.value });
  }
  if (!tiers.length) return { code: "tiers_empty", part: "" };
  for (let i = 1; i < tiers.length; i++) if (tiers[i].fromCents <= tiers[i - 1].fromCents) return { code: "tiers_order", part: `${tiers[i].fromCents / 100}` };
  if (tiers[0].fromCents !== 0) return { code: "tiers_order", part: `${tiers[0].fromCents / 100}` };
  return tiers;
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
    let t = tiers[0];
    for (const x of tiers) if (amountCents >= x.fromCents) t = x;
    return { cents: amountCents * t.rate, slices: [{ rate: t.rate, baseCents: amountCents, amountCents: amountCents * t.rate }] };
  }
  const slices: TierSlice[] = [];
  let cents = 0;
  for (let i = 0; i < tiers.length; i++) {
    const lo = tiers[i].fromCents;
    if (amountCents <= lo) break;
    const hi = i + 1 < tiers.length ? Math.min(amountCents, tiers[i + 1].fromCents) : amountCents;
    const base = hi - lo;
    const pay = base * tiers[i].rate;
    slices.push({ rate: tiers[i].rate, baseCents: base, amountCents: pay });
    cents += pay;
  }
  return { cents, slices };
}
