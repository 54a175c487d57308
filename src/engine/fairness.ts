/**
 * Fairness measures over portfolio values. Pure arithmetic on plain numbers.
 */

/**
 * The Gini coefficient of a list of non-negative values: G = Σi Σj |xi − xj| / (2 n² · mean).
 * Computed in O(n log n) from the sorted values: Σi Σj |xi − xj| = 2 Σi (2i − n + 1) · x(i) (0-based, ascending).
 *
 * @param values - non-negative values, one per person
 * @param sample - the sample (unbiased) Gini instead: the population Gini × n / (n − 1), as
 *   gini-ss (npm) computes it; 0 for fewer than two values
 * @returns a number in [0, 1) (the sample Gini reaches 1): 0 when all are equal, also for an empty list or an all-zero list
 * @throws RangeError when a value is negative or not finite
 * @example
 * gini([1, 1, 1]) // 0
 * gini([0, 0, 0, 4]) // 0.75
 */
export function gini(values: readonly number[], sample = false): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = Float64Array.from(values);
  for (const v of sorted) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`gini: values must be finite and non-negative, got ${v}`);
  }
  sorted.sort();
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i];
    weighted += (2 * i - n + 1) * sorted[i];
  }
  if (total === 0) return 0;
  // Σ|xi − xj| = 2·weighted; mean = total / n  ⇒  G = 2·weighted / (2 n² · total / n) = weighted / (n · total)
  const population = weighted / (n * total);
  return sample ? (n > 1 ? (population * n) / (n - 1) : 0) : population;
}

/**
 * The share of the total held by the top `fraction` of people (at least one person).
 *
 * @example
 * topShare([10, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.1) // 1
 */
export function topShare(values: readonly number[], fraction = 0.1): number {
  const n = values.length;
  if (n === 0) return 0;
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  const k = Math.max(1, Math.ceil(n * fraction - 1e-9));
  let top = 0;
  for (let i = 0; i < k; i++) top += sorted[i];
  return top / total;
}
