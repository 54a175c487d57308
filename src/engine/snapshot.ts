/**
 * The portfolio snapshot: for the period, each active rep's tenure, class, accounts and 12-month value,
 * and how evenly value is spread (overall and per region).
 */
import { dayOfMonth, dayToMonth, monthEndDay, type MonthIndex } from "./cells";
import { gini, topShare } from "./fairness";
import type { Model, Rep } from "./model";
import type { Settings } from "./settings/parse";

export type RepClass = "new" | "regular" | "veteran";

export interface PortfolioRow {
  rep: number;
  repId: string;
  name: string;
  region: string;
  branch: string;
  class: RepClass;
  /** Completed months from hire date to the end of the period; null when the hire date is unknown. */
  tenureMonths: number | null;
  /** The tenure counts from the first sale because the roster has no Hire Date column. */
  tenureDerived: boolean;
  accounts: number;
  /** Sales in the 12 months ending with the period on the accounts the rep owns now, in cents. */
  value12mCents: number;
  /** value12m ÷ the region's total over active reps (0 when the region has no value). */
  regionShare: number;
}

export interface FairnessFigures {
  reps: number;
  gini: number;
  top10Share: number;
  newRepShare: number;
  valueCents: number;
}

export interface Fairness extends FairnessFigures {
  byRegion: Record<string, FairnessFigures>;
}

/**
 * Completed months of tenure at the end of the period month: hired on the 1st of the period month
 * counts 1; hired later that month counts 0. Negative when hired after the period.
 *
 * @example tenureMonths(parseDate("2025-03-15")!, 2026 * 12 + 2) // 12 (to 2026-03-31)
 */
export function tenureMonths(hireDay: number, period: MonthIndex): number {
  return period + 1 - dayToMonth(hireDay) - (dayOfMonth(hireDay) > 1 ? 1 : 0);
}

/**
 * The class of a rep by tenure: new below `newRepTenureMonths`, veteran from `veteranTenureMonths`.
 * Unknown tenure counts as regular.
 */
export function classify(tenure: number | null, rep: Rep, settings: Settings): RepClass {
  if (tenure === null) return "regular";
  if (tenure < settings.num("newRepTenureMonths", rep.region)) return "new";
  if (tenure >= settings.num("veteranTenureMonths", rep.region)) return "veteran";
  return "regular";
}

/**
 * Sales per account over the `months` months ending with `period`, in cents.
 * @example accountValues(model, 2026 * 12 + 2, 12)[0]
 */
export function accountValues(model: Model, period: MonthIndex, months = 12): Float64Array {
  const values = new Float64Array(model.accounts.length);
  const { sales } = model;
  const from = period - months + 1;
  for (let i = 0; i < sales.count; i++) {
    const m = sales.month[i];
    if (m >= from && m <= period) values[sales.account[i]] += sales.cents[i];
  }
  return values;
}

/** Whether a rep counts for the period: active and hired by its end. */
export function inPeriod(rep: Rep, period: MonthIndex): boolean {
  return rep.active && (rep.hireDay === null || rep.hireDay <= monthEndDay(period));
}

/**
 * The snapshot rows, one per active rep, sorted by region then Rep ID (never by row order).
 * `owners` (rep index per account) replaces the current owners, to show a portfolio after moves.
 */
export function portfolio(model: Model, settings: Settings, period: MonthIndex, values = accountValues(model, period), owners?: Int32Array): PortfolioRow[] {
  const counts = new Int32Array(model.reps.length);
  const repValue = new Float64Array(model.reps.length);
  for (let i = 0; i < model.accounts.length; i++) {
    const a = model.accounts[i];
    const owner = owners ? owners[a.index] : a.owner;
    if (owner < 0) continue;
    counts[owner]++;
    repValue[owner] += values[a.index];
  }
  return portfolioOf(model, settings, period, counts, repValue);
}

/**
 * The snapshot rows from what each rep holds: `counts` accounts worth `repValue` cents (by rep index).
 * @example portfolioOf(model, settings, period, counts, repValue)[0].value12mCents
 */
export function portfolioOf(model: Model, settings: Settings, period: MonthIndex, counts: Int32Array, repValue: Float64Array): PortfolioRow[] {
  const rows: PortfolioRow[] = [];
  const regionTotal = new Map<string, number>();
  for (const rep of model.reps) {
    if (!inPeriod(rep, period)) continue;
    const tenure = rep.hireDay === null ? null : tenureMonths(rep.hireDay, period);
    rows.push({
      rep: rep.index,
      repId: rep.id,
      name: rep.name,
      region: rep.region,
      branch: rep.branch,
      class: classify(tenure, rep, settings),
      tenureMonths: tenure,
      tenureDerived: rep.hireDerived,
      accounts: counts[rep.index],
      value12mCents: repValue[rep.index],
      regionShare: 0,
    });
    regionTotal.set(rep.region, (regionTotal.get(rep.region) ?? 0) + repValue[rep.index]);
  }
  for (const r of rows) {
    const t = regionTotal.get(r.region) ?? 0;
    r.regionShare = t > 0 ? r.value12mCents / t : 0;
  }
  return rows.sort((a, b) => compareText(a.region, b.region) || compareText(a.repId, b.repId));
}

/**
 * Fairness of a set of portfolio rows: Gini of value over reps, the top 10%'s share, the new reps' share.
 */
export function fairnessOf(rows: readonly Pick<PortfolioRow, "value12mCents" | "class">[]): FairnessFigures {
  const values = rows.map((r) => r.value12mCents);
  const total = values.reduce((s, v) => s + v, 0);
  const newValue = rows.reduce((s, r) => s + (r.class === "new" ? r.value12mCents : 0), 0);
  return {
    reps: rows.length,
    gini: gini(values.map((v) => Math.max(0, v))),
    top10Share: topShare(values, 0.1),
    newRepShare: total > 0 ? newValue / total : 0,
    valueCents: total,
  };
}

/** Fairness overall and per region. */
export function fairness(rows: readonly PortfolioRow[]): Fairness {
  const byRegion: Record<string, FairnessFigures> = {};
  const regions = [...new Set(rows.map((r) => r.region))].sort(compareText);
  for (const region of regions) byRegion[region] = fairnessOf(rows.filter((r) => r.region === region));
  return { ...fairnessOf(rows), byRegion };
}

/** Locale-independent, deterministic text order (code points), so output never depends on the machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
