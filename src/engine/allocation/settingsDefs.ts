import type { SettingDef, SettingType, SettingValue } from "../settings/registry";

/**
 * Declares a setting compactly: key, type, default, group, description in English and Chinese, then its
 * label (and an enum's words for each option), range and whether regions may override it (they may unless
 * said otherwise).
 */
export function def(
  key: string,
  type: SettingType,
  dflt: SettingValue,
  group: string,
  en: string,
  zh: string,
  more: Pick<SettingDef, "label" | "optionLabels"> & { min?: number; max?: number; regional?: boolean; options?: string[] },
): SettingDef {
  return { key, type, default: dflt, group, min: more.min, max: more.max, options: more.options, regional: more.regional ?? true, label: more.label, optionLabels: more.optionLabels, description: { "en-US": en, "zh-CN": zh } };
}

/** The on/off switch every rule has: `rule.<ID>`, labelled `label`. */
export function ruleSwitch(id: string, en: string, zh: string, label: SettingDef["label"]): SettingDef {
  return def(`rule.${id}`, "boolean", true, id, `${en} (on/off).`, `${zh}（on/off）。`, { label });
}

/** Settings about who may receive accounts, shared by all rules. */
export const RECIPIENT_SETTINGS: readonly SettingDef[] = [
  def("sameRegionOnly", "boolean", true, "recipients", "Give accounts only to reps of the account's region.", "只把客户分配给同区域的业务员。", { label: { "en-US": "Only to reps of the account's region", "zh-CN": "只分给同区域的业务员" } }),
  def("preferNewReps", "boolean", true, "recipients", "New reps get the match.newRep bonus in recipient matching (off: no bonus).", "新人在接收人匹配中获得 match.newRep 加分（off：不加分）。", { label: { "en-US": "Give new reps a bonus in matching", "zh-CN": "匹配时给新人加分" } }),
  def("cooldownMonths", "int", 6, "recipients", "A rep who lost an account does not get it back within this many months.", "失去某客户的业务员在此月数内不会再分到该客户。", { label: { "en-US": "Months before a lost account can return", "zh-CN": "失去的客户多少个月内不退回" }, min: 0, max: 120 }),
  def("maxAccountsNew", "int", 40, "recipients", "Holding cap of a new rep (when the roster gives no Capacity).", "新人客户保有上限（花名册未填客户上限时）。", { label: { "en-US": "Most accounts a new rep holds", "zh-CN": "新人最多保有客户数" }, min: 0, max: 100000 }),
  def("maxAccountsRegular", "int", 80, "recipients", "Holding cap of a regular rep.", "普通业务员客户保有上限。", { label: { "en-US": "Most accounts a regular rep holds", "zh-CN": "普通业务员最多保有客户数" }, min: 0, max: 100000 }),
  def("maxAccountsVeteran", "int", 120, "recipients", "Holding cap of a veteran.", "老员工客户保有上限。", { label: { "en-US": "Most accounts a veteran holds", "zh-CN": "老员工最多保有客户数" }, min: 0, max: 100000 }),
  def("handoverSplitPct", "percent", 0.2, "recipients", "Share of a moved account's sales credit the former owner keeps.", "客户移交后原负责人保留的业绩分成比例。", { label: { "en-US": "Sales credit the former owner keeps", "zh-CN": "原负责人保留的业绩分成" }, min: 0, max: 1 }),
  def("handoverSplitMonths", "int", 3, "recipients", "Months the former owner keeps that share.", "原负责人保留分成的月数。", { label: { "en-US": "Months the former owner keeps it", "zh-CN": "原负责人保留分成的月数" }, min: 0, max: 24 }),
  def("maxNewAccountsPerRun", "int", 5, "recipients", "A recipient gets at most this many accounts in one run.", "每次运行中每位接收人最多获得的客户数。", { label: { "en-US": "Most accounts one rep receives per run", "zh-CN": "每次运行每人最多接收客户数" }, min: 0, max: 100000 }),
  def("rampMonths", "int", 3, "recipients", "A new rep's receiving cap ramps from a third of maxAccountsNew to all of it over this many months of tenure (0: no ramp).", "新人可接收上限在入职后此月数内从 maxAccountsNew 的三分之一逐步升至全部（0：不爬坡）。", { label: { "en-US": "Months a new rep's cap ramps up", "zh-CN": "新人接收上限的爬坡月数" }, min: 0, max: 24 }),
  def("maxShareOfMovedValue", "percent", 0.4, "recipients", "No recipient gets more than this share of a region's released 12-month value in one run, when two or more reps are eligible.", "有两名及以上符合条件的接收人时，单次运行中任何人获得的客户业绩不超过本区域释放业绩的此比例。", { label: { "en-US": "Most of the released value one rep receives", "zh-CN": "每人最多获得的释放业绩比例" }, min: 0, max: 1 }),
  def("rejectionCooldownMonths", "int", 3, "recipients", "A move rejected in the Audit Log (same account, rule and owner) is not proposed again for this many months.", "审计日志中被拒绝的移交（同一客户、规则和负责人）在此月数内不再提出。", { label: { "en-US": "Months before a rejected move is proposed again", "zh-CN": "被拒绝的移交多少个月内不再提出" }, min: 0, max: 120 }),
];

/** Who signs off each region's moves: `approver.<region>`, names separated by ";". */
export const SIGNOFF_SETTINGS: readonly SettingDef[] = [
  def(
    "approver.*",
    "text",
    null,
    "signoff",
    "approver.<region>: the people who may decide that region's moves, separated by “;”. Apply accepts a decision only when its Approver is one of them (case, spaces and full-width ignored). Empty: anyone.",
    "approver.<区域>：可审批该区域移交的人，用“;”分隔。仅当审批人是其中之一时才接受其决定（忽略大小写、空格和全角）。为空：任何人。",
    { label: { "en-US": "Who may decide a region's moves", "zh-CN": "可审批该区域移交的人" }, regional: false },
  ),
  def(
    "proposalPerRegion",
    "boolean",
    false,
    "signoff",
    "Write one proposal sheet per region (“Fairshare Proposal <period> <region>”), each protected so that only Decision, Approver and Note can be edited. Apply reads the decisions of all of them.",
    "每个区域单独写一张调整建议表（“Fairshare 调整建议 <期间> <区域>”），每张表均受保护，只能填写审批结果、审批人和备注。应用时读取所有这些表的决定。",
    { label: { "en-US": "One protected proposal sheet per region", "zh-CN": "每个区域一张受保护的调整建议表" }, regional: false },
  ),
  def(
    "protectionPassword",
    "text",
    null,
    "signoff",
    "Password that Unprotect Sheet asks for on the per-region proposal sheets. Empty: none. It stops accidental edits, not a determined person: anyone who can read this settings sheet can read it.",
    "撤销按区域调整建议表的工作表保护时需输入的密码。为空：无密码。它只防止误改，不能防止有意修改：能看到本设置表的人都能看到该密码。",
    { label: { "en-US": "Password to unprotect the region sheets", "zh-CN": "撤销区域建议表保护的密码" }, regional: false },
  ),
  // Written by the task pane (issue 13): the name it asked for once, so it is not asked again.
  def(
    "approverName",
    "text",
    null,
    "signoff",
    "The name the task pane writes as Approver beside each decision made in it; the pane asks for it once and keeps it here. Apply in the pane needs it.",
    "任务窗格在其中所做每项决定旁写入的审批人姓名；窗格只询问一次并保存在这里。在窗格中执行“应用已批准”需要它。",
    { label: { "en-US": "Your name as approver", "zh-CN": "审批人姓名" }, regional: false },
  ),
];

/**
 * The names in an approver list ("Li Wei; 张三；Ann"), as written.
 * @example approverNames("Li Wei; 张三；") // ["Li Wei", "张三"]
 */
export function approverNames(list: string): string[] {
  return list
    .split(/[;；]/)
    .map((n) => n.trim())
    .filter(Boolean);
}

/** One approver's name as a comparable key. */
export function approverKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

/**
 * The weights of recipient matching: each factor is 0–1, the score is their weighted mean. Declared once;
 * matching, validation, the settings sheet and the docs read this list.
 */
export const MATCH_FACTORS = ["load", "capability", "continuity", "team", "newRep"] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

export const MATCH_SETTINGS: readonly SettingDef[] = [
  def("match.load", "number", 0.2, "matching", "Weight of load: headroom under the cap and 12-month value ÷ cap against the other candidates.", "负荷权重：距上限的余量，以及 12 个月业绩 ÷ 上限与其他候选人相比。", { label: { "en-US": "Weight of room under the cap", "zh-CN": "负荷余量的权重" }, min: 0, max: 100 }),
  def("match.capability", "number", 0.25, "matching", "Weight of capability from this run's scorecard: retention and satisfaction for accounts above the region's median value, new-customer development for the rest.", "能力权重，来自本次评分卡：高于区域中位数的客户看保有与满意度，其余看新客户开发。", { label: { "en-US": "Weight of capability", "zh-CN": "能力的权重" }, min: 0, max: 100 }),
  def("match.continuity", "number", 0.35, "matching", "Weight of continuity: the rep sold to this account in the last 12 months (0.5 plus half their share of its sales).", "延续性权重：该业务员近 12 个月曾向此客户销售（0.5 加其销售占比的一半）。", { label: { "en-US": "Weight of having sold to the account", "zh-CN": "曾向该客户销售的权重" }, min: 0, max: 100 }),
  def("match.team", "number", 0.1, "matching", "Weight of team: the rep has the former owner's Manager (or Branch when there is no Manager column).", "团队权重：与原负责人同一主管（无主管列时看分支机构）。", { label: { "en-US": "Weight of the same manager", "zh-CN": "同一主管的权重" }, min: 0, max: 100 }),
  def("match.newRep", "number", 0.1, "matching", "Weight of the new-rep bonus (applies when preferNewReps is on).", "新人加分权重（preferNewReps 开启时适用）。", { label: { "en-US": "Weight of the new-rep bonus", "zh-CN": "新人加分的权重" }, min: 0, max: 100 }),
];
