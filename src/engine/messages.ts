/**
 * All engine message text, per locale, keyed by issue code. Templates use {name} placeholders
 * filled from the issue's params (plus sheet, row and column).
 */
import type { IssueCode } from "./issues";
import { SCHEMA } from "./schema";

export type Locale = "en-US" | "zh-CN";
export const LOCALES: readonly Locale[] = ["en-US", "zh-CN"];

type Catalogue = Record<IssueCode, string>;

const EN: Catalogue = {
  missing_sheet: "No {role} sheet was found. Name a sheet {names}, or set sheet.{roleKey} in Fairshare Settings.",
  missing_column: "Sheet “{sheet}” has no {field} column (looked for: {names}).",
  mapping_sheet_not_found: "Fairshare Settings maps {role} to sheet “{value}”, which does not exist.",
  mapping_column_not_found: "Fairshare Settings maps {field} to column “{value}”, which sheet “{sheet}” does not have.",
  duplicate_rep_id: "Rep ID “{value}” appears again (first at row {firstRow}).",
  duplicate_account_id: "Account ID “{value}” appears again (first at row {firstRow}).",
  setting_unknown: "Unknown setting “{value}”; it is ignored.",
  setting_invalid: "Setting {key}: “{value}” is not a valid {type}.",
  setting_out_of_range: "Setting {key}: {value} is out of range ({min} to {max}).",
  setting_not_regional: "Setting {key} cannot differ by region; the value in column “{column}” is ignored.",
  setting_unknown_region: "Column “{column}” of Fairshare Settings is not a region in the roster; its overrides are ignored.",
  settings_conflict: "Settings conflict: {detail}.",
  bad_number: "“{value}” is not a number; {action}.",
  bad_date: "“{value}” is not a date; {action}.",
  bad_bool: "“{value}” is not yes/no; {action}.",
  cell_error: "The cell holds the Excel error {value}; {action}.",
  missing_value: "{column} is empty; {action}.",
  totals_row: "A totals row (“{value}”) is skipped.",
  unknown_account: "Account “{value}” is not on the accounts sheet; the row is skipped.",
  unknown_owner: "Owner “{value}” is not in the roster; the account is treated as unowned.",
  owner_matched_by_name: "Owner “{value}” is a name, not a Rep ID; taken as {repId}.",
  owner_ambiguous: "Owner “{value}” matches {count} reps by name; the account is treated as unowned.",
  unknown_rep: "Rep “{value}” is not in the roster; {action}.",
  value_out_of_range: "{column} {value} is out of range ({min} to {max}); it is ignored.",
  no_sales: "No sales rows could be read, so there is no period to report on; set period in Fairshare Settings.",
  hired_after_period: "{value} is hired after the period {period}; left out of this period.",
  region_defaulted: "Region is empty; the owner's region {value} is used.",
  quota_missing: "{value} has no Quota and defaultQuota is not set: no sales score, commission threshold, accelerator or team bonus for this rep, and none for the region's team.",
};

const ZH: Catalogue = {
  missing_sheet: "未找到{role}工作表。请将工作表命名为 {names}，或在 Fairshare Settings 中设置 sheet.{roleKey}。",
  missing_column: "工作表“{sheet}”缺少{field}列（查找过：{names}）。",
  mapping_sheet_not_found: "Fairshare Settings 将{role}映射到工作表“{value}”，但该工作表不存在。",
  mapping_column_not_found: "Fairshare Settings 将{field}映射到列“{value}”，但工作表“{sheet}”没有该列。",
  duplicate_rep_id: "工号“{value}”重复（首次出现在第 {firstRow} 行）。",
  duplicate_account_id: "客户编号“{value}”重复（首次出现在第 {firstRow} 行）。",
  setting_unknown: "未知设置“{value}”，已忽略。",
  setting_invalid: "设置 {key}：“{value}”不是有效的{type}。",
  setting_out_of_range: "设置 {key}：{value} 超出范围（{min} 至 {max}）。",
  setting_not_regional: "设置 {key} 不能按区域设置，“{column}”列中的值已忽略。",
  setting_unknown_region: "Fairshare Settings 的“{column}”列不是花名册中的区域，其覆盖值已忽略。",
  settings_conflict: "设置冲突：{detail}。",
  bad_number: "“{value}”不是数字；{action}。",
  bad_date: "“{value}”不是日期；{action}。",
  bad_bool: "“{value}”不是是/否；{action}。",
  cell_error: "单元格为 Excel 错误值 {value}；{action}。",
  missing_value: "{column}为空；{action}。",
  totals_row: "合计行（“{value}”）已跳过。",
  unknown_account: "客户“{value}”不在客户表中，该行已跳过。",
  unknown_owner: "负责人“{value}”不在花名册中，该客户按无归属处理。",
  owner_matched_by_name: "负责人“{value}”是姓名而非工号，已按 {repId} 处理。",
  owner_ambiguous: "负责人“{value}”按姓名匹配到 {count} 名业务员，该客户按无归属处理。",
  unknown_rep: "业务员“{value}”不在花名册中；{action}。",
  value_out_of_range: "{column} {value} 超出范围（{min} 至 {max}），已忽略。",
  no_sales: "没有可读取的销售记录，无法确定统计期间；请在 Fairshare Settings 中设置 period。",
  hired_after_period: "{value} 在统计期间 {period} 之后入职，本期不计入。",
  region_defaulted: "区域为空，已使用负责人的区域 {value}。",
  quota_missing: "{value} 没有指标且未设置 defaultQuota：该业务员不计销售评分、提成门槛、加速提成和团队奖，其区域也不计团队奖。",
};

/** Words used inside messages (actions, field and role names), per locale. */
const WORDS: Record<Locale, Record<string, string>> = {
  "en-US": {
    "action.rowSkipped": "the row is skipped",
    "action.blank": "it is treated as blank",
    "action.defaultYes": "yes is assumed",
    "action.defaultNo": "no is assumed",
    "action.creditOwner": "the sale is credited to the account's owner",
    "action.tenureUnknown": "tenure is unknown and the rep counts as regular",
    "action.noRegion": "the row has no region",
    "action.nameFromId": "the Rep ID is used as the name",
    "type.int": "whole number",
    "type.number": "number",
    "type.percent": "percentage",
    "type.boolean": "yes/no",
    "type.month": "month (YYYY-MM)",
    "type.enum": "choice",
    "type.text": "text",
    "type.sheet": "sheet name",
    "type.tiers": "tier table (from:rate; …, starting at 0)",
  },
  "zh-CN": {
    "action.rowSkipped": "该行已跳过",
    "action.blank": "按空值处理",
    "action.defaultYes": "默认为是",
    "action.defaultNo": "默认为否",
    "action.creditOwner": "该笔销售计入客户负责人",
    "action.tenureUnknown": "司龄未知，按普通业务员处理",
    "action.noRegion": "该行无区域",
    "action.nameFromId": "以工号作为姓名",
    "type.int": "整数",
    "type.number": "数字",
    "type.percent": "百分比",
    "type.boolean": "是/否",
    "type.month": "月份（YYYY-MM）",
    "type.enum": "选项",
    "type.text": "文本",
    "type.sheet": "工作表名称",
    "type.tiers": "阶梯表（起点:比例; …，从 0 开始）",
  },
};

// Role and field names come from the data contract, so a new column is named in both languages once.
for (const locale of ["en-US", "zh-CN"] as const) {
  for (const spec of SCHEMA) {
    WORDS[locale][`role.${spec.role}`] = spec.label[locale];
    for (const field of spec.fields) WORDS[locale][`field.${spec.role}.${field.key}`] = field.label[locale];
  }
}

const CATALOGUES: Record<Locale, Catalogue> = { "en-US": EN, "zh-CN": ZH };

/**
 * Picks a supported locale from a language tag ("zh", "zh-Hans-CN" → zh-CN; anything else → en-US).
 * @example toLocale("zh-TW") // "zh-CN"
 */
export function toLocale(tag: string | null | undefined): Locale {
  return tag && /^zh/i.test(tag) ? "zh-CN" : "en-US";
}

/** A word from the message vocabulary (e.g. "action.rowSkipped"); the key itself when unknown. */
export function word(locale: Locale, key: string): string {
  return WORDS[locale][key] ?? WORDS["en-US"][key] ?? key;
}

/**
 * Renders the message for an issue code. Param values that are vocabulary keys (e.g. "action.rowSkipped")
 * are translated too.
 * @example renderMessage("en-US", "missing_value", { column: "Amount" }) // "Amount is empty; the row is skipped."
 */
export function renderMessage(locale: Locale, code: IssueCode, params: Record<string, string | number>): string {
  const template = CATALOGUES[locale][code];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) return `{${name}}`;
    return typeof v === "string" && (WORDS[locale][v] !== undefined) ? WORDS[locale][v] : String(v);
  });
}

/** Both catalogues, for the test that they cover the same codes. */
export const MESSAGE_CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = CATALOGUES;
export const WORD_CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = WORDS;
