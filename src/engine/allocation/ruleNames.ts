/**
 * Rule names and audit results as the sheets show them, and back. English sheets keep the rule ids
 * (ORPHAN, STAGNATION…) and the result codes (applied, conflict…): they are the contract of the CLI, the
 * JSON and every English workbook. A zh-CN sheet shows Chinese names instead. Whatever reads a Rule or
 * Result cell (apply, the audit log, rejection memory, the team report) accepts either language, so a
 * workbook that switches language, or an old audit log written with English codes, keeps working.
 */
import type { Locale } from "../messages";
import { normalizeHeader } from "../schema";
import type { ApplyResult } from "./audit";
import type { RuleId } from "./types";

/** Every rule id, in the order the engine runs them. */
export const RULE_IDS: readonly RuleId[] = ["ORPHAN", "DORMANT", "STAGNATION", "UNDERSERVED", "OVER_CAPACITY"];

/** The Chinese name of each rule (the pane uses the same words). */
const RULE_ZH: Record<RuleId, string> = {
  ORPHAN: "无主客户",
  DORMANT: "休眠客户",
  STAGNATION: "停滞老员工",
  UNDERSERVED: "潜力未挖掘客户",
  OVER_CAPACITY: "超出保有上限",
};

export const AUDIT_RESULTS: readonly ApplyResult[] = ["applied", "conflict", "already-applied", "rejected"];

/** The Chinese word of each audit result. */
const RESULT_ZH: Record<ApplyResult, string> = {
  applied: "已执行",
  conflict: "冲突",
  "already-applied": "此前已执行",
  rejected: "已拒绝",
};

/**
 * A rule as a sheet in `locale` shows it: the id in English, the Chinese name in zh-CN. Text that is not
 * a rule id (a hand-typed rule) is returned as it is.
 * @example ruleLabel("STAGNATION", "zh-CN") // "停滞老员工"
 */
export function ruleLabel(rule: string, locale: Locale): string {
  return locale === "zh-CN" && rule in RULE_ZH ? RULE_ZH[rule as RuleId] : rule;
}

/** Comparable form of a rule or result cell: full-width folded, case and spacing ignored, "-" and spaces as "_". */
const fold = (text: string) => text.normalize("NFKC").trim().toUpperCase().replace(/[\s-]+/g, "_");

const ZH_RULES = new Map((Object.entries(RULE_ZH) as [RuleId, string][]).map(([id, zh]) => [normalizeHeader(zh), id]));

/**
 * The rule id a Rule cell names, in either language ("Stagnation", "停滞老员工" → "STAGNATION"). Text that
 * names no rule comes back folded (upper case, "_" for spaces), so two spellings of one unknown rule still
 * compare equal.
 * @example ruleIdOf("停滞老员工") // "STAGNATION"
 * @example ruleIdOf("over capacity") // "OVER_CAPACITY"
 */
export function ruleIdOf(text: string): string {
  const folded = fold(text);
  if ((RULE_IDS as readonly string[]).includes(folded)) return folded;
  return ZH_RULES.get(normalizeHeader(text)) ?? folded;
}

/**
 * An audit result in a log of `locale`: the code in English, the Chinese word in zh-CN.
 * @example auditResultLabel("applied", "zh-CN") // "已执行"
 */
export function auditResultLabel(result: ApplyResult, locale: Locale): string {
  return locale === "zh-CN" ? RESULT_ZH[result] : result;
}

const ZH_RESULTS = new Map((Object.entries(RESULT_ZH) as [ApplyResult, string][]).map(([code, zh]) => [normalizeHeader(zh), code]));

/**
 * The result code a Result cell holds, in either language ("Applied", "已执行" → "applied"); other text
 * comes back lower-cased as it is.
 * @example auditResultOf("冲突") // "conflict"
 */
export function auditResultOf(text: string): string {
  const lower = text.normalize("NFKC").trim().toLowerCase();
  if ((AUDIT_RESULTS as readonly string[]).includes(lower)) return lower;
  return ZH_RESULTS.get(normalizeHeader(text)) ?? lower;
}
