import type { SettingDef } from "./registry";

/** Settings every feature shares: the period, language, tie-break seed and rep classes. */
export const CORE_SETTINGS: readonly SettingDef[] = [
  {
    key: "period",
    type: "month",
    default: null,
    regional: false,
    group: "core",
    label: { "en-US": "Month to report on", "zh-CN": "统计月份" },
    description: {
      "en-US": "Month to report on (YYYY-MM). Empty: the last month that has sales.",
      "zh-CN": "统计月份（YYYY-MM）。为空时取有销售记录的最后一个月。",
    },
  },
  {
    key: "language",
    type: "enum",
    default: "auto",
    options: ["auto", "en-US", "zh-CN"],
    regional: false,
    group: "core",
    label: { "en-US": "Language of sheets and messages", "zh-CN": "工作表和提示的语言" },
    optionLabels: { auto: { "en-US": "Excel's language", "zh-CN": "跟随 Excel" }, "en-US": { "en-US": "English", "zh-CN": "英文" }, "zh-CN": { "en-US": "Chinese", "zh-CN": "中文" } },
    description: {
      "en-US": "Language of output sheets and messages: auto (Excel's language), en-US or zh-CN.",
      "zh-CN": "输出工作表和提示信息的语言：auto（跟随 Excel）、en-US 或 zh-CN。",
    },
  },
  {
    key: "seed",
    type: "int",
    default: 1,
    min: 0,
    max: 2147483647,
    regional: false,
    group: "core",
    label: { "en-US": "Tie-break seed", "zh-CN": "并列时的随机种子" },
    description: {
      "en-US": "Seed of the random order that breaks ties (never roster order or seniority).",
      "zh-CN": "打破并列时所用随机顺序的种子（绝不按名单顺序或资历）。",
    },
  },
  {
    key: "newRepTenureMonths",
    type: "int",
    default: 12,
    min: 0,
    max: 600,
    regional: true,
    group: "core",
    label: { "en-US": "New rep: months of tenure below", "zh-CN": "新人：司龄少于（月）" },
    description: {
      "en-US": "A rep with fewer months of tenure than this is a new rep.",
      "zh-CN": "司龄（月）少于此值的业务员为新人。",
    },
  },
  {
    key: "veteranTenureMonths",
    type: "int",
    default: 24,
    min: 0,
    max: 600,
    regional: true,
    group: "core",
    label: { "en-US": "Veteran: months of tenure from", "zh-CN": "老员工：司龄不少于（月）" },
    description: {
      "en-US": "A rep with at least this many months of tenure is a veteran.",
      "zh-CN": "司龄（月）不少于此值的业务员为老员工。",
    },
  },
];
