/**
 * What `fairshare check` and `run` print: the period, counts, every issue grouped by code (with counts
 * and the first examples), fairness and the proposal, in the result's language.
 */
import type { AllocationResult } from "../engine/allocation/allocate";
import { formatMonth } from "../engine/cells";
import type { CheckResult } from "../engine/check";
import type { Issue } from "../engine/issues";
import type { Locale } from "../engine/messages";
import { countBySeverity, GROUP_EXAMPLES, groupIssues } from "../engine/report/issueGroups";

const EN = {
  period: "Period: {period}",
  counts: "Reps: {reps} ({active} active)  Accounts: {accounts}  Sales rows: {sales}",
  issues: "Issues: {errors} errors, {warnings} warnings, {notes} notes",
  "severity.error": "error",
  "severity.warning": "warning",
  "severity.info": "note",
  group: "  {severity} {code} ×{count}",
  at: "{sheet}",
  atRow: "{sheet} row {row}",
  atCell: "{sheet} row {row} [{column}]",
  atColumn: "{sheet} [{column}]",
  example: "      {where}: {message}",
  more: "      … and {count} more",
  fairness: "Fairness: Gini {gini}, top 10% hold {top10}%, new reps hold {newReps}%",
  moves: "Proposed moves: {moves}{stays}; {atRisk} accounts at risk",
  movesNone: "none",
  stays: "; {count} without a recipient",
  fairnessAfter: "Fairness after: Gini {gini}, new reps hold {newReps}%",
  wrote: "Wrote {out}: {sheets}",
};

type Key = keyof typeof EN;

const ZH: Record<Key, string> = {
  period: "统计期间：{period}",
  counts: "业务员：{reps}（在职 {active}）  客户：{accounts}  销售记录：{sales} 行",
  issues: "问题：{errors} 个错误，{warnings} 个警告，{notes} 条提示",
  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",
  group: "  {severity} {code} ×{count}",
  at: "{sheet}",
  atRow: "{sheet} 第 {row} 行",
  atCell: "{sheet} 第 {row} 行 [{column}]",
  atColumn: "{sheet} [{column}]",
  example: "      {where}：{message}",
  more: "      …… 另有 {count} 条",
  fairness: "公平性：基尼系数 {gini}，前 10% 占 {top10}%，新人占 {newReps}%",
  moves: "建议调整：{moves}{stays}；{atRisk} 个客户有回收风险",
  movesNone: "无",
  stays: "；{count} 个暂无接收人",
  fairnessAfter: "调整后公平性：基尼系数 {gini}，新人占 {newReps}%",
  wrote: "已写入 {out}：{sheets}",
};

/** The CLI's text per locale; the type makes both catalogues have the same keys. */
export const CLI_TEXT: Record<Locale, Record<Key, string>> = { "en-US": EN, "zh-CN": ZH };

function say(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return CLI_TEXT[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}

/** Where an issue is, as much as it has: "Sales row 12 [Owner]". */
function where(locale: Locale, i: Issue): string {
  const p = { sheet: i.sheet, row: i.row ?? "", column: i.column ?? "" };
  if (i.row !== null) return say(locale, i.column ? "atCell" : "atRow", p);
  return say(locale, i.column ? "atColumn" : "at", p);
}

/**
 * Every issue grouped by code: one line per group with its count, its first examples, and how many more.
 * @example issueLines(result.issues, "en-US") // ["Issues: 0 errors, 2 warnings, 1 notes", "  warning unknown_account ×2", …]
 */
export function issueLines(issues: readonly Issue[], locale: Locale): string[] {
  const n = countBySeverity(issues);
  const lines = [say(locale, "issues", { errors: n.error, warnings: n.warning, notes: n.info })];
  for (const g of groupIssues(issues)) {
    lines.push(say(locale, "group", { severity: say(locale, `severity.${g.severity}`), code: g.code, count: g.count }));
    for (const e of g.examples) lines.push(say(locale, "example", { where: where(locale, e), message: e.message }));
    if (g.count > GROUP_EXAMPLES) lines.push(say(locale, "more", { count: g.count - GROUP_EXAMPLES }));
  }
  return lines;
}

const pct = (x: number) => (x * 100).toFixed(1);

/**
 * The summary `check` and `run` print, in the result's locale.
 * @example summary(result, [], undefined, null)
 */
export function summary(r: CheckResult, written: string[], out: string | undefined, alloc: AllocationResult | null): string {
  const L = r.locale;
  const lines = [
    say(L, "period", { period: r.period === null ? "—" : formatMonth(r.period) }),
    say(L, "counts", { reps: r.model.reps.length, active: r.portfolio.length, accounts: r.model.accounts.length, sales: r.model.sales.count }),
    ...issueLines(r.issues, L),
  ];
  if (r.fairness) {
    const f = r.fairness;
    lines.push(say(L, "fairness", { gini: f.gini.toFixed(3), top10: pct(f.top10Share), newReps: pct(f.newRepShare) }));
  }
  if (alloc) {
    const byRule = new Map<string, number>();
    for (const m of alloc.moves) if (m.to >= 0) byRule.set(m.rule, (byRule.get(m.rule) ?? 0) + 1);
    const stays = alloc.moves.filter((m) => m.to < 0).length;
    lines.push(
      say(L, "moves", {
        moves: [...byRule].map(([k, v]) => `${k} ${v}`).join(", ") || say(L, "movesNone"),
        stays: stays ? say(L, "stays", { count: stays }) : "",
        atRisk: alloc.atRisk.length,
      }),
    );
    lines.push(say(L, "fairnessAfter", { gini: alloc.fairnessAfter.gini.toFixed(3), newReps: pct(alloc.fairnessAfter.newRepShare) }));
  }
  if (written.length) lines.push(say(L, "wrote", { out: out ?? "", sheets: written.join(", ") }));
  return `${lines.join("\n")}\n`;
}
