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
