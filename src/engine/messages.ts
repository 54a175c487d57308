/**
 * All engine message text, per locale, keyed by issue code. Templates use {name} placeholders
 * filled from the issue's params (plus sheet, row and column).
 */
import type { IssueCode } from "./issues";
import { fillTemplate } from "./format";
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
  owner_ambiguous: "Owner “{value}” matches {count} reps by name; the account is treated as unowned.",
  unknown_rep: "Rep “{value}” is not in the roster; {action}.",
  value_out_of_range: "{column} {value} is out of range ({min} to {max}); it is ignored.",
  no_sales: "No sales rows could be read, so there is no period to report on; set period in Fairshare Settings.",
  hired_after_period: "{value} is hired after the period {period}; left out of this period.",
  region_defaulted: "Region is empty; the owner's region {value} is used.",
  quota_missing: "{value} has no Quota and defaultQuota is not set: no sales score, commission threshold, accelerator or team bonus for this rep, and none for the region's team.",
  quota_column_missing: "The roster has no Quota column and defaultQuota is not set. Active reps without a quota: {count} ({examples}); they get no sales score, commission threshold, accelerator or team bonus. Add a Quota column, or set defaultQuota.",
  deals_skipped: "{count} open or lost deals skipped (only the stages in wonStages count as sales): {stages}.",
  stage_no_won: "Column “{column}” holds none of the won stages in wonStages, so it is not read as a deal stage and every row counts.",
  matched_by_name: "{count} rows name the {field} instead of giving its ID; matched by name.",
  account_ambiguous: "Account “{value}” matches {count} accounts by name; the row is skipped.",
  rep_ambiguous: "Rep “{value}” matches {count} reps by name; {action}.",
  owner_derived: "The accounts sheet has no Owner column: each account's owner is the rep with the most sales on it in the 12 months to {period} (ties by the seeded order); {count} accounts got an owner, {unowned} have no sales in those months and stay unowned. Turn off with deriveOwner.",
  owner_not_derivable: "The accounts sheet has no Owner column, and the sales sheet has no Rep column to derive owners from. Add an Owner column, or map one with column.accounts.owner.",
  region_derived: "The accounts sheet has no Region column: {count} accounts take their owner's region. Turn off with deriveRegion.",
  hire_date_derived: "The roster has no Hire Date column: {count} reps' tenure starts at their first sale (marked as derived); {unknown} without sales have unknown tenure. Turn off with deriveHireDate.",
  checks_skipped: "{what} not checked, because {reason}.",
  column_guessed: "No {field} column by name; column “{value}” is taken by its content ({confidence}% of its cells are {kind}). Set {setting} in Fairshare Settings to choose another.",
  sheet_guessed: "Sheet “{sheet}” is read as the {role} sheet by its headers ({columns}; {named} of {required} required columns named{rest}). Set sheet.{roleKey} in Fairshare Settings to choose another.",
  sheet_guessed_content: "Sheet “{sheet}” is read as the {role} sheet by its content: no sheet is named like one and no header names its columns, but column “{dateColumn}” holds dates and column “{amountColumn}” amounts (confidence {confidence}%). Set sheet.{roleKey} in Fairshare Settings to choose another.",
  setting_misspelled: "Unknown setting “{value}” — did you mean {suggestion}? It is ignored.",
  future_sale: "The sale is dated {value}, after {limit}; it is not counted and does not set the period.",
  sales_after_period: "{count} sales are dated after the period {period} set in Fairshare Settings; they are outside this run.",
  date_out_of_range: "{value} is outside Excel's dates (1900–9999); {action}.",
  hidden_sheet_skipped: "Sheet “{sheet}” is {visibility} and is not read; {hint}.",
  refunds: "{count} negative amounts (total {total}) are read as refunds and reduce the account's sales.",
  not_calculated: "The formula has no calculated value (not calculated: open and save the workbook in Excel); {action}.",
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
  owner_ambiguous: "负责人“{value}”按姓名匹配到 {count} 名业务员，该客户按无归属处理。",
  unknown_rep: "业务员“{value}”不在花名册中；{action}。",
  value_out_of_range: "{column} {value} 超出范围（{min} 至 {max}），已忽略。",
  no_sales: "没有可读取的销售记录，无法确定统计期间；请在 Fairshare Settings 中设置 period。",
  hired_after_period: "{value} 在统计期间 {period} 之后入职，本期不计入。",
  region_defaulted: "区域为空，已使用负责人的区域 {value}。",
  quota_missing: "{value} 没有指标且未设置 defaultQuota：该业务员不计销售评分、提成门槛、加速提成和团队奖，其区域也不计团队奖。",
  quota_column_missing: "花名册没有指标列且未设置 defaultQuota。没有指标的在职业务员：{count} 名（{examples}），不计销售评分、提成门槛、加速提成和团队奖。请添加指标列，或设置 defaultQuota。",
  deals_skipped: "已跳过 {count} 条未成交或输单的商机（只有 wonStages 中的阶段计为销售）：{stages}。",
  stage_no_won: "“{column}”列中没有 wonStages 中的赢单阶段，因此不作为阶段列，所有行都计入。",
  matched_by_name: "{count} 行填写的是{field}而不是编号，已按名称匹配。",
  account_ambiguous: "客户“{value}”按名称匹配到 {count} 个客户，该行已跳过。",
  rep_ambiguous: "业务员“{value}”按姓名匹配到 {count} 名业务员；{action}。",
  owner_derived: "客户表没有负责人列：每个客户的负责人取截至 {period} 的近 12 个月在该客户上销售额最多的业务员（并列按随机种子顺序）；{count} 个客户已确定负责人，{unowned} 个在此期间无销售记录，仍无归属。可用 deriveOwner 关闭。",
  owner_not_derivable: "客户表没有负责人列，销售表也没有可用于推算负责人的业务员列。请添加负责人列，或用 column.accounts.owner 指定。",
  region_derived: "客户表没有区域列：{count} 个客户取其负责人的区域。可用 deriveRegion 关闭。",
  hire_date_derived: "花名册没有入职日期列：{count} 名业务员的司龄从首笔销售起算（标明为推算）；{unknown} 名无销售记录，司龄未知。可用 deriveHireDate 关闭。",
  checks_skipped: "{what}未检查，因为{reason}。",
  column_guessed: "未按名称找到{field}列；按内容选用了“{value}”列（{confidence}% 的单元格是{kind}）。如需选择其他列，请在 Fairshare Settings 中设置 {setting}。",
  sheet_guessed: "按表头将工作表“{sheet}”识别为{role}表（{columns}；{required} 个必需列中 {named} 个按名称识别{rest}）。如需选择其他工作表，请在 Fairshare Settings 中设置 sheet.{roleKey}。",
  sheet_guessed_content: "按内容将工作表“{sheet}”识别为{role}表：没有工作表的名称或表头与之对应，但“{dateColumn}”列为日期，“{amountColumn}”列为金额（可信度 {confidence}%）。如需选择其他工作表，请在 Fairshare Settings 中设置 sheet.{roleKey}。",
  setting_misspelled: "未知设置“{value}”——是否应为 {suggestion}？已忽略。",
  future_sale: "该笔销售日期为 {value}，晚于 {limit}；不计入，也不用于确定统计期间。",
  sales_after_period: "{count} 笔销售晚于 Fairshare Settings 中设置的统计期间 {period}，不在本次计算范围内。",
  date_out_of_range: "{value} 超出 Excel 日期范围（1900–9999）；{action}。",
  hidden_sheet_skipped: "工作表“{sheet}”为{visibility}，未读取；{hint}。",
  refunds: "{count} 笔负数金额（合计 {total}）按退款处理，冲减该客户的销售额。",
  not_calculated: "公式没有计算结果（未计算：请在 Excel 中打开并保存工作簿）；{action}。",
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
    "skip.sales": "Sales rows were",
    "skip.accounts": "Account owners were",
    "reason.noAccounts": "the accounts sheet could not be read",
    "reason.noReps": "the roster could not be read",
    "kind.date": "dates",
    "kind.number": "numbers",
    "kind.id": "IDs of another sheet",
    "basis.restByContent": ", the rest found by content",
    "visibility.hidden": "hidden",
    "hint.nameInSettings": "to use it, name it in Fairshare Settings (sheet.reps, sheet.accounts, sheet.sales or sheet.ratings)",
    "hint.unhideSettings": "unhide it to apply its settings",
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
    "skip.sales": "销售记录",
    "skip.accounts": "客户负责人",
    "reason.noAccounts": "客户表无法读取",
    "reason.noReps": "花名册无法读取",
    "kind.date": "日期",
    "kind.number": "数字",
    "kind.id": "另一工作表中的编号",
    "basis.restByContent": "，其余按内容识别",
    "visibility.hidden": "隐藏",
    "hint.nameInSettings": "如需使用，请在 Fairshare Settings 中指定（sheet.reps、sheet.accounts、sheet.sales 或 sheet.ratings）",
    "hint.unhideSettings": "取消隐藏后其设置才会生效",
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

/**
 * A plural placeholder: `{count|# new account|# new accounts}` picks the first form when the number is
 * singular in the locale ("one" in its plural rules), the second otherwise; `#` stands for the number,
 * formatted as any other param. zh-CN sentences need none (Chinese has one form).
 */
export const PLURAL = /\{(\w+)\|([^{}|]*)\|([^{}|]*)\}/g;
const PLURAL_RULES: Record<Locale, Intl.PluralRules> = { "en-US": new Intl.PluralRules("en-US"), "zh-CN": new Intl.PluralRules("zh-CN") };

/**
 * A sentence with each plural placeholder resolved to its form for the number it names.
 * @example pluralForms("{count|# rep has|# reps have} no quota", { count: 1 }, "en-US") // "{count} rep has no quota"
 */
export function pluralForms(template: string, params: Readonly<Record<string, unknown>>, locale: Locale): string {
  return template.replace(PLURAL, (_, name: string, one: string, other: string) => {
    const v = params[name];
    const form = typeof v === "number" && PLURAL_RULES[locale].select(v) === "one" ? one : other;
    return form.replace(/#/g, `{${name}}`);
  });
}

/**
 * A template with its plural forms chosen and its {placeholders} filled from `params`; a placeholder
 * without a value stays as written.
 * @example fillPlaceholders("{n|# row|# rows}", { n: 1 }) // "1 row"
 */
export function fillPlaceholders(template: string, params: Readonly<Record<string, string | number>> = {}, locale: Locale = "en-US"): string {
  return pluralForms(template, params, locale).replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
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
  return fillTemplate(template, (name) => {
    const v = params[name];
    if (v === undefined) return undefined;
    return typeof v === "string" && (WORDS[locale][v] !== undefined) ? WORDS[locale][v] : String(v);
  });
}

/** Both catalogues, for the test that they cover the same codes. */
export const MESSAGE_CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = CATALOGUES;
export const WORD_CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = WORDS;
