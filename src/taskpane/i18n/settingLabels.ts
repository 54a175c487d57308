/**
 * What the pane calls each setting, and each choice of a setting with choices, in both languages: the
 * words an HR user reads instead of the key the settings sheet stores. One entry per setting of the
 * registry (src/engine/settings), which keeps the key, type, range and description; the test
 * test/taskpane/settingLabels.test.ts checks that the two lists have exactly the same keys.
 */
import { SCHEMA } from "../../engine/schema";
import type { PaneLocale } from "./locale";

type Words = Readonly<Record<PaneLocale, string>>;

/** A setting's label by its registry key (a prefix setting such as `rate.*` by its declared key). */
export const SETTING_LABELS: Readonly<Record<string, Words>> = {
  period: { "en-US": "Month to report on", "zh-CN": "统计月份" },
  language: { "en-US": "Language of sheets and messages", "zh-CN": "工作表和提示的语言" },
  seed: { "en-US": "Tie-break seed", "zh-CN": "并列时的随机种子" },
  newRepTenureMonths: { "en-US": "New rep: months of tenure below", "zh-CN": "新人：司龄少于（月）" },
  veteranTenureMonths: { "en-US": "Veteran: months of tenure from", "zh-CN": "老员工：司龄不少于（月）" },
  sameRegionOnly: { "en-US": "Only to reps of the account's region", "zh-CN": "只分给同区域的业务员" },
  preferNewReps: { "en-US": "Give new reps a bonus in matching", "zh-CN": "匹配时给新人加分" },
  cooldownMonths: { "en-US": "Months before a lost account can return", "zh-CN": "失去的客户多少个月内不退回" },
  maxAccountsNew: { "en-US": "Most accounts a new rep holds", "zh-CN": "新人最多保有客户数" },
  maxAccountsRegular: { "en-US": "Most accounts a regular rep holds", "zh-CN": "普通业务员最多保有客户数" },
  maxAccountsVeteran: { "en-US": "Most accounts a veteran holds", "zh-CN": "老员工最多保有客户数" },
  handoverSplitPct: { "en-US": "Sales credit the former owner keeps", "zh-CN": "原负责人保留的业绩分成" },
  handoverSplitMonths: { "en-US": "Months the former owner keeps it", "zh-CN": "原负责人保留分成的月数" },
  maxNewAccountsPerRun: { "en-US": "Most accounts one rep receives per run", "zh-CN": "每次运行每人最多接收客户数" },
  rampMonths: { "en-US": "Months a new rep's cap ramps up", "zh-CN": "新人接收上限的爬坡月数" },
  maxShareOfMovedValue: { "en-US": "Most of the released value one rep receives", "zh-CN": "每人最多获得的释放业绩比例" },
  rejectionCooldownMonths: { "en-US": "Months before a rejected move is proposed again", "zh-CN": "被拒绝的移交多少个月内不再提出" },
  "approver.*": { "en-US": "Who may decide a region's moves", "zh-CN": "可审批该区域移交的人" },
  proposalPerRegion: { "en-US": "One protected proposal sheet per region", "zh-CN": "每个区域一张受保护的调整建议表" },
  protectionPassword: { "en-US": "Password to unprotect the region sheets", "zh-CN": "撤销区域建议表保护的密码" },
  approverName: { "en-US": "Your name as approver", "zh-CN": "审批人姓名" },
  "match.load": { "en-US": "Weight of room under the cap", "zh-CN": "负荷余量的权重" },
  "match.capability": { "en-US": "Weight of capability", "zh-CN": "能力的权重" },
  "match.continuity": { "en-US": "Weight of having sold to the account", "zh-CN": "曾向该客户销售的权重" },
  "match.team": { "en-US": "Weight of the same manager", "zh-CN": "同一主管的权重" },
  "match.newRep": { "en-US": "Weight of the new-rep bonus", "zh-CN": "新人加分的权重" },
  "rule.ORPHAN": { "en-US": "Reassign accounts of reps who left", "zh-CN": "重新分配离职业务员的客户" },
  "rule.DORMANT": { "en-US": "Return dormant accounts to the pool", "zh-CN": "收回休眠客户" },
  inactiveMonths: { "en-US": "Months without sales before an account is dormant", "zh-CN": "无销售多少个月算休眠" },
  remindDays: { "en-US": "Warn this many days before an account goes dormant", "zh-CN": "休眠前提前提醒的天数" },
  "rule.STAGNATION": { "en-US": "Release accounts of stagnant veterans", "zh-CN": "释放停滞老员工的客户" },
  stagnationMonths: { "en-US": "Months without growth before a veteran is stagnant", "zh-CN": "连续多少个月无增长算停滞" },
  stagnationGrowthPct: { "en-US": "Growth that still counts as no growth", "zh-CN": "视为无增长的增幅上限" },
  releaseShare: { "en-US": "Share of a stagnant veteran's accounts released", "zh-CN": "停滞老员工释放的客户比例" },
  keepTopAccounts: { "en-US": "Top accounts a veteran always keeps", "zh-CN": "老员工始终保留的头部客户数" },
  protectWonWithinMonths: { "en-US": "Months a newly won account is protected", "zh-CN": "新赢得客户的保护月数" },
  "rule.UNDERSERVED": { "en-US": "Move accounts that trail their peers", "zh-CN": "调整增长落后于同类的客户" },
  underservedMonths: { "en-US": "Months compared", "zh-CN": "比较的月数" },
  underservedMinPeers: { "en-US": "Peers needed for a comparison", "zh-CN": "比较所需的同类客户数" },
  underservedGapPct: { "en-US": "Growth gap to the peers", "zh-CN": "与同类的增长差距" },
  "rule.OVER_CAPACITY": { "en-US": "Move accounts above a rep's cap", "zh-CN": "调整超出保有上限的客户" },
  watchMarginPct: { "en-US": "How close counts as one step from a rule", "zh-CN": "接近规则触发的范围" },
  incentiveMonths: { "en-US": "Incentive window (months)", "zh-CN": "激励计算周期（月）" },
  quotaPeriod: { "en-US": "What the quota covers", "zh-CN": "指标对应的期间" },
  defaultQuota: { "en-US": "Quota when the roster has none", "zh-CN": "花名册未填时的默认指标" },
  profileMinMonths: { "en-US": "Months of history a rep profile needs", "zh-CN": "业务员画像所需的历史月数" },
  commissionTiers: { "en-US": "Commission tiers", "zh-CN": "提成档位" },
  commissionBasis: { "en-US": "Tiers start from", "zh-CN": "档位起点依据" },
  commissionMode: { "en-US": "How the tiers apply", "zh-CN": "档位计算方式" },
  commissionThreshold: { "en-US": "Quota reached before any commission", "zh-CN": "达成多少指标才有提成" },
  commissionCap: { "en-US": "Most commission per rep (0: no cap)", "zh-CN": "每人提成上限（0：不设上限）" },
  "rate.*": { "en-US": "Commission rate of a product category", "zh-CN": "某品类的提成比例" },
  acceleratorRate: { "en-US": "Extra rate above 100% of quota", "zh-CN": "超额完成部分的额外比例" },
  newCustomerBonus: { "en-US": "Bonus per new account", "zh-CN": "每个新客户的奖金" },
  newCustomerRate: { "en-US": "Extra rate on new accounts' sales", "zh-CN": "新客户销售额的额外比例" },
  retentionRate: { "en-US": "Retention bonus rate", "zh-CN": "保有奖金比例" },
  retentionMinSatisfaction: { "en-US": "Satisfaction (1–5) needed for the retention bonus", "zh-CN": "获得保有奖金所需的满意度（1–5）" },
  teamBonusRate: { "en-US": "Team bonus rate", "zh-CN": "团队奖金比例" },
  clawback: { "en-US": "Refunds take back commission", "zh-CN": "退款扣回提成" },
  spifBonus: { "en-US": "Special bonus per qualifying account", "zh-CN": "专项奖励：每个合格客户的奖金" },
  spifCategories: { "en-US": "Special bonus: qualifying categories", "zh-CN": "专项奖励：合格品类" },
  spifMinAmount: { "en-US": "Special bonus: sales that qualify any account", "zh-CN": "专项奖励：任一客户合格所需的销售额" },
  spifFrom: { "en-US": "Special bonus: first month", "zh-CN": "专项奖励：开始月份" },
  spifTo: { "en-US": "Special bonus: last month", "zh-CN": "专项奖励：结束月份" },
  drawType: { "en-US": "Draw is", "zh-CN": "预支方式" },
  "weight.sales": { "en-US": "Weight of sales against quota", "zh-CN": "销售达成的权重" },
  "weight.newCustomers": { "en-US": "Weight of new customers", "zh-CN": "新客户开发的权重" },
  "weight.satisfaction": { "en-US": "Weight of customer satisfaction", "zh-CN": "客户满意度的权重" },
  "weight.retention": { "en-US": "Weight of retention", "zh-CN": "客户保有的权重" },
  "weight.teamwork": { "en-US": "Weight of teamwork", "zh-CN": "团队协作的权重" },
  wonStages: { "en-US": "Deal stages that count as won", "zh-CN": "算作赢单的销售阶段" },
  deriveOwner: { "en-US": "Work out a missing owner from sales", "zh-CN": "缺少负责人时按销售推断" },
  deriveRegion: { "en-US": "Work out a missing region from the owner", "zh-CN": "缺少区域时按负责人推断" },
  deriveHireDate: { "en-US": "Work out a missing hire date from the first sale", "zh-CN": "缺少入职日期时按首笔销售推断" },
};

/** The words for each choice of a setting with choices, by `<key>` then option. */
export const OPTION_LABELS: Readonly<Record<string, Readonly<Record<string, Words>>>> = {
  language: {
    auto: { "en-US": "Excel's language", "zh-CN": "跟随 Excel" },
    "en-US": { "en-US": "English", "zh-CN": "英文" },
    "zh-CN": { "en-US": "Chinese", "zh-CN": "中文" },
  },
  quotaPeriod: {
    month: { "en-US": "a month", "zh-CN": "一个月" },
    quarter: { "en-US": "a quarter", "zh-CN": "一个季度" },
    year: { "en-US": "a year", "zh-CN": "一年" },
  },
  commissionBasis: {
    amount: { "en-US": "sales amount", "zh-CN": "销售金额" },
    attainment: { "en-US": "percent of quota reached", "zh-CN": "指标达成率" },
  },
  commissionMode: {
    marginal: { "en-US": "each slice at its own rate", "zh-CN": "各档金额按各自比例" },
    retroactive: { "en-US": "the whole amount at the reached rate", "zh-CN": "全部金额按达到的档位比例" },
  },
  drawType: {
    recoverable: { "en-US": "recoverable (taken back from later earnings)", "zh-CN": "可收回（从之后的收入中扣回）" },
    nonRecoverable: { "en-US": "not recoverable", "zh-CN": "不可收回" },
  },
};

/**
 * A setting's label in the pane's language; a key without one (never, the test sees to it) reads as itself.
 * @example settingLabel("stagnationMonths", "en-US") // "Months without growth before a veteran is stagnant"
 */
export function settingLabel(key: string, locale: PaneLocale): string {
  return SETTING_LABELS[key]?.[locale] ?? key;
}

/**
 * A choice's words in the pane's language (the option itself when it has none).
 * @example optionLabel("commissionMode", "marginal", "en-US") // "each slice at its own rate"
 */
export function optionLabel(key: string, option: string, locale: PaneLocale): string {
  return OPTION_LABELS[key]?.[option]?.[locale] ?? option;
}

/** Keys that read as keys (camelCase or dotted), longest first so `match.newRep` wins over a shorter key. */
const KEY_PATTERN = new RegExp(
  `(?<![\\w.])(${Object.keys(SETTING_LABELS)
    .filter((k) => !k.endsWith(".*") && /[A-Z.]/.test(k))
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/\./g, "\\."))
    .join("|")})(?![\\w])`,
  "g"
);

/**
 * A setting's description as the pane shows it: setting and mapping keys replaced by their words (see
 * withLabels), each of its own choices ("marginal") by the choice's words, and the settings sheet's
 * "on/off" by the pane's words for on and off.
 * @example describeSetting(REGISTRY.get("commissionMode")!, "en-US", "on", "off") // "“each slice at its own rate”: …"
 */
export function describeSetting(
  def: { key: string; type?: string; description: Readonly<Record<PaneLocale, string>>; options?: readonly string[] },
  locale: PaneLocale,
  on: string,
  off: string
): string {
  const words = new Map<string, string>();
  for (const option of def.options ?? []) {
    const label = optionLabel(def.key, option, locale);
    if (label !== option) words.set(option, `“${label}”`);
  }
  words.set("on/off", `${on}/${off}`);
  if (def.type === "boolean") {
    words.set("on", on);
    words.set("off", off);
  }
  // One pass, longest first: a replacement is never replaced again ("nonRecoverable" before "recoverable").
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\w.-])(${[...words.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})(?![\\w-])`, "g");
  return withLabels(def.description[locale], locale).replace(pattern, (w) => words.get(w) ?? w);
}

/** The mapping keys of the settings sheet: `sheet.<role>` and `column.<role>.<field>`. */
const MAPPING_PATTERN = /(?<![\w.])(sheet|column)\.([a-z]+)(?:\.([A-Za-z]+))?(?![\w])/g;

/**
 * A mapping key in words ("the Owner column of Accounts"), or null when it names no role or field.
 * @example mappingLabel("column.accounts.owner", "en-US") // "Owner column of Accounts"
 */
export function mappingLabel(key: string, locale: PaneLocale): string | null {
  const [kind, role, field] = key.split(".");
  const spec = SCHEMA.find((r) => r.role === role);
  if (!spec) return null;
  if (kind === "sheet" && field === undefined) return locale === "zh-CN" ? `${spec.label[locale]}工作表` : `${spec.label[locale]} sheet`;
  const f = kind === "column" ? spec.fields.find((x) => x.key === field) : undefined;
  if (!f) return null;
  return locale === "zh-CN" ? `${spec.label[locale]}的${f.label[locale]}列` : `${f.label[locale]} column of ${spec.label[locale]}`;
}

/**
 * A text (a setting's description, a diagnostic, a data problem) with every setting key in it replaced by
 * its label in quotes, and every sheet or column mapping key by its words, so the pane never shows a key.
 * Plain words that are also keys ("period") stay as they are.
 * @example withLabels("applies when preferNewReps is on", "en-US") // "applies when “Give new reps a bonus in matching” is on"
 */
export function withLabels(text: string, locale: PaneLocale): string {
  return text
    .replace(KEY_PATTERN, (key) => `“${settingLabel(key, locale)}”`)
    .replace(MAPPING_PATTERN, (key) => {
      const words = mappingLabel(key, locale);
      return words === null ? key : `“${words}”`;
    });
}
