/**
 * The one rounding point for money: unrounded cents in, whole cents out, half away from zero.
 * Every component of a statement passes through here exactly once.
 */

/**
 * @example roundCents(1234.5) // 1235
 * @example roundCents(-0.5) // -1
 */
export function roundCents(cents: number): number {
  const r = Math.round(Math.abs(cents) + 1e-9);
  return cents < 0 ? -r : r;
}

/**
 * Splits whole cents among weights so the parts add up exactly (largest remainder; ties by `tieKeys`).
 * @example splitCents(100, [1, 1, 1], [0, 1, 2]) // [34, 33, 33]
 */
export function splitCents(totalCents: number, weights: readonly number[], tieKeys: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (sum <= 0 || totalCents <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (Math.max(0, w) / sum) * totalCents);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = totalCents - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => i).sort((a, b) => exact[b] - parts[b] - (exact[a] - parts[a]) || tieKeys[a] - tieKeys[b]);
  for (let k = 0; left > 0 && k < order.length; k++, left--) parts[order[k]]++;
  return parts;
}

/** A rate as an exact fraction of integers, read from its shortest decimal form (0.2 → 2/10). */
export interface Ratio {
  num: bigint;
  den: bigint;
}

/**
 * The exact decimal a rate was typed as. Percent text parses to the double nearest its decimal
 * (see parseNumberCell), whose shortest form is that decimal again, so 0.2 gives 2/10, not 0.2000000000000000111….
 * @example decimalRatio(0.125) // { num: 125n, den: 1000n }
 */
export function decimalRatio(rate: number): Ratio {
  if (!Number.isFinite(rate) || rate < 0) throw new RangeError(`rate ${rate} is not a non-negative number`);
  const m = String(rate).match(/^(\d+)(?:\.(\d+))?(?:e([-+]\d+))?$/);
  if (!m) throw new RangeError(`rate ${rate} has no decimal form`);
  const frac = m[2] ?? "";
  const exp = Number(m[3] ?? 0) - frac.length;
  const digits = BigInt(m[1] + frac);
  return exp >= 0 ? { num: digits * 10n ** BigInt(exp), den: 1n } : { num: digits, den: 10n ** BigInt(-exp) };
}

/**
 * THE rounding rule for shares of money (documented in the README): whole cents in, whole cents out,
 * the parts add up to the whole exactly. Each part first gets the whole cents of its exact share
 * (toward zero), and the cents left over go one each to the parts with the largest remainders
 * (largest-remainder / Hamilton method); equal remainders go to the earlier part. A negative whole
 * (a refund) is split as its positive mirror, so a refund reverses exactly the split of the sale.
 * Weights are exact integers, so no float noise decides a cent.
 *
 * @example splitExact(5_000_007, [8n, 2n]) // [4_000_006, 1_000_001] (exact 4,000,005.6 and 1,000,001.4)
 */
export function splitExact(totalCents: number, weights: readonly bigint[]): number[] {
  if (!Number.isSafeInteger(totalCents)) throw new RangeError(`${totalCents} is not whole cents`);
  if (weights.some((w) => w < 0n)) throw new RangeError("weights must not be negative");
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n || totalCents === 0) return weights.map(() => 0);
  if (totalCents < 0) return splitExact(-totalCents, weights).map((p) => (p === 0 ? 0 : -p));
  const whole = BigInt(totalCents);
  const parts = weights.map((w) => (whole * w) / sum);
  const rest = weights.map((w, i) => whole * w - parts[i] * sum);
  let left = whole - parts.reduce((s, p) => s + p, 0n);
  const order = weights.map((_, i) => i).sort((a, b) => (rest[b] > rest[a] ? 1 : rest[b] < rest[a] ? -1 : a - b));
  for (let k = 0; left > 0n; k++, left--) parts[order[k]]++;
  return parts.map(Number);
}

/**
 * Splits whole cents into the part at `rate` and the rest, by {@link splitExact}; the rest is listed
 * first, so on an exact half the extra cent stays with it.
 * @example shareOf(5_000_007, 0.2) // { share: 1_000_001, rest: 4_000_006 }
 */
export function shareOf(totalCents: number, rate: number): { share: number; rest: number } {
  const r = decimalRatio(rate);
  if (r.num > r.den) throw new RangeError(`share ${rate} is above 1`);
  const [rest, share] = splitExact(totalCents, [r.den - r.num, r.num]);
  return { share, rest };
}
