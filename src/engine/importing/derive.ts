/**
 * What an export lacks, derived from what it has: owners from sales, account regions from owners,
 * tenure from first sales. Each derivation is all-or-nothing for a sheet (it runs only when the column
 * is absent) and reports one note, so people see what was assumed.
 */
import { formatMonth, type MonthIndex } from "../cells";
import type { IssueList } from "../issues";
import type { Model } from "../model";
import { hashString } from "../random";

/**
 * Gives each account the rep with the most sales on it in the 12 months to `period` (the sale's rep
 * when the row names one); ties go to the lowest seeded hash of account and rep, never roster order.
 * Accounts with no credited sale in the window stay unowned.
 *
 * @returns the number of accounts that got an owner
 * @example deriveOwners(model, 2026 * 12 + 2, 1) // 1480
 */
export function deriveOwners(model: Model, period: MonthIndex, seed: number): number {
  const { sales, accounts, reps } = model;
  const totals = new Map<number, Map<number, number>>();
  for (let i = 0; i < sales.count; i++) {
    const rep = sales.rep[i];
    if (rep < 0 || sales.month[i] > period || sales.month[i] <= period - 12) continue;
    const a = sales.account[i];
    let byRep = totals.get(a);
    if (!byRep) totals.set(a, (byRep = new Map()));
    byRep.set(rep, (byRep.get(rep) ?? 0) + sales.cents[i]);
  }
  let owned = 0;
  for (const account of accounts) {
    account.ownerDerived = true;
    const byRep = totals.get(account.index);
    if (!byRep) continue;
    let best = -1;
    let bestCents = -Infinity;
    let bestTie = 0;
    for (const [rep, cents] of byRep) {
      const tie = hashString(`${account.key}\u0000${reps[rep].key}`, seed);
      if (cents > bestCents || (cents === bestCents && tie < bestTie)) {
        best = rep;
        bestCents = cents;
        bestTie = tie;
      }
    }
    if (bestCents <= 0) continue;
    account.owner = best;
    account.ownerText = reps[best].id;
    owned++;
  }
  return owned;
}

/**
 * Gives each account without a region its owner's region.
 * @returns the number of accounts that got one
 * @example deriveRegions(model) // 84
 */
export function deriveRegions(model: Model): number {
  let n = 0;
  for (const a of model.accounts) {
    if (a.region || a.owner < 0) continue;
    const region = model.reps[a.owner].region;
    if (region) {
      a.region = region;
      n++;
    }
  }
  return n;
}

/**
 * Starts each rep's tenure at their first sale up to the period (the sale's rep, else the account's
 * owner), marking it as derived.
 * @returns the number of reps that got a hire date
 * @example deriveHireDates(model, 2026 * 12 + 2) // 35
 */
export function deriveHireDates(model: Model, period: MonthIndex): number {
  const { sales, accounts, reps } = model;
  const first = new Int32Array(reps.length).fill(2147483647);
  for (let i = 0; i < sales.count; i++) {
    if (sales.month[i] > period) continue;
    const rep = sales.rep[i] >= 0 ? sales.rep[i] : accounts[sales.account[i]].owner;
    if (rep >= 0 && sales.day[i] < first[rep]) first[rep] = sales.day[i];
  }
  let n = 0;
  for (const rep of reps) {
    if (first[rep.index] === 2147483647) continue;
    rep.hireDay = first[rep.index];
    rep.hireDerived = true;
    n++;
  }
  return n;
}

/**
 * Runs the derivations a check needs and reports each as one note.
 * @example deriveMissing(model, { owner: true, region: true, hireDate: false }, ctx)
 */
export function deriveMissing(
  model: Model,
  missing: { owner: boolean; region: boolean; hireDate: boolean },
  ctx: { period: MonthIndex; seed: number; issues: IssueList; sheets: { reps: string; accounts: string } },
): void {
  const { period, issues, sheets } = ctx;
  if (missing.owner) {
    const count = deriveOwners(model, period, ctx.seed);
    issues.info("owner_derived", sheets.accounts, null, null, { count, unowned: model.accounts.length - count, period: formatMonth(period) });
  }
  if (missing.region) issues.info("region_derived", sheets.accounts, null, null, { count: deriveRegions(model) });
  if (missing.hireDate) {
    const count = deriveHireDates(model, period);
    issues.info("hire_date_derived", sheets.reps, null, null, { count, unknown: model.reps.length - count });
  }
}
