/**
 * Geometry of the fairness chart: two horizontal bars (before, after) per scope in a 100-wide viewBox
 * that CSS stretches to the pane's width. Pure, so the numbers are tested without a browser.
 */

/** The viewBox of one scope's bars: 100 units wide, two bars with a gap between. */
export const BAR_CHART = { width: 100, barHeight: 4, gap: 2 } as const;

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The scale's end: the largest value rounded up to the next tenth (at least 0.1, at most 1), so small
 * Gini coefficients still show their difference while every scope shares one honest, zero-based scale.
 *
 * @example chartDomain([0.31, 0.27]) // 0.4
 * @example chartDomain([]) // 0.1
 */
export function chartDomain(values: readonly number[]): number {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  return Math.min(1, Math.max(0.1, Math.ceil(Number((max * 10).toPrecision(12))) / 10));
}

/**
 * A value's bar length in viewBox units on a 0…domain scale: clamped to the chart, 0 for nonsense,
 * and at least half a unit for a positive value so it never vanishes.
 *
 * @example barLength(0.2, 0.4) // 50
 */
export function barLength(value: number, domain: number): number {
  if (!Number.isFinite(value) || value <= 0 || !(domain > 0)) return 0;
  const length = Math.max(0.5, Math.min(BAR_CHART.width, (value / domain) * BAR_CHART.width));
  return Math.round(length * 100) / 100;
}

/**
 * The before and after bars of one scope, and the viewBox they are drawn in.
 *
 * @example pairBars(0.4, 0.2, 0.4).after // { x: 0, y: 6, width: 50, height: 4 }
 */
export function pairBars(before: number, after: number, domain: number): { viewBox: string; before: BarRect; after: BarRect } {
  const { width, barHeight, gap } = BAR_CHART;
  return {
    viewBox: `0 0 ${width} ${barHeight * 2 + gap}`,
    before: { x: 0, y: 0, width: barLength(before, domain), height: barHeight },
    after: { x: 0, y: barHeight + gap, width: barLength(after, domain), height: barHeight },
  };
}
