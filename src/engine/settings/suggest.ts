/**
 * "Did you mean …?" for setting names: the known name nearest to a misspelt one.
 * (An edit distance is a dozen lines; not worth a dependency.)
 */

/**
 * Levenshtein distance between two strings (insertions, deletions and substitutions cost 1).
 * @example editDistance("keepTopAcounts", "keepTopAccounts") // 1
 */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The known name nearest to `name` (case-insensitive), when it is close enough to be a typo: at most
 * a third of the name's length in edits (and at most 3). Ties go to the earlier known name.
 *
 * @param name the unknown name as written
 * @param known the names to suggest from
 * @returns the suggestion, or null
 * @example suggestName("keepTopAcounts", ["keepTopAccounts", "seed"]) // "keepTopAccounts"
 */
export function suggestName(name: string, known: readonly string[]): string | null {
  const n = name.trim().toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(n.length / 3)));
  let best: string | null = null;
  let bestD = limit + 1;
  for (const k of known) {
    const d = editDistance(n, k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}
