/**
 * What `fairshare check` and `run` print: the period, counts, every issue grouped by code (with counts
 * and the first examples), fairness and the proposal, in the result's language.
 */
import { ruleLabel } from "../engine/allocation/ruleNames";
import type { AllocationResult } from "../engine/allocation/allocate";
import { renderDiagnostic } from "../engine/allocation/text";
import type { ApplyOutcome } from "../engine/allocation/apply";
import { conflictText } from "../engine/allocation/applyText";
import { formatMonth } from "../engine/cells";
import type { CheckResult } from "../engine/check";
import type { Issue } from "../engine/issues";
import { fillPlaceholders, type Locale } from "../engine/messages";
import { countBySeverity, GROUP_EXAMPLES, groupIssues } from "../engine/report/issueGroups";

const EN = {
  period: "Period: {period}",
  counts: "Reps: {reps} ({active} active)  Accounts: {accounts}  Sales rows: {sales}",
  issues: "Issues: {errors|# error|# errors}, {warnings|# warning|# warnings}, {notes|# note|# notes}",
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
  moves: "Proposed moves: {moves}{stays}; {atRisk|# account|# accounts} at risk",
  movesNone: "none",
  stays: "; {count} without a recipient",
  fairnessAfter: "Fairness after: Gini {gini}, new reps hold {newReps}%",
  watch: "Watch list: {count|# warning|# warnings} before a rule fires (see the Fairshare Watch sheet)",
  funnel: "Funnel (why these moves, and not more):",
  wrote: "Wrote {out}: {sheets}",
  progress: "fairshare: {step} {pct}%",
  "step.open": "open",
  "step.detect": "detect",
  "step.read": "read",
  "step.check": "check",
  "step.allocate": "allocate",
  "step.evaluate": "evaluate",
  "step.write": "write",
  "step.save": "save",
  "step.done": "done",
  applied: "Applied {sheet}: {applied} applied, {conflicts|# conflict|# conflicts}, {already} already applied, {rejected} rejected, {pending} pending{unreadable}",
  unreadable: ", {count|# unreadable decision|# unreadable decisions}",
  conflict: "  conflict {id} ({account}): {detail}",
  wroteFile: "Wrote {out}",
  settingsAdded: "Added {count|# setting|# settings} to Fairshare Settings: {keys}",
  settingsComplete: "Fairshare Settings already lists every setting",
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
  watch: "预警名单：规则触发前的 {count} 条提醒（见 Fairshare 预警名单 工作表）",
  funnel: "筛选过程（为何是这些移交，为何没有更多）：",
  wrote: "已写入 {out}：{sheets}",
  progress: "fairshare：{step} {pct}%",
  "step.open": "打开",
  "step.detect": "识别工作表",
  "step.read": "读取",
  "step.check": "检查",
  "step.allocate": "分配",
  "step.evaluate": "评分与激励",
  "step.write": "写入",
  "step.save": "保存",
  "step.done": "完成",
  applied: "已执行 {sheet}：{applied} 条已生效，{conflicts} 条冲突，{already} 条此前已生效，{rejected} 条已驳回，{pending} 条待审批{unreadable}",
  unreadable: "，{count} 条审批结果无法识别",
  conflict: "  冲突 {id}（{account}）：{detail}",
  wroteFile: "已写入 {out}",
  settingsAdded: "已向 Fairshare Settings 添加 {count} 项设置：{keys}",
  settingsComplete: "Fairshare Settings 已包含全部设置",
};

/** The CLI's text per locale; the type makes both catalogues have the same keys. */
export const CLI_TEXT: Record<Locale, Record<Key, string>> = { "en-US": EN, "zh-CN": ZH };

function say(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(CLI_TEXT[locale][key], params, locale);
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
 * One progress line (to stderr): the step in the locale and how far along.
 * @example progressLine("read", 0.1, "zh-CN") // "fairshare：读取 10%\n"
 */
export function progressLine(step: string, fraction: number, locale: Locale): string {
  const key = `step.${step}` as Key;
  return `${say(locale, "progress", { step: key in EN ? say(locale, key) : step, pct: Math.round(fraction * 100) })}\n`;
}

/**
 * What `settings` prints: the settings added (or that none were missing) and the file written.
 * @example settingsSummary(["wonStages"], "out.xlsx", "en-US")
 */
export function settingsSummary(added: readonly string[], out: string, locale: Locale): string {
  const first = added.length ? say(locale, "settingsAdded", { count: added.length, keys: added.join(", ") }) : say(locale, "settingsComplete");
  return `${first}\n${say(locale, "wroteFile", { out })}\n`;
}

/**
 * What `apply` prints: the counts, each conflict, and the file written.
 * @example applySummary("Fairshare Proposal 2026-10", outcome, "out.xlsx", "en-US")
 */
export function applySummary(sheet: string | null, o: ApplyOutcome, out: string, locale: Locale): string {
  const lines = [
    say(locale, "applied", {
      sheet: sheet ?? "",
      applied: o.applied.length,
      conflicts: o.conflicts.length,
      already: o.alreadyApplied.length,
      rejected: o.rejected.length,
      pending: o.pending,
      unreadable: o.problems.length ? say(locale, "unreadable", { count: o.problems.length }) : "",
    }),
    ...o.conflicts.map((c) => say(locale, "conflict", { id: c.proposalId, account: c.accountId, detail: c.reason ? conflictText(c.reason, locale) : (c.detail ?? "") })),
    say(locale, "wroteFile", { out }),
  ];
  return `${lines.join("\n")}\n`;
}

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
        moves: [...byRule].map(([k, v]) => `${ruleLabel(k, L)} ${v}`).join(", ") || say(L, "movesNone"),
        stays: stays ? say(L, "stays", { count: stays }) : "",
        atRisk: alloc.atRisk.length,
      }),
    );
    lines.push(say(L, "fairnessAfter", { gini: alloc.fairnessAfter.gini.toFixed(3), newReps: pct(alloc.fairnessAfter.newRepShare) }));
    if (alloc.watch.length) lines.push(say(L, "watch", { count: alloc.watch.length }));
    // The funnel per rule and region: why these moves and not more, with the setting that binds.
    lines.push(say(L, "funnel"));
    for (const d of alloc.diagnostics) lines.push(`  ${renderDiagnostic(d, L)}`);
  }
  if (written.length) lines.push(say(L, "wrote", { out: out ?? "", sheets: written.join(", ") }));
  return `${lines.join("\n")}\n`;
}
