/**
 * How a customer satisfaction figure is shown: on its own 1–5 scale, with two decimals, everywhere a
 * statement or scorecard sentence names it (the retention line, the profile, the advice). The 0–100
 * dimension score is the Scorecard sheet's column, never called "satisfaction" in a sentence.
 */

/**
 * A satisfaction on the 1–5 scale as text; "—" when unknown.
 * @example satisfactionText(3.7249) // "3.72"
 */
export function satisfactionText(x: number | null): string {
  if (x === null) return "—";
  // A plan's minimum is formatted once, not once per =FAIRSHARE.INCENTIVE cell.
  let text = TEXTS.get(x);
  if (text === undefined) {
    text = x.toFixed(2);
    if (TEXTS.size < 1000) TEXTS.set(x, text);
  }
  return text;
}

const TEXTS = new Map<number, string>();

/**
 * The 1–5 satisfaction a 0–100 satisfaction dimension score stands for (the inverse of (s − 1) ÷ 4 × 100).
 * @example satisfactionFromScore(68) // 3.72
 */
export function satisfactionFromScore(score: number): number {
  return 1 + (score / 100) * 4;
}
