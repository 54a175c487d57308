/**
 * The text of every error a custom function can return, and of the labels a function spills, per
 * locale, keyed by code. The cores return issues as data; only the wrappers turn them into text, through here.
 */
import { CELL_ARGUMENTS } from "../engine/incentives/components";
import { localizeIssues, type Issue } from "../engine/issues";
import type { TierProblem } from "../engine/incentives/tiers";

/** The arguments the functions name themselves; the incentive components' own come from their registry. */
type CommonArgumentName = "amount" | "sales" | "quota" | "tiers" | "mode" | "repId" | "sample" | "count";

/**
 * The arguments the functions validate, by their (en-US) parameter names in functions.json: the common
 * ones and every incentive component's cell argument (CELL_ARGUMENTS).
 */
export type ArgumentName = CommonArgumentName | (string & {});

/** Why a function cannot give a value. Row and column are 1-based positions inside a range argument. */
export type FunctionIssue =
  | { code: "negativeValue"; row: number; column: number; value: number }
  | { code: "errorValue"; row: number; column: number; error: string }
  | { code: "notFinite"; row: number; column: number }
  /** GINI's count is more than the numbers the range holds. */
  | { code: "countAboveValues"; count: number; found: number }
  /** GINI's count is less than the range's numbers other than 0 (only zeros can be blanks passed as 0). */
  | { code: "countBelowValues"; count: number; found: number }
  | { code: "argumentNotNumber"; argument: ArgumentName; value: string }
  | { code: "argumentError"; argument: ArgumentName; error: string }
  | { code: "argumentNegative"; argument: ArgumentName; value: number }
  | { code: "argumentNotWhole"; argument: ArgumentName; value: number }
  | { code: "argumentNotBoolean"; argument: ArgumentName; value: string }
  | { code: "argumentTooLarge"; argument: ArgumentName; value: number }
  | { code: "satisfactionOutOfRange"; value: number }
  | { code: "unknownMode"; value: string }
  | { code: "tiersShape"; rows: number; columns: number }
  /** A two-column range argument (category, amount) of another shape. */
  | { code: "rangeShape"; argument: ArgumentName; rows: number; columns: number }
  /** An amount in such a range that is not a number of 0 or more. */
  | { code: "rangeAmount"; argument: ArgumentName; row: number; value: string }
  /** Category sales that add up to more than the sales they are part of. */
  | { code: "categoriesExceedSales"; categories: number; sales: number }
  | { code: "tiersInvalid"; problem: TierProblem["code"]; part: string }
  /** A problem in the Fairshare Settings sheet that would change the plan (the engine's issue, rendered per locale). */
  | { code: "settingsInvalid"; issue: Issue }
  /** Excel refused to read a sheet (not: the sheet does not exist). */
  | { code: "sheetUnreadable"; sheet: string; detail: string }
  /** Excel refused to list the workbook's sheets. */
  | { code: "workbookUnreadable"; detail: string }
  /** Excel did not answer a read in time: a cell in edit mode holds every Excel.run (office-js #1395, #6841). */
  | { code: "workbookBusy"; seconds: number }
  | { code: "noScorecard" }
  | { code: "scorecardNoHeader"; sheet: string }
  | { code: "repIdMissing" }
  | { code: "unknownRep"; repId: string; sheet: string }
  | { code: "duplicateRep"; repId: string; sheet: string; rows: string }
  | { code: "noScore"; repId: string; sheet: string; row: number; value: string };

export type FunctionLocale = "en-US" | "zh-CN";

type Catalogue = { [C in FunctionIssue["code"]]: (issue: Extract<FunctionIssue, { code: C }>) => string };

/**
 * Argument names as Excel shows them in each language. en-US names are the parameter names of
 * functions.json; zh-CN names must match src/functions/i18n.zh-CN.json (a test checks it).
 */
export const ARGUMENT_NAMES: Record<FunctionLocale, Readonly<Record<string, string>>> = {
  "en-US": {
    amount: "amount",
    sales: "sales",
    quota: "quota",
    tiers: "tiers",
    mode: "mode",
    repId: "repId",
    sample: "sample",
    count: "count",
    ...Object.fromEntries(CELL_ARGUMENTS.map((a) => [a.name, a.label["en-US"]])),
  },
  "zh-CN": {
    amount: "金额",
    sales: "销售额",
    quota: "指标",
    tiers: "阶梯",
    mode: "方式",
    repId: "工号",
    sample: "样本",
    count: "个数",
    ...Object.fromEntries(CELL_ARGUMENTS.map((a) => [a.name, a.label["zh-CN"]])),
  },
};

const TIER_PROBLEMS: Record<FunctionLocale, Record<TierProblem["code"], string>> = {
  "en-US": {
    tiers_empty: "the tier table is empty",
    tiers_syntax: "“{part}” is not a “from:rate” pair with a non-negative amount",
    tiers_order: "tiers must start at 0 and rise; the problem is at {part}",
    tiers_rate: "the rate in “{part}” must be between 0 and 1 (or 0% and 100%)",
    tiers_mixed: "“{part}”: a tier table is either amounts or percents of quota, not both",
    tiers_need_quota: "the tiers are percents of quota, and =FAIRSHARE.TIERED has no quota; use =FAIRSHARE.INCENTIVE",
  },
  "zh-CN": {
    tiers_empty: "阶梯表为空",
    tiers_syntax: "“{part}”不是“起点：比例”格式，或起点为负数",
    tiers_order: "阶梯必须从 0 开始并逐档递增；问题出在 {part}",
    tiers_rate: "“{part}”中的比例必须在 0 到 1（或 0% 到 100%）之间",
    tiers_mixed: "“{part}”：阶梯表要么全用金额，要么全用指标百分比，不能混用",
    tiers_need_quota: "阶梯按指标百分比设定，而 =FAIRSHARE.TIERED 没有指标参数；请使用 =FAIRSHARE.INCENTIVE",
  },
};

const arg = (locale: FunctionLocale, name: ArgumentName) => ARGUMENT_NAMES[locale][name] ?? name;

/** The engine's message for a settings issue, with where it is. */
function settingsIssueText(issue: Issue, locale: FunctionLocale): string {
  return localizeIssues([issue], locale)[0].message;
}

const catalogues: Record<FunctionLocale, Catalogue> = {
  "en-US": {
    negativeValue: (i) => `Value ${i.value} at row ${i.row}, column ${i.column} of the range is negative; values must be 0 or more.`,
    errorValue: (i) => `The range holds the error ${i.error} at row ${i.row}, column ${i.column}.`,
    notFinite: (i) => `The value at row ${i.row}, column ${i.column} of the range is not a finite number.`,
    countAboveValues: (i) => `count is ${i.count}, but the range holds only ${i.found} number(s); give COUNT of the same range.`,
    countBelowValues: (i) => `count is ${i.count}, but the range holds ${i.found} number(s) other than 0; give COUNT of the same range.`,
    argumentNotNumber: (i) => `${arg("en-US", i.argument)} must be a number; “${i.value}” is not one.`,
    argumentError: (i) => `${arg("en-US", i.argument)} is the error ${i.error}.`,
    argumentNegative: (i) => `${arg("en-US", i.argument)} is ${i.value}; it must be 0 or more.`,
    argumentNotWhole: (i) => `${arg("en-US", i.argument)} is ${i.value}; it must be a whole number.`,
    argumentNotBoolean: (i) => `${arg("en-US", i.argument)} must be TRUE or FALSE; “${i.value}” is neither.`,
    argumentTooLarge: (i) => `${arg("en-US", i.argument)} is ${i.value}, too large to compute in exact cents.`,
    satisfactionOutOfRange: (i) => `satisfaction is ${i.value}; it must be between 1 and 5 (leave it empty or 0 when unknown).`,
    unknownMode: (i) => `mode “${i.value}” is unknown; use “marginal” (each tier's rate on the part in that tier) or “retroactive” (the reached tier's rate on everything).`,
    tiersShape: (i) =>
      `tiers must be a tier table as text (“0:3%; 100000:5%”) or a two-column range of from and rate; got ${i.rows} row(s) × ${i.columns} column(s).`,
    tiersInvalid: (i) => `Bad tier table: ${TIER_PROBLEMS["en-US"][i.problem].replace("{part}", i.part)}.`,
    rangeShape: (i) => `${arg("en-US", i.argument)} must be a two-column range of category and amount; got ${i.rows} row(s) × ${i.columns} column(s).`,
    rangeAmount: (i) => `${arg("en-US", i.argument)}, row ${i.row}: “${i.value}” is not an amount of 0 or more.`,
    categoriesExceedSales: (i) => `The category sales add up to ${i.categories}, more than sales (${i.sales}); they are part of sales.`,
    settingsInvalid: (i) =>
      `${i.issue.sheet}${i.issue.row !== null ? `, row ${i.issue.row}` : ""}${i.issue.column !== null ? `, column ${i.issue.column}` : ""}: ${settingsIssueText(i.issue, "en-US")} Fix the setting, or give this value in the formula.`,
    sheetUnreadable: (i) => `Could not read the sheet “${i.sheet}” (${i.detail}). Recalculate to try again.`,
    workbookUnreadable: (i) => `Could not list the workbook's sheets (${i.detail}). Recalculate to try again.`,
    workbookBusy: (i) => `Excel did not answer within ${i.seconds} seconds (a cell is being edited, or Excel is busy). Finish the edit, then recalculate (Ctrl+Alt+F9).`,
    noScorecard: () => `No scorecard sheet: run Fairshare to create a “Fairshare Scorecard …” (or “Fairshare 评分卡 …”) sheet first.`,
    scorecardNoHeader: (i) => `Sheet “${i.sheet}” has no header row with “Rep ID” and “Score” columns.`,
    repIdMissing: () => `repId is empty.`,
    unknownRep: (i) => `Rep ID “${i.repId}” is not on the scorecard “${i.sheet}”.`,
    duplicateRep: (i) => `Rep ID “${i.repId}” appears more than once on the scorecard “${i.sheet}” (rows ${i.rows}).`,
    noScore: (i) => `Rep ID “${i.repId}” has no score on “${i.sheet}” (row ${i.row}: “${i.value}”).`,
  },
  "zh-CN": {
    negativeValue: (i) => `区域第 ${i.row} 行第 ${i.column} 列的值 ${i.value} 为负数;数值必须大于或等于 0。`,
    errorValue: (i) => `区域第 ${i.row} 行第 ${i.column} 列包含错误 ${i.error}。`,
    notFinite: (i) => `区域第 ${i.row} 行第 ${i.column} 列的值不是有限数值。`,
    countAboveValues: (i) => `参数“个数”为 ${i.count}，但区域中只有 ${i.found} 个数值；请填入同一区域的 COUNT。`,
    countBelowValues: (i) => `参数“个数”为 ${i.count}，但区域中非 0 的数值就有 ${i.found} 个；请填入同一区域的 COUNT。`,
    argumentNotNumber: (i) => `参数“${arg("zh-CN", i.argument)}”必须是数字；“${i.value}”不是数字。`,
    argumentError: (i) => `参数“${arg("zh-CN", i.argument)}”是错误值 ${i.error}。`,
    argumentNegative: (i) => `参数“${arg("zh-CN", i.argument)}”为 ${i.value}；必须大于或等于 0。`,
    argumentNotWhole: (i) => `参数“${arg("zh-CN", i.argument)}”为 ${i.value}；必须是整数。`,
    argumentNotBoolean: (i) => `参数“${arg("zh-CN", i.argument)}”必须是 TRUE 或 FALSE；“${i.value}”都不是。`,
    argumentTooLarge: (i) => `参数“${arg("zh-CN", i.argument)}”为 ${i.value}，数值过大，无法精确到分计算。`,
    satisfactionOutOfRange: (i) => `满意度为 ${i.value}；必须在 1 到 5 之间（未知时留空或填 0）。`,
    unknownMode: (i) => `未知的计算方式“${i.value}”；请使用“累进”（marginal，各档比例只作用于该档内的部分）或“全额”（retroactive，达到的档位比例作用于全部金额）。`,
    tiersShape: (i) => `阶梯必须是文本形式的阶梯表（“0:3%; 100000:5%”）或“起点、比例”两列区域；实际为 ${i.rows} 行 × ${i.columns} 列。`,
    tiersInvalid: (i) => `阶梯表有误：${TIER_PROBLEMS["zh-CN"][i.problem].replace("{part}", i.part)}。`,
    rangeShape: (i) => `参数“${arg("zh-CN", i.argument)}”必须是“品类、金额”两列区域；实际为 ${i.rows} 行 × ${i.columns} 列。`,
    rangeAmount: (i) => `参数“${arg("zh-CN", i.argument)}”第 ${i.row} 行：“${i.value}”不是大于或等于 0 的金额。`,
    categoriesExceedSales: (i) => `各品类销售额合计 ${i.categories}，超过销售额 ${i.sales}；品类销售额应是销售额的一部分。`,
    settingsInvalid: (i) =>
      `${i.issue.sheet}${i.issue.row !== null ? ` 第 ${i.issue.row} 行` : ""}${i.issue.column !== null ? `“${i.issue.column}”列` : ""}：${settingsIssueText(i.issue, "zh-CN")}请修正该设置，或在公式中直接给出此值。`,
    sheetUnreadable: (i) => `无法读取工作表“${i.sheet}”（${i.detail}）。请重新计算以重试。`,
    workbookUnreadable: (i) => `无法读取工作簿的工作表列表（${i.detail}）。请重新计算以重试。`,
    workbookBusy: (i) => `Excel 在 ${i.seconds} 秒内没有响应（有单元格正在编辑，或 Excel 正忙）。请完成编辑后重新计算（Ctrl+Alt+F9）。`,
    noScorecard: () => `没有评分卡工作表：请先运行 Fairshare 生成“Fairshare 评分卡 …”工作表。`,
    scorecardNoHeader: (i) => `工作表“${i.sheet}”没有包含“工号”和“评分”列的标题行。`,
    repIdMissing: () => `工号为空。`,
    unknownRep: (i) => `评分卡“${i.sheet}”中没有工号“${i.repId}”。`,
    duplicateRep: (i) => `工号“${i.repId}”在评分卡“${i.sheet}”中出现多次（第 ${i.rows} 行）。`,
    noScore: (i) => `工号“${i.repId}”在“${i.sheet}”中没有评分（第 ${i.row} 行：“${i.value}”）。`,
  },
};

/**
 * The message for an issue in the given locale.
 *
 * @example
 * functionMessage({ code: "negativeValue", row: 2, column: 1, value: -3 }, "en-US")
 * // "Value -3 at row 2, column 1 of the range is negative; values must be 0 or more."
 */
export function functionMessage(issue: FunctionIssue, locale: FunctionLocale): string {
  const render = catalogues[locale][issue.code] as (issue: FunctionIssue) => string;
  return render(issue);
}

/** "zh-CN" for any Chinese display language, "en-US" otherwise (also when it is unknown). */
export function functionLocale(displayLanguage: string | undefined | null): FunctionLocale {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

/** Header and total labels of =FAIRSHARE.BREAKDOWN (the same words as the Incentives sheet; component names come from the component registry). */
export interface BreakdownLabels {
  header: readonly [component: string, base: string, rate: string, amount: string, explanation: string];
  total: string;
}

const BREAKDOWN_LABELS: Record<FunctionLocale, BreakdownLabels> = {
  "en-US": {
    header: ["Component", "Base", "Rate", "Amount", "Explanation"],
    total: "Total",
  },
  "zh-CN": {
    header: ["项目", "基数", "比例", "金额", "计算说明"],
    total: "合计",
  },
};

/**
 * The labels of the breakdown table in a locale.
 * @example breakdownLabels("zh-CN").total // "合计"
 */
export function breakdownLabels(locale: FunctionLocale): BreakdownLabels {
  return BREAKDOWN_LABELS[locale];
}
