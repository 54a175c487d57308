/**
 * What the pane calls each kind of data problem, in both languages: the title of a group in the issue
 * list, where the sheets show the issue code (the Data Check sheet keeps the code, which people search
 * for). The record is typed by the engine's IssueCode, so a new code without words fails the typecheck;
 * test/taskpane/issueLabels.test.ts checks the words.
 */
import type { IssueCode } from "../../engine/issues";
import type { PaneLocale } from "./locale";

type Words = Readonly<Record<PaneLocale, string>>;

export const ISSUE_LABELS: Readonly<Record<IssueCode, Words>> = {
  missing_sheet: { "en-US": "Sheet not found", "zh-CN": "未找到工作表" },
  missing_column: { "en-US": "Column not found", "zh-CN": "未找到列" },
  mapping_sheet_not_found: { "en-US": "Chosen sheet does not exist", "zh-CN": "指定的工作表不存在" },
  mapping_column_not_found: { "en-US": "Chosen column does not exist", "zh-CN": "指定的列不存在" },
  duplicate_rep_id: { "en-US": "Rep ID appears twice", "zh-CN": "工号重复" },
  duplicate_account_id: { "en-US": "Account ID appears twice", "zh-CN": "客户编号重复" },
  setting_unknown: { "en-US": "Unknown setting", "zh-CN": "未知设置" },
  setting_invalid: { "en-US": "Setting value not usable", "zh-CN": "设置值无效" },
  setting_out_of_range: { "en-US": "Setting out of range", "zh-CN": "设置超出范围" },
  setting_not_regional: { "en-US": "Setting cannot differ by region", "zh-CN": "设置不能按区域区分" },
  setting_unknown_region: { "en-US": "Settings column is not a region", "zh-CN": "设置表中的列不是区域" },
  settings_conflict: { "en-US": "Settings contradict each other", "zh-CN": "设置相互矛盾" },
  bad_number: { "en-US": "Not a number", "zh-CN": "不是数字" },
  bad_date: { "en-US": "Not a date", "zh-CN": "不是日期" },
  bad_bool: { "en-US": "Not yes or no", "zh-CN": "不是“是/否”" },
  cell_error: { "en-US": "Excel error in a cell", "zh-CN": "单元格中有 Excel 错误值" },
  missing_value: { "en-US": "Empty cell", "zh-CN": "单元格为空" },
  totals_row: { "en-US": "Totals row skipped", "zh-CN": "已跳过合计行" },
  unknown_account: { "en-US": "Account not on the accounts sheet", "zh-CN": "客户不在客户表中" },
  unknown_owner: { "en-US": "Owner not on the roster", "zh-CN": "负责人不在花名册中" },
  owner_ambiguous: { "en-US": "Owner's name matches several reps", "zh-CN": "负责人姓名对应多名业务员" },
  unknown_rep: { "en-US": "Rep not on the roster", "zh-CN": "业务员不在花名册中" },
  value_out_of_range: { "en-US": "Value out of range", "zh-CN": "数值超出范围" },
  no_sales: { "en-US": "No sales to report on", "zh-CN": "没有可统计的销售记录" },
  hired_after_period: { "en-US": "Hired after the period", "zh-CN": "统计期间之后入职" },
  region_defaulted: { "en-US": "Region taken from the owner", "zh-CN": "区域取自负责人" },
  quota_missing: { "en-US": "No quota", "zh-CN": "没有指标" },
  quota_column_missing: { "en-US": "No Quota column", "zh-CN": "没有指标列" },
  deals_skipped: { "en-US": "Open or lost deals skipped", "zh-CN": "已跳过未成交或输单的商机" },
  stage_no_won: { "en-US": "No won stage in the stage column", "zh-CN": "阶段列中没有赢单阶段" },
  matched_by_name: { "en-US": "Matched by name instead of ID", "zh-CN": "按名称而非编号匹配" },
  account_ambiguous: { "en-US": "Account name matches several accounts", "zh-CN": "客户名称对应多个客户" },
  rep_ambiguous: { "en-US": "Rep's name matches several reps", "zh-CN": "业务员姓名对应多名业务员" },
  owner_derived: { "en-US": "Owners worked out from sales", "zh-CN": "负责人按销售推算" },
  owner_not_derivable: { "en-US": "No owners, and none can be worked out", "zh-CN": "没有负责人且无法推算" },
  region_derived: { "en-US": "Regions taken from the owners", "zh-CN": "区域取自负责人" },
  hire_date_derived: { "en-US": "Hire dates worked out from first sales", "zh-CN": "入职日期按首笔销售推算" },
  checks_skipped: { "en-US": "Checks skipped", "zh-CN": "部分检查未进行" },
  column_guessed: { "en-US": "Column chosen by its content", "zh-CN": "按内容选定的列" },
  sheet_guessed: { "en-US": "Sheet chosen by its headers", "zh-CN": "按表头选定的工作表" },
  sheet_guessed_content: { "en-US": "Sheet chosen by its content", "zh-CN": "按内容选定的工作表" },
  setting_misspelled: { "en-US": "Setting name misspelled?", "zh-CN": "设置名称可能拼错" },
  future_sale: { "en-US": "Sale dated in the future", "zh-CN": "销售日期在未来" },
  sales_after_period: { "en-US": "Sales after the period", "zh-CN": "统计期间之后的销售" },
  date_out_of_range: { "en-US": "Date outside Excel's range", "zh-CN": "日期超出 Excel 范围" },
  hidden_sheet_skipped: { "en-US": "Hidden sheet not read", "zh-CN": "未读取隐藏的工作表" },
  refunds: { "en-US": "Refunds", "zh-CN": "退款" },
  not_calculated: { "en-US": "Formula not calculated", "zh-CN": "公式未计算" },
};

/**
 * The words for an issue code in the pane's language; a code without words (an engine newer than this
 * list) reads as "Other problem", never as the code.
 * @example issueLabel("unknown_owner", "zh-CN") // "负责人不在花名册中"
 */
export function issueLabel(code: string, locale: PaneLocale): string {
  return (ISSUE_LABELS as Readonly<Record<string, Words>>)[code]?.[locale] ?? (locale === "zh-CN" ? "其他问题" : "Other problem");
}
