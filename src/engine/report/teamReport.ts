/**
 * The team report: per region and for all, headcount and value held by class, fairness month by month
 * over the last 12 months (ownership rebuilt from the Audit Log: each applied move undone for the months
 * before it), the moves of the period's proposals, new customers won and the watch list.
 */
import type { AllocationResult } from "../allocation/allocate";
import type { AuditRow } from "../allocation/audit";
import type { PastMove } from "../allocation/types";
import { formatMonth, idKey, monthEndDay, type MonthIndex } from "../cells";
import type { CheckResult } from "../check";
import type { Evaluation } from "../incentives/evaluate";
import { fillTemplate } from "../format";
import type { Locale } from "../messages";
import { fairnessOf, portfolioOf, type PortfolioRow, type RepClass } from "../snapshot";
import type { Cell, OutputSheet } from "../table";
import { label } from "./labels";

export interface TeamScope {
  /** "" for the whole team, else a region. */
  scope: string;
  headcount: Record<RepClass, number>;
  valueCents: Record<RepClass, number>;
  /** Oldest first: fairness at the end of each of the last 12 months. */
  series: { month: MonthIndex; gini: number; newRepShare: number }[];
  moves: { proposed: number; approved: number; rejected: number; applied: number };
  newCustomersWon: number;
  watch: number;
}

const CLASSES: readonly RepClass[] = ["new", "regular", "veteran"];

/**
 * Who owned each account at the end of `month`: today's owners with every applied move made after that
 * month undone, newest first.
 * @example ownersAt(model, past, period - 3)[0] // the rep index that held account 0 three months ago
 */
export function ownersAt(check: CheckResult, past: readonly PastMove[], month: MonthIndex): Int32Array {
  return ownerHistory(check, past)(month);
}

/** Each account's owner now, by account index. */
function ownersToday(check: CheckResult): Int32Array {
  const { accounts } = check.model;
  const owners = new Int32Array(accounts.length);
  for (let a = 0; a < accounts.length; a++) owners[a] = accounts[a].owner;
  return owners;
}

/**
 * {@link ownersAt} for many months: today's owners and the keys the moves name are looked up once (a
 * report asks for twelve months over 100k accounts).
 */
function ownerHistory(check: CheckResult, past: readonly PastMove[]): (month: MonthIndex) => Int32Array {
  const { model } = check;
  const today = ownersToday(check);
  let accByKey: Map<string, number> | null = null;
  let repByKey: Map<string, number> | null = null;
  return (month) => {
    const owners = today.slice();
    const end = monthEndDay(month);
    const later = past.filter((p) => p.day > end).sort((x, y) => y.day - x.day);
    if (!later.length) return owners;
    accByKey ??= new Map(model.accounts.map((a) => [a.key, a.index]));
    repByKey ??= new Map(model.reps.map((r) => [r.key, r.index]));
    for (const p of later) {
      const a = accByKey.get(p.accountKey);
      if (a === undefined) continue;
      owners[a] = repByKey.get(p.fromKey) ?? -1;
    }
    return owners;
  };
}

/**
 * One pass over the sales of months `first` … `first + span − 1`: summed per today's owner and month, and per
 * month for the accounts given a slot.
 */
function salesByHolder(check: CheckResult, today: Int32Array, slot: ReadonlyMap<number, number>, first: MonthIndex, span: number) {
  const byRep = new Float64Array(check.model.reps.length * span);
  const byAccount = new Float64Array(slot.size * span);
  const { sales } = check.model;
  for (let i = 0; i < sales.count; i++) {
    const j = sales.month[i] - first;
    if (j < 0 || j >= span) continue;
    const a = sales.account[i];
    const o = today[a];
    if (o >= 0) byRep[o * span + j] += sales.cents[i];
    if (slot.size) {
      const s = slot.get(a);
      if (s !== undefined) byAccount[s * span + j] += sales.cents[i];
    }
  }
  return { byRep, byAccount };
}

/**
 * What each rep held at the end of each of `months` (consecutive): accounts and their 12-month value, by
 * rep index. From one pass over the sales summed per today's owner and month (a rep's windows then slide
 * month by month); the few accounts whose owner was different then (moved later) are taken from today's
 * owner and given to that month's. Cents are whole numbers, so every sum is exact in any order.
 */
function holdingsEnding(check: CheckResult, past: readonly PastMove[], months: readonly MonthIndex[]): { counts: Int32Array; values: Float64Array }[] {
  const { model } = check;
  const nR = model.reps.length;
  const first = months[0] - 11;
  const span = months[months.length - 1] - first + 1;
  const owners = ownerHistory(check, past);
  const today = ownersToday(check);
  // Per month, the accounts held by someone else then: [account, owner then].
  const changed = months.map((m) => {
    const then = owners(m);
    const list: number[] = [];
    for (let a = 0; a < then.length; a++) if (then[a] !== today[a]) list.push(a, then[a]);
    return list;
  });
  // Monthly sales of those accounts, kept apart so their windows can be moved between reps.
  const slot = new Map<number, number>();
  for (const list of changed) for (let k = 0; k < list.length; k += 2) if (!slot.has(list[k])) slot.set(list[k], slot.size);
  const { byRep, byAccount } = salesByHolder(check, today, slot, first, span);
  const counts = new Int32Array(nR);
  for (let a = 0; a < today.length; a++) if (today[a] >= 0) counts[today[a]]++;
  const window = (row: Float64Array, at: number, end: MonthIndex) => {
    let sum = 0;
    for (let j = end - 11 - first; j <= end - first; j++) sum += row[at + j];
    return sum;
  };
  return months.map((end, k) => {
    const values = new Float64Array(nR);
    for (let r = 0; r < nR; r++) values[r] = window(byRep, r * span, end);
    const held = counts.slice();
    const list = changed[k];
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i];
      const then = list[i + 1];
      const v = window(byAccount, slot.get(a)! * span, end);
      if (today[a] >= 0) {
        held[today[a]]--;
        values[today[a]] -= v;
      }
      if (then >= 0) {
        held[then]++;
        values[then] += v;
      }
    }
    return { counts: held, values };
  });
}

/**
 * The team report of a run.
 * @example teamReport(check, allocation, evaluation, past, auditRows).find((s) => s.scope === "")!.series.at(-1)!.gini
 */
export function teamReport(check: CheckResult, alloc: AllocationResult, ev: Evaluation, past: readonly PastMove[], audit: readonly AuditRow[]): TeamScope[] {
  const { model, settings } = check;
  const period = alloc.period;
  const months = Array.from({ length: 12 }, (_, i) => period - 11 + i);
  const holdings = holdingsEnding(check, past, months);
  const perMonth = months.map((m, i) => portfolioOf(model, settings, m, holdings[i].counts, holdings[i].values));
  const scopes = ["", ...model.regions];
  const inScope = (scope: string, region: string) => scope === "" || region === scope;
  // The period's proposals: ids P<yyyymm>-…; decisions from the Audit Log.
  const prefix = `P${formatMonth(period).replace("-", "")}-`;
  const decided = audit.filter((r) => r.proposalId.startsWith(prefix));
  const regionOfAccount = decided.length ? new Map(model.accounts.map((a) => [a.key, a.region])) : new Map<string, string>();
  const byKey = (id: string) => regionOfAccount.get(idKey(id)) ?? "";
  const current: PortfolioRow[] = check.portfolio;
  return scopes.map((scope) => {
    const rows = current.filter((r) => inScope(scope, r.region));
    const headcount = Object.fromEntries(CLASSES.map((c) => [c, rows.filter((r) => r.class === c).length])) as Record<RepClass, number>;
    const valueCents = Object.fromEntries(CLASSES.map((c) => [c, rows.filter((r) => r.class === c).reduce((s, r) => s + r.value12mCents, 0)])) as Record<RepClass, number>;
    const series = months.map((month, i) => {
      const f = fairnessOf(perMonth[i].filter((r) => inScope(scope, r.region)));
      return { month, gini: f.gini, newRepShare: f.newRepShare };
    });
    const mine = decided.filter((r) => inScope(scope, byKey(r.accountId)));
    const count = (result: string) => new Set(mine.filter((r) => r.result === result).map((r) => r.proposalId)).size;
    return {
      scope,
      headcount,
      valueCents,
      series,
      moves: {
        proposed: alloc.moves.filter((m) => m.to >= 0 && inScope(scope, model.accounts[m.account].region)).length,
        approved: count("applied") + count("conflict") + count("already-applied"),
        rejected: count("rejected"),
        applied: count("applied"),
      },
      newCustomersWon: ev.scorecard.filter((s) => inScope(scope, model.reps[s.rep].region)).reduce((n, s) => n + s.figures.wonAccounts, 0),
      watch: alloc.watch.filter((w) => inScope(scope, model.reps[w.rep].region)).length,
    };
  });
}

const TEXT: Record<Locale, Record<string, string>> = {
  "en-US": {
    title: "Fairshare team report for {period}: headcount, value held, fairness month by month (lower Gini is fairer), the period's moves, new customers and the watch list",
    scope: "Scope",
    newReps: "New reps",
    regularReps: "Regular reps",
    veterans: "Veterans",
    valueNew: "Value, new reps",
    valueRegular: "Value, regular",
    valueVeteran: "Value, veterans",
    proposed: "Moves proposed",
    approved: "Approved",
    rejected: "Rejected",
    applied: "Applied",
    won: "New customers won",
    watch: "Watch list",
    month: "Month",
    gini: "Gini {scope}",
    newShare: "New reps' share {scope}",
    chart: "Gini by month (lower is fairer)",
  },
  "zh-CN": {
    title: "Fairshare {period} 团队报告：人数、持有业绩、逐月公平性（基尼系数越低越公平）、本期移交、新客户与预警名单",
    scope: "范围",
    newReps: "新人",
    regularReps: "普通业务员",
    veterans: "老员工",
    valueNew: "新人业绩",
    valueRegular: "普通业务员业绩",
    valueVeteran: "老员工业绩",
    proposed: "建议移交",
    approved: "已批准",
    rejected: "已拒绝",
    applied: "已执行",
    won: "新开发客户",
    watch: "预警名单",
    month: "月份",
    gini: "基尼系数 {scope}",
    newShare: "新人占比 {scope}",
    chart: "逐月基尼系数（越低越公平）",
  },
};

const tt = (L: Locale, key: string, params: Record<string, string> = {}) => fillTemplate(TEXT[L][key], (n) => params[n] ?? "");

/** "Fairshare Team Report <period>": the scopes' figures above, the months' fairness as the table, with a line chart of the whole team's Gini by month. */
export function teamReportSheet(check: CheckResult, report: readonly TeamScope[], period: MonthIndex, name: string): OutputSheet {
  const L = check.locale;
  const scopeName = (s: string) => s || label(L, "scope.all");
  const all = report[0];
  return {
    name,
    preamble: [
      [tt(L, "title", { period: formatMonth(period) })],
      ["scope", "newReps", "regularReps", "veterans", "valueNew", "valueRegular", "valueVeteran", "proposed", "approved", "rejected", "applied", "won", "watch"].map((k) => tt(L, k)),
      ...report.map((s): Cell[] => [
        scopeName(s.scope),
        s.headcount.new,
        s.headcount.regular,
        s.headcount.veteran,
        s.valueCents.new / 100,
        s.valueCents.regular / 100,
        s.valueCents.veteran / 100,
        s.moves.proposed,
        s.moves.approved,
        s.moves.rejected,
        s.moves.applied,
        s.newCustomersWon,
        s.watch,
      ]),
    ],
    preambleFormats: [undefined, "integer", "integer", "integer", "money", "money", "money", "integer", "integer", "integer", "integer", "integer", "integer"],
    // Month and the whole team's Gini lead, so the chart is one contiguous range.
    columns: [
      { header: tt(L, "month"), width: 10 },
      ...report.flatMap((s) => [
        { header: tt(L, "gini", { scope: scopeName(s.scope) }), format: "number" as const, width: 14 },
        { header: tt(L, "newShare", { scope: scopeName(s.scope) }), format: "percent" as const, width: 16 },
      ]),
    ],
    rows: all.series.map((p, i) => [formatMonth(p.month), ...report.flatMap((s) => [s.series[i].gini, s.series[i].newRepShare])]),
    asTable: true,
    chart: { title: tt(L, "chart"), columns: 2, type: "line" },
  };
}

/** The sheet's own text per locale (exported for the catalogue parity test). */
export { TEXT as TEAM_REPORT_TEXT };
