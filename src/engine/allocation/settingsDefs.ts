import type { SettingDef, SettingType, SettingValue } from "../settings/registry";

/** Declares a setting compactly (regional unless said otherwise). */
export function def(
  key: string,
  type: SettingType,
  dflt: SettingValue,
  group: string,
  en: string,
  zh: string,
  range: { min?: number; max?: number; regional?: boolean; options?: string[] } = {},
): SettingDef {
  return { key, type, default: dflt, group, min: range.min, max: range.max, options: range.options, regional: range.regional ?? true, description: { "en-US": en, "zh-CN": zh } };
}

/** The on/off switch every rule has: `rule.<ID>`. */
export function ruleSwitch(id: string, en: string, zh: string): SettingDef {
  return def(`rule.${id}`, "boolean", true, id, `${en} (on/off).`, `${zh}（on/off）。`);
}

/** Settings about who may receive accounts, shared by all rules. */
export const RECIPIENT_SETTINGS: readonly SettingDef[] = [
  def("sameRegionOnly", "boolean", true, "recipients", "Give accounts only to reps of the account's region.", "只把客户分配给同区域的业务员。"),
  def("preferNewReps", "boolean", true, "recipients", "New reps are considered first, then the rest.", "优先分配给新人，其次其他人。"),
  def("cooldownMonths", "int", 6, "recipients", "A rep who lost an account does not get it back within this many months.", "失去某客户的业务员在此月数内不会再分到该客户。", { min: 0, max: 120 }),
  def("maxAccountsNew", "int", 40, "recipients", "Holding cap of a new rep (when the roster gives no Capacity).", "新人客户保有上限（花名册未填客户上限时）。", { min: 0, max: 100000 }),
  def("maxAccountsRegular", "int", 80, "recipients", "Holding cap of a regular rep.", "普通业务员客户保有上限。", { min: 0, max: 100000 }),
  def("maxAccountsVeteran", "int", 120, "recipients", "Holding cap of a veteran.", "老员工客户保有上限。", { min: 0, max: 100000 }),
  def("handoverSplitPct", "percent", 0.2, "recipients", "Share of a moved account's sales credit the former owner keeps.", "客户移交后原负责人保留的业绩分成比例。", { min: 0, max: 1 }),
  def("handoverSplitMonths", "int", 3, "recipients", "Months the former owner keeps that share.", "原负责人保留分成的月数。", { min: 0, max: 24 }),
];
