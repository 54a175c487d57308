/**
 * Settings for reading exports as they come (CRM opportunity exports, hand-kept sheets): which deal
 * stages count as sales, and whether what the export lacks may be derived. Declared here, in their own
 * group, and assembled into the registry by settings/index.ts.
 */
import { normalizeHeader } from "../schema";
import type { SettingDef } from "../settings/registry";

/** The stages that mean a deal was won, in the languages CRMs export them in (compared case-, space- and width-insensitively). */
export const DEFAULT_WON_STAGES = "Closed Won; Won; Closed - Won; Win; Signed; Booked; 赢单; 赢单关闭; 成交; 已成交; 已签约; 签约; 已赢单";

const imp = (key: string, type: SettingDef["type"], dflt: SettingDef["default"], label: SettingDef["label"], en: string, zh: string): SettingDef => ({
  key,
  type,
  default: dflt,
  regional: false,
  group: "import",
  label,
  description: { "en-US": en, "zh-CN": zh },
});

export const IMPORT_SETTINGS: readonly SettingDef[] = [
  imp(
    "wonStages",
    "text",
    DEFAULT_WON_STAGES,
    { "en-US": "Deal stages that count as won", "zh-CN": "算作赢单的销售阶段" },
    "When the sales sheet has a Stage column: the stages that count as sales, separated by ; (every other stage is skipped, with one note).",
    "销售表有阶段列时：计为销售的阶段，以 ; 分隔（其他阶段的行跳过，并汇总提示一次）。",
  ),
  imp(
    "deriveOwner",
    "boolean",
    true,
    { "en-US": "Work out a missing owner from sales", "zh-CN": "缺少负责人时按销售推断" },
    "No Owner column on the accounts sheet: each account's owner is the rep with the most sales on it in the last 12 months (ties by the seeded order).",
    "客户表没有负责人列时：以近 12 个月在该客户上销售额最多的业务员为负责人（并列按随机种子顺序）。",
  ),
  imp(
    "deriveRegion",
    "boolean",
    true,
    { "en-US": "Work out a missing region from the owner", "zh-CN": "缺少区域时按负责人推断" },
    "No Region column on the accounts sheet: each account takes its owner's region.",
    "客户表没有区域列时：客户取其负责人的区域。",
  ),
  imp(
    "deriveHireDate",
    "boolean",
    true,
    { "en-US": "Work out a missing hire date from the first sale", "zh-CN": "缺少入职日期时按首笔销售推断" },
    "No Hire Date column on the roster: each rep's tenure starts at their first sale (marked as derived wherever tenure is shown).",
    "花名册没有入职日期列时：以业务员的首笔销售日期计算司龄（凡显示司龄处均标明为推算）。",
  ),
];

/**
 * Splits the wonStages setting into normalised stage keys.
 * @example wonStageKeys("Closed Won; 赢单") // Set {"closedwon", "赢单"}
 */
export function wonStageKeys(list: string): Set<string> {
  return new Set(list.split(/[;,，；、\n]/).map(normalizeHeader).filter((s) => s));
}
