/**
 * The cores of =FAIRSHARE.TIERED, =FAIRSHARE.INCENTIVE and =FAIRSHARE.BREAKDOWN: plain values in,
 * a result as data out. Arithmetic is the engine's (`commissionCore`, `statement`), in integer cents
 * with its one rounding point; amounts cross the boundary as currency units (cents / 100).
 */
import { roundCents } from "../engine/incentives/money";
import { defaultPlan, planFromSettings, statement, type Plan, type PlanInput, type Statement } from "../engine/incentives/plan";
import { commissionCore, isAttainmentTable, type Tier } from "../engine/incentives/tiers";
import { CELL_ARGUMENTS, INCENTIVE_COMPONENTS } from "../engine/incentives/components";
import { renderIncentive } from "../engine/incentives/text";
import { IssueList } from "../engine/issues";
import { parseSettings, REGISTRY, Settings } from "../engine/settings";
import type { Table } from "../engine/table";
import { categoriesArgument, centsArgument, countArgument, isIssue, modeArgument, satisfactionArgument, tiersArgument } from "./arguments";
import { breakdownLabels, type FunctionLocale } from "./messages";
import { failed, type CoreResult } from "./result";

/**
 * Commission on an amount from a tier table, in currency units rounded to cents.
 *
 * @param amount - the amount (currency units); blank is 0
 * @param tiers - settings text ("0:3%; 100000:5%; 200000:8%") or a two-column (from, rate) range
 * @param mode - "marginal" (default) or "retroactive" (also 累进 / 全额)
 * @example tieredCore(250000, "0:3%; 100000:5%; 200000:8%") // { ok: true, value: 12000 }
 * @example tieredCore(250000, "0:3%; 100000:5%; 200000:8%", "retroactive") // { ok: true, value: 20000 }
 */
export function tieredCore(amount: unknown, tiers: unknown, mode?: unknown): CoreResult<number> {
  const cents = centsArgument(amount, "amount");
  if (isIssue(cents)) return failed(cents);
  const table = tiersArgument(tiers);
  if (isIssue(table)) return failed(table);
  if (table === null) return failed({ code: "tiersInvalid", problem: "tiers_empty", part: "" });
  const how = modeArgument(mode);
  if (isIssue(how)) return failed(how);
  if (isAttainmentTable(table)) return failed({ code: "tiersInvalid", problem: "tiers_need_quota", part: "" });
  return { ok: true, value: roundCents(commissionCore(cents ?? 0, table, how).cents) / 100 };
}

/** One cell's incentive question: the rep's figures, and the tier table given in the formula (null: the plan's). */
export interface IncentiveRequest {
  input: PlanInput;
  tiers: Tier[] | null;
}

/**
 * Reads the arguments of =FAIRSHARE.INCENTIVE / BREAKDOWN: sales, quota and tiers, then each incentive
 * component's figures in the registry's order (CELL_ARGUMENTS: newAccounts, retainedSales, satisfaction,
 * handoverCredit, refunds, spifAccounts, draw, drawBalance, categorySales). Blank sales is 0; blank or 0
 * quota means no quota (threshold and accelerator do not apply); a blank amount or count is 0; blank or
 * 0 satisfaction is unknown; blank categories are none. Each component's entry says where its figure goes.
 *
 * @example incentiveRequestCore(250000, 200000) // { ok: true, value: { input: { creditedCents: 25000000, quotaCents: 20000000, … }, tiers: null } }
 * @example incentiveRequestCore(120000, 0, null, 0, 0, null, 0, 30000) // refunds 30,000: credited 90,000 of 120,000 sold
 */
export function incentiveRequestCore(sales: unknown, quota: unknown, tiers?: unknown, ...figures: unknown[]): CoreResult<IncentiveRequest> {
  const credited = centsArgument(sales, "sales");
  if (isIssue(credited)) return failed(credited);
  const quotaCents = centsArgument(quota, "quota");
  if (isIssue(quotaCents)) return failed(quotaCents);
  const table = tiersArgument(tiers);
  if (isIssue(table)) return failed(table);
  const input: PlanInput = { creditedCents: credited ?? 0, quotaCents: quotaCents || null };
  for (let i = 0; i < CELL_ARGUMENTS.length; i++) {
    const value = figures[i];
    // An omitted argument leaves its figure unset (the component reads it as 0, none or unknown): most
    // cells give few of them, and this runs once per cell.
    if (value === undefined || value === null) continue;
    const a = CELL_ARGUMENTS[i];
    switch (a.kind) {
      case "cents": {
        const cents = centsArgument(value, a.name);
        if (isIssue(cents)) return failed(cents);
        a.into(input, cents ?? 0);
        break;
      }
      case "count": {
        const n = countArgument(value, a.name);
        if (isIssue(n)) return failed(n);
        a.into(input, n);
        break;
      }
      case "satisfaction": {
        const sat = satisfactionArgument(value);
        if (isIssue(sat)) return failed(sat);
        a.into(input, sat);
        break;
      }
      case "categories": {
        const rows = categoriesArgument(value, a.name);
        if (isIssue(rows)) return failed(rows);
        // Category sales are part of sales: together they cannot be more.
        let sum = 0;
        for (const r of rows) sum += r.cents;
        if (sum > (credited ?? 0)) return failed({ code: "categoriesExceedSales", categories: sum / 100, sales: (credited ?? 0) / 100 });
        a.into(input, rows);
        break;
      }
    }
  }
  return { ok: true, value: { input, tiers: table } };
}

/** Plans with a formula's tier table in place of the plan's, per plan and per (cached, shared) tier array. */
const withTiers = new WeakMap<Plan, WeakMap<readonly Tier[], Plan>>();

/**
 * The plan, with the tiers given in the formula instead of its own. Tier arrays come from caches, so
 * the same text or range gives the same array and the same derived plan: no copy per call.
 * @example planWithTiers(defaultPlan(), null) === plan // true
 */
export function planWithTiers(plan: Plan, tiers: Tier[] | null): Plan {
  if (tiers === null || tiers === plan.tiers) return plan;
  let byTiers = withTiers.get(plan);
  if (!byTiers) withTiers.set(plan, (byTiers = new WeakMap()));
  let derived = byTiers.get(tiers);
  if (!derived) byTiers.set(tiers, (derived = { ...plan, tiers }));
  return derived;
}

/** The rep's statement under the plan. The team bonus is 0: a cell has no team. */
export function incentiveStatement(request: IncentiveRequest, plan: Plan): Statement {
  return statement(request.input, planWithTiers(plan, request.tiers));
}

/**
 * =FAIRSHARE.INCENTIVE: the total of every component a cell can compute, in currency units.
 * @example incentiveCore(request /* 250,000 sales, 3 new accounts *\/, defaultPlan()) // 13500
 */
export function incentiveCore(request: IncentiveRequest, plan: Plan): number {
  return incentiveStatement(request, plan).totalCents / 100;
}

/** The components one cell can compute (the registry says which: team-level ones cannot). */
const BREAKDOWN_COMPONENTS = INCENTIVE_COMPONENTS.filter((c) => c.inCell);

/**
 * =FAIRSHARE.BREAKDOWN: a header row, one row per component (name, base, rate, amount, explanation) and
 * a total row, in the locale's words. Amounts are whole cents / 100 and add up to the total exactly in
 * cents. Blank cells are "" (Excel shows a null in a returned array as 0). A rate is blank where no single
 * rate explains the amount (marginal commission).
 *
 * @example breakdownCore(request, defaultPlan(), "en-US")[0] // ["Component", "Base", "Rate", "Amount", "Explanation"]
 */
export function breakdownCore(request: IncentiveRequest, plan: Plan, locale: FunctionLocale): (string | number)[][] {
  const s = incentiveStatement(request, plan);
  const labels = breakdownLabels(locale);
  const rows: (string | number)[][] = [[...labels.header]];
  let sumCents = 0;
  for (const entry of BREAKDOWN_COMPONENTS) {
    const c = s.components[entry.id];
    sumCents += c.amountCents;
    rows.push([entry.label[locale], c.baseCents / 100, c.rate ?? "", c.amountCents / 100, renderIncentive(c.explanation, locale)]);
  }
  // Components a cell cannot compute are 0 without their inputs; if the engine ever adds to the total, say so.
  if (sumCents !== s.totalCents) throw new RangeError(`breakdown components (${sumCents}) do not add up to the total (${s.totalCents})`);
  rows.push([labels.total, "", "", s.totalCents / 100, ""]);
  return rows;
}

let planSettingKeys: ReadonlySet<string> | null = null;

/** The settings planFromSettings reads, found by watching it read the defaults (so the list cannot drift). */
function settingsThatShapeThePlan(): ReadonlySet<string> {
  if (planSettingKeys) return planSettingKeys;
  const keys = new Set<string>();
  const defaults = Settings.defaults(REGISTRY);
  const watched = new Proxy(defaults, {
    get(target, prop) {
      const member = Reflect.get(target, prop, target);
      if (typeof member !== "function") return member;
      return (key: unknown, ...rest: unknown[]) => {
        if (typeof key === "string") keys.add(key.toLowerCase());
        return member.call(target, key, ...rest);
      };
    },
  });
  planFromSettings(watched);
  return (planSettingKeys = keys);
}

/**
 * The plan as the "Fairshare Settings" sheet gives it; no sheet gives the defaults. An error in a setting
 * the plan uses (or a sheet without Setting/Value columns) is an issue, not a silent default: a wrong
 * plan would give wrong numbers. Errors in other settings do not matter here.
 *
 * @example planFromSettingsTableCore(null) // { ok: true, value: defaultPlan() }
 */
export function planFromSettingsTableCore(table: Table | null): CoreResult<Plan> {
  if (!table) return { ok: true, value: defaultPlan() };
  const issues = new IssueList();
  const settings = parseSettings(table, REGISTRY, issues);
  const shaping = settingsThatShapeThePlan();
  // A key read by prefix ("rate." for rate.<category>) shapes the plan for every key under it.
  const shapes = (key: string) => shaping.has(key) || [...shaping].some((k) => k.endsWith(".") && key.startsWith(k));
  const blocking = issues.items.find(
    (i) => i.severity === "error" && (i.code === "missing_column" || (typeof i.params.key === "string" && shapes(i.params.key.toLowerCase()))),
  );
  if (blocking) return failed({ code: "settingsInvalid", issue: blocking });
  return { ok: true, value: planFromSettings(settings) };
}
