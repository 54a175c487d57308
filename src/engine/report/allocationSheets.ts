/**
 * The sign-off sheets of a run: the proposal (one row per move, with Decision to fill), fairness before
 * and after, and the accounts at risk of recycling.
 */
import type { AllocationResult, Move } from "../allocation/allocate";
import type { Explanation } from "../allocation/types";
import { renderDiagnostic, renderExplanation } from "../allocation/text";
import { MATCH_FACTORS } from "../allocation/settingsDefs";
import { ruleLabel } from "../allocation/ruleNames";
import { formatMonth } from "../cells";
import type { CheckResult } from "../check";
import { fillTemplate, formatDate } from "../format";
import type { Locale } from "../messages";
import type { FairnessFigures, PortfolioRow } from "../snapshot";
import type { Cell, OutputSheet } from "../table";
import { label } from "./labels";

/** Proposal columns: the English headers are the contract; apply finds columns by either language. */
export const PROPOSAL_COLUMNS = [
  { key: "proposalId", en: "Proposal ID", zh: "建议编号", width: 16 },
  { key: "accountId", en: "Account ID", zh: "客户编号", width: 12 },
  { key: "accountName", en: "Account Name", zh: "客户名称", width: 28 },
  { key: "from", en: "From", zh: "原负责人", width: 10 },
  { key: "to", en: "To", zh: "新负责人", width: 10 },
  { key: "rule", en: "Rule", zh: "规则", width: 14 },
  { key: "reason", en: "Reason", zh: "原因", width: 60 },
  { key: "evidence", en: "Evidence", zh: "依据", width: 70 },
  { key: "value12m", en: "12-month value", zh: "12个月业绩", width: 14, format: "money" as const },
  { key: "decision", en: "Decision", zh: "审批结果", width: 12 },
  { key: "approver", en: "Approver", zh: "审批人", width: 14 },
  { key: "note", en: "Note", zh: "备注", width: 24 },
  { key: "recipient", en: "Why this recipient", zh: "接收人依据", width: 60 },
  { key: "handover", en: "Handover", zh: "移交条款", width: 40 },
  { key: "fromName", en: "From Name", zh: "原负责人姓名", width: 16 },
  { key: "toName", en: "To Name", zh: "新负责人姓名", width: 16 },
  { key: "whyThisRep", en: "Why this rep", zh: "为何选此人", width: 60 },
] as const;

export type ProposalColumnKey = (typeof PROPOSAL_COLUMNS)[number]["key"];

/** Each proposal column's place. */
const COLUMN = Object.fromEntries(PROPOSAL_COLUMNS.map((c, i) => [c.key, i])) as Record<ProposalColumnKey, number>;

/** The Decision list offered in the sheet, per locale; apply accepts both languages and synonyms. */
export const DECISIONS: Record<Locale, [string, string]> = { "en-US": ["Approve", "Reject"], "zh-CN": ["同意", "拒绝"] };

const TEXT: Record<Locale, Record<string, string>> = {
  "en-US": {
    title: "Fairshare proposal for {period}: {moves} moves, {stays} accounts without a recipient",
    titleRegion: "Fairshare proposal for {period}, {region}: {moves} moves, {stays} accounts without a recipient",
    protected: "Only Decision, Approver and Note can be edited on this sheet (it is protected; Review > Unprotect Sheet lifts that).",
    byRule: "By rule: {list}",
    fairness: "Gini {before} → {after}; new reps' share {newBefore} → {newAfter}",
    unplaced: "(unplaced)",
    noRegion: "(no region)",
    diagnostics: "Why these moves (and not more), per rule and region:",
    howto: "Set Decision to Approve or Reject on each row, fill Approver, then run “Apply approved”. Nothing changes until then.",
    fairTitle: "Fairness before and after the proposal, {period}",
    scope: "Scope",
    giniBefore: "Gini before",
    giniAfter: "Gini after",
    topBefore: "Top 10% before",
    topAfter: "Top 10% after",
    newBefore: "New reps before",
    newAfter: "New reps after",
    accountsBefore: "Accounts before",
    accountsAfter: "Accounts after",
    valueBefore: "Value before",
    valueAfter: "Value after",
    change: "Change",
    chartTitle: "12-month value per rep, before and after",
    riskTitle: "Accounts that will be recycled as dormant within {days} days unless they buy",
    watchTitle: "Watch list for {period}: {count} warnings before a rule fires. Each message is addressed to the rep and can be forwarded as it is.",
    monthsLeft: "Months left",
    message: "Message",
    rule: "Rule",
    owner: "Owner",
    lastSale: "Last sale",
    recycledOn: "Recycled on",
    daysLeft: "Days left",
  },
  "zh-CN": {
    title: "Fairshare {period} 调整建议：{moves} 项移交，{stays} 个客户无接收人",
    titleRegion: "Fairshare {period} {region} 调整建议：{moves} 项移交，{stays} 个客户无接收人",
    protected: "本表只能填写审批结果、审批人和备注（工作表已保护；可在“审阅 > 撤销工作表保护”中解除）。",
    byRule: "按规则：{list}",
    fairness: "基尼系数 {before} → {after}；新人占比 {newBefore} → {newAfter}",
    unplaced: "（未分配）",
    noRegion: "（无区域）",
    diagnostics: "各规则、各区域的筛选过程（为何是这些移交、为何没有更多）：",
    howto: "请在每行的审批结果中选择“同意”或“拒绝”并填写审批人，然后执行“应用已批准”。在此之前不会有任何改动。",
    fairTitle: "{period} 调整前后的公平性",
    scope: "范围",
    giniBefore: "调整前基尼系数",
    giniAfter: "调整后基尼系数",
    topBefore: "调整前前 10% 占比",
    topAfter: "调整后前 10% 占比",
    newBefore: "调整前新人占比",
    newAfter: "调整后新人占比",
    accountsBefore: "调整前客户数",
    accountsAfter: "调整后客户数",
    valueBefore: "调整前业绩",
    valueAfter: "调整后业绩",
    change: "变化",
    chartTitle: "每位业务员 12 个月业绩：调整前后",
    riskTitle: "{days} 天内若无成交将作为沉睡客户回收的客户",
    watchTitle: "{period} 预警名单：规则触发前的 {count} 条提醒。每条消息都写给业务员本人，可直接转发。",
    monthsLeft: "剩余月数",
    message: "消息",
    rule: "规则",
    owner: "负责人",
    lastSale: "最后销售",
    recycledOn: "回收日期",
    daysLeft: "剩余天数",
  },
};

function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[locale][key], (n) => (params[n] == null ? undefined : String(params[n])));
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * The rendered fields of a move, as the proposal sheet and the JSON show them. `shared` keeps the text of
 * explanations that many moves share (a saturated region holds tens of thousands of releases with one
 * recipient explanation): pass one map for all the moves of a run so each is rendered once.
 */
export function moveFields(check: CheckResult, m: Move, locale: Locale, shared: Map<Explanation, string> = new Map()) {
  const { model } = check;
  return {
    ...moveTexts(check, m, locale, shared),
    match: m.match
      ? {
          score: round4(m.match.score),
          factors: Object.fromEntries(MATCH_FACTORS.map((k) => [k, round4(m.match!.factors[k])])),
          weights: m.match.weights,
          candidates: m.match.candidates,
          runnerUp: m.match.runnerUp ? { repId: model.reps[m.match.runnerUp.rep].id, score: round4(m.match.runnerUp.score) } : null,
        }
      : null,
  };
}

/** The fields of a move the proposal sheet shows: {@link moveFields} without the match figures. */
function moveTexts(check: CheckResult, m: Move, locale: Locale, shared: Map<Explanation, string>) {
  const { model } = check;
  const acc = model.accounts[m.account];
  const once = (e: Explanation) => {
    let text = shared.get(e);
    if (text === undefined) shared.set(e, (text = renderExplanation(e, locale)));
    return text;
  };
  return {
    proposalId: m.proposalId,
    accountId: acc.id,
    accountName: acc.name,
    fromRepId: m.from >= 0 ? model.reps[m.from].id : m.fromText,
    toRepId: m.to >= 0 ? model.reps[m.to].id : "",
    fromName: m.from >= 0 ? model.reps[m.from].name : "",
    toName: m.to >= 0 ? model.reps[m.to].name : "",
    rule: m.rule,
    reason: renderExplanation(m.reason, locale),
    evidence: renderExplanation(m.evidence, locale),
    recipient: once(m.recipient),
    whyThisRep: once(m.whyThisRep),
    handover: m.handover ? renderExplanation(m.handover, locale) : "",
    value12m: m.valueCents / 100,
  };
}

/** The 90th percentile of the moves' 12-month values (cents): moves above it are "large". */
export function largeMoveThreshold(alloc: AllocationResult): number {
  const values = alloc.moves.filter((m) => m.to >= 0).map((m) => m.valueCents).sort((a, b) => a - b);
  if (values.length < 10) return 0;
  return values[Math.floor(values.length * 0.9) - 1];
}

/** The proposal columns a manager fills in: the only cells of a protected proposal sheet that can be edited. */
export const DECISION_COLUMNS: readonly ProposalColumnKey[] = ["decision", "approver", "note"];

/** One region's part of a proposal (a per-region sheet), protected so that only the decision columns can be edited. */
export interface ProposalScope {
  /** The region whose accounts' moves the sheet lists ("" for accounts without a region). */
  region: string;
  /** The password Unprotect Sheet asks for; none when null or empty. */
  password?: string | null;
}

/**
 * "Fairshare Proposal <period>": one row per move; Decision is a dropdown, empty by default. With a
 * `scope`, only the moves of the region's accounts (and its funnel lines), on a sheet protected so that
 * only Decision, Approver and Note can be edited.
 */
export function proposalSheet(check: CheckResult, alloc: AllocationResult, name: string, scope?: ProposalScope): OutputSheet {
  const L = check.locale;
  const period = formatMonth(alloc.period);
  const inScope = (m: Move) => !scope || check.model.accounts[m.account].region === scope.region;
  const moves = alloc.moves.filter(inScope);
  const counts = new Map<string, number>();
  for (const m of moves) if (m.to >= 0) counts.set(m.rule, (counts.get(m.rule) ?? 0) + 1);
  const f3 = (x: number) => x.toFixed(3);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const allBefore = check.fairness!;
  const allAfter = alloc.fairnessAfter;
  const before = scope ? (allBefore.byRegion[scope.region] ?? allBefore) : allBefore;
  const after = scope ? (allAfter.byRegion[scope.region] ?? before) : allAfter;
  const header = PROPOSAL_COLUMNS.map((c) => (L === "zh-CN" ? c.zh : c.en));
  const placed = moves.filter((m) => m.to >= 0).length;
  const title = scope
    ? t(L, "titleRegion", { period, region: scope.region || t(L, "noRegion"), moves: placed, stays: moves.length - placed })
    : t(L, "title", { period, moves: placed, stays: moves.length - placed });
  const diagnostics = scope ? alloc.diagnostics.filter((d) => d.region === scope.region) : alloc.diagnostics;
  const shared = new Map<Explanation, string>();
  const unplaced = t(L, "unplaced");
  const sheet: OutputSheet = {
    name,
    preamble: [
      [title],
      [t(L, "byRule", { list: [...counts].map(([k, v]) => `${ruleLabel(k, L)} ${v}`).join(", ") || "—" })],
      [t(L, "fairness", { before: f3(before.gini), after: f3(after.gini), newBefore: pct(before.newRepShare), newAfter: pct(after.newRepShare) })],
      [t(L, "howto")],
      [t(L, "diagnostics")],
      ...diagnostics.map((d) => [renderDiagnostic(d, L)]),
    ],
    columns: PROPOSAL_COLUMNS.map((c, i) => ({ header: header[i], width: c.width, format: "format" in c ? c.format : "text" })),
    rows: moves.map((m) => {
      const f = moveTexts(check, m, L, shared);
      // Written straight into the columns' places (one array per move; tens of thousands at scale).
      const row: Cell[] = new Array<Cell>(PROPOSAL_COLUMNS.length).fill(null);
      row[COLUMN.proposalId] = f.proposalId;
      row[COLUMN.accountId] = f.accountId;
      row[COLUMN.accountName] = f.accountName;
      row[COLUMN.from] = f.fromRepId;
      row[COLUMN.to] = f.toRepId;
      row[COLUMN.rule] = ruleLabel(f.rule, L);
      row[COLUMN.reason] = f.reason;
      row[COLUMN.evidence] = f.evidence;
      row[COLUMN.value12m] = f.value12m;
      row[COLUMN.recipient] = f.recipient;
      row[COLUMN.handover] = f.handover;
      row[COLUMN.fromName] = f.fromName;
      // A row without a recipient says so where the recipient's name would be: nobody mistakes it for served.
      row[COLUMN.toName] = f.toRepId ? f.toName : unplaced;
      row[COLUMN.whyThisRep] = f.whyThisRep;
      return row;
    }),
    asTable: true,
    validation: { [L === "zh-CN" ? "审批结果" : "Decision"]: [...DECISIONS[L]] },
    // Large moves stand out: the top tenth of the proposal by 12-month value.
    highlights: largeMoveThreshold(alloc) > 0 ? [{ column: L === "zh-CN" ? "12个月业绩" : "12-month value", when: { op: "greaterThan", value: largeMoveThreshold(alloc) / 100 }, style: "warning" }] : [],
  };
  return scope ? protectDecisions(sheet, L, scope.password ?? null) : sheet;
}

/**
 * A proposal sheet protected so that only Decision, Approver and Note can be edited, with a line above the
 * table that says so; Unprotect Sheet asks for `password` when there is one.
 */
export function protectDecisions(sheet: OutputSheet, locale: Locale, password: string | null): OutputSheet {
  const preamble = [...(sheet.preamble ?? [])];
  const note = t(locale, "protected");
  if (!preamble.some((line) => line[0] === note)) preamble.splice(Math.min(4, preamble.length), 0, [note]);
  const editable = PROPOSAL_COLUMNS.filter((c) => DECISION_COLUMNS.includes(c.key)).map((c) => (locale === "zh-CN" ? c.zh : c.en));
  return { ...sheet, preamble, protection: { editable, ...(password ? { password } : {}) } };
}

/** "Fairshare Fairness <period>": fairness overall and per region before → after, and each rep's book. */
export function fairnessSheet(check: CheckResult, alloc: AllocationResult, name: string): OutputSheet {
  const L = check.locale;
  const before = check.fairness!;
  const after = alloc.fairnessAfter;
  const scopeRow = (scope: string, b: FairnessFigures, a: FairnessFigures): Cell[] => [scope, b.gini, a.gini, b.top10Share, a.top10Share, b.newRepShare, a.newRepShare];
  const preamble: Cell[][] = [
    [t(L, "fairTitle", { period: formatMonth(alloc.period) })],
    [t(L, "scope"), t(L, "giniBefore"), t(L, "giniAfter"), t(L, "topBefore"), t(L, "topAfter"), t(L, "newBefore"), t(L, "newAfter")],
    scopeRow(label(L, "scope.all"), before, after),
    ...Object.keys(before.byRegion).map((r) => scopeRow(r, before.byRegion[r], after.byRegion[r] ?? before.byRegion[r])),
  ];
  const afterById = new Map<string, PortfolioRow>(alloc.portfolioAfter.map((p) => [p.repId, p]));
  return {
    name,
    preamble,
    preambleFormats: [undefined, "number", "number", "percent", "percent", "percent", "percent"],
    // Rep ID and the two values lead, so the chart of value per rep before/after is one contiguous range.
    columns: [
      { header: label(L, "col.repId"), width: 12 },
      { header: t(L, "valueBefore"), format: "money", width: 16 },
      { header: t(L, "valueAfter"), format: "money", width: 16 },
      { header: t(L, "change"), format: "money", width: 14 },
      { header: t(L, "accountsBefore"), format: "integer", width: 12 },
      { header: t(L, "accountsAfter"), format: "integer", width: 12 },
      { header: label(L, "col.name"), width: 20 },
      { header: label(L, "col.region"), width: 12 },
      { header: label(L, "col.class"), width: 10 },
    ],
    rows: check.portfolio.map((p) => {
      const a = afterById.get(p.repId)!;
      return [p.repId, p.value12mCents / 100, a.value12mCents / 100, (a.value12mCents - p.value12mCents) / 100, p.accounts, a.accounts, p.name, p.region, label(L, `class.${p.class}`)];
    }),
    asTable: true,
    chart: { title: t(L, "chartTitle"), columns: 3 },
  };
}

/** "Fairshare At Risk <period>": accounts DORMANT will recycle soon unless they buy. */
export function atRiskSheet(check: CheckResult, alloc: AllocationResult, name: string): OutputSheet {
  const L = check.locale;
  const { model } = check;
  return {
    name,
    preamble: [[t(L, "riskTitle", { days: check.settings.num("remindDays") })]],
    columns: [
      { header: label(L, "col.repId").replace(/Rep ID|工号/, L === "zh-CN" ? "客户编号" : "Account ID"), width: 12 },
      { header: L === "zh-CN" ? "客户名称" : "Account Name", width: 28 },
      { header: t(L, "owner"), width: 10 },
      { header: label(L, "col.region"), width: 12 },
      { header: t(L, "lastSale"), width: 12 },
      { header: t(L, "recycledOn"), width: 12 },
      { header: t(L, "daysLeft"), format: "integer", width: 10 },
    ],
    rows: alloc.atRisk.map((r) => {
      const acc = model.accounts[r.account];
      return [acc.id, acc.name, acc.owner >= 0 ? model.reps[acc.owner].id : "", acc.region, formatDate(r.lastSaleDay), formatDate(r.dormantDay), r.daysLeft];
    }),
    asTable: true,
  };
}

/** "Fairshare Watch <period>": who and what is one step from a rule firing, with a message to the rep. */
export function watchSheet(check: CheckResult, alloc: AllocationResult, name: string): OutputSheet {
  const L = check.locale;
  const { model } = check;
  return {
    name,
    preamble: [[t(L, "watchTitle", { period: formatMonth(alloc.period), count: alloc.watch.length })]],
    columns: [
      { header: label(L, "col.repId"), width: 12 },
      { header: label(L, "col.name"), width: 18 },
      { header: t(L, "rule"), width: 14 },
      { header: L === "zh-CN" ? "客户编号" : "Account ID", width: 12 },
      { header: t(L, "monthsLeft"), format: "integer", width: 10 },
      { header: t(L, "message"), width: 90 },
    ],
    rows: alloc.watch.map((w) => [
      model.reps[w.rep].id,
      model.reps[w.rep].name,
      ruleLabel(w.rule, L),
      w.account === null ? w.accounts.map((a) => model.accounts[a].id).join(", ") : model.accounts[w.account].id,
      w.monthsLeft,
      renderExplanation(w.message, L),
    ]),
    asTable: true,
  };
}

/** The sheet's own text per locale (exported for the catalogue parity test). */
export { TEXT as PROPOSAL_SHEET_TEXT };
