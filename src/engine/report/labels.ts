/**
 * Text of output sheets (titles, headers, class names) per locale. Sheet names are contracts and stay
 * as the issues give them.
 */
import { fillTemplate } from "../format";
import type { Locale } from "../messages";

/** The kinds of sheet Fairshare writes. */
export type OutputKind = "dataCheck" | "portfolio" | "proposal" | "fairness" | "atRisk" | "watch" | "teamReport" | "scorecard" | "incentives" | "auditLog";

/**
 * Output sheet names per locale. The English names are the contract (CLI, JSON, tests); a zh-CN
 * workbook gets Chinese names. Everything that looks for an output sheet accepts both.
 */
export const SHEET_BASES: Record<Locale, Record<OutputKind, string>> = {
  "en-US": {
    dataCheck: "Fairshare Data Check",
    portfolio: "Fairshare Portfolio",
    proposal: "Fairshare Proposal",
    fairness: "Fairshare Fairness",
    atRisk: "Fairshare At Risk",
    watch: "Fairshare Watch",
    teamReport: "Fairshare Team Report",
    scorecard: "Fairshare Scorecard",
    incentives: "Fairshare Incentives",
    auditLog: "Fairshare Audit Log",
  },
  "zh-CN": {
    dataCheck: "Fairshare 数据检查",
    portfolio: "Fairshare 客户资源快照",
    proposal: "Fairshare 调整建议",
    fairness: "Fairshare 公平性",
    atRisk: "Fairshare 回收预警",
    watch: "Fairshare 预警名单",
    teamReport: "Fairshare 团队报告",
    scorecard: "Fairshare 评分卡",
    incentives: "Fairshare 激励明细",
    auditLog: "Fairshare 审计日志",
  },
};

/** The English names, for callers that need the contract names. */
export const SHEET_NAMES = SHEET_BASES["en-US"];

/**
 * The name of an output sheet in a locale, with the period where the kind has one.
 * @example sheetName("proposal", "zh-CN", "2026-10") // "Fairshare 调整建议 2026-10"
 */
export function sheetName(kind: OutputKind, locale: Locale, period?: string): string {
  return period ? `${SHEET_BASES[locale][kind]} ${period}` : SHEET_BASES[locale][kind];
}

/**
 * Which output a sheet is, in either language ("Fairshare Proposal 2026-10 #2" → "proposal").
 * @example sheetKind("Fairshare 评分卡 2026-10") // "scorecard"
 */
export function sheetKind(name: string): OutputKind | null {
  for (const locale of ["en-US", "zh-CN"] as const) {
    for (const [kind, base] of Object.entries(SHEET_BASES[locale]) as [OutputKind, string][]) {
      if (name === base || name.startsWith(`${base} `)) return kind;
    }
  }
  return null;
}

const EN = {
  "severity.error": "Error",
  "severity.warning": "Warning",
  "severity.info": "Note",
  "check.title": "Fairshare data check",
  "check.summary": "{errors} errors, {warnings} warnings, {notes} notes. Period: {period}.",
  "col.count": "Count",
  "col.firstExample": "First example",
  "check.none": "No problems found.",
  "col.severity": "Severity",
  "col.code": "Code",
  "col.sheet": "Sheet",
  "col.row": "Row",
  "col.column": "Column",
  "col.message": "Message",
  "portfolio.title": "Fairshare portfolio snapshot, {period}",
  "col.scope": "Scope",
  "col.reps": "Reps",
  "col.gini": "Gini",
  "col.top10Share": "Top 10% share",
  "col.newRepShare": "New-rep share",
  "col.totalValue": "12-month value",
  "scope.all": "All regions",
  "col.repId": "Rep ID",
  "col.name": "Name",
  "col.region": "Region",
  "col.branch": "Branch",
  "col.class": "Class",
  "col.tenure": "Tenure (months)",
  "col.tenureBasis": "Tenure from",
  "tenure.firstSale": "first sale (no hire date)",
  "col.accounts": "Accounts",
  "col.value12m": "12-month value",
  "col.regionShare": "Share of region",
  "class.new": "New",
  "class.regular": "Regular",
  "class.veteran": "Veteran",
};

export type LabelKey = keyof typeof EN;

const ZH: Record<LabelKey, string> = {
  "severity.error": "错误",
  "severity.warning": "警告",
  "severity.info": "提示",
  "check.title": "Fairshare 数据检查",
  "check.summary": "{errors} 个错误，{warnings} 个警告，{notes} 条提示。统计期间：{period}。",
  "col.count": "数量",
  "col.firstExample": "首个示例",
  "check.none": "未发现问题。",
  "col.severity": "级别",
  "col.code": "代码",
  "col.sheet": "工作表",
  "col.row": "行",
  "col.column": "列",
  "col.message": "说明",
  "portfolio.title": "Fairshare 客户资源快照，{period}",
  "col.scope": "范围",
  "col.reps": "人数",
  "col.gini": "基尼系数",
  "col.top10Share": "前 10% 占比",
  "col.newRepShare": "新人占比",
  "col.totalValue": "12 个月业绩",
  "scope.all": "全部区域",
  "col.repId": "工号",
  "col.name": "姓名",
  "col.region": "区域",
  "col.branch": "分公司",
  "col.class": "类别",
  "col.tenure": "司龄（月）",
  "col.tenureBasis": "司龄起算",
  "tenure.firstSale": "首笔销售（无入职日期）",
  "col.accounts": "客户数",
  "col.value12m": "12 个月业绩",
  "col.regionShare": "区域占比",
  "class.new": "新人",
  "class.regular": "普通",
  "class.veteran": "老员工",
};

export const LABELS: Record<Locale, Record<LabelKey, string>> = { "en-US": EN, "zh-CN": ZH };

/**
 * A label in a locale, with {name} placeholders filled.
 * @example label("en-US", "check.summary", { errors: 0, warnings: 2, period: "2026-03" })
 */
export function label(locale: Locale, key: LabelKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(LABELS[locale][key], (n) => (params[n] == null ? undefined : String(params[n])));
}
