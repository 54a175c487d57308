/**
 * SPIF (sales performance incentive fund): a fixed bonus per account won in the window whose first sale
 * falls within `spifFrom`..`spifTo` and which is of a listed category (`spifCategories`) or has at least
 * `spifMinAmount` of window sales. With neither criterion set, every won account in the dates qualifies.
 */
import { def } from "../../allocation/settingsDefs";
import type { Plan, WonAccount } from "../plan";
import { defineComponent, type Component } from "./types";

const G = "incentives";

/**
 * Whether a won account earns the SPIF.
 * @example qualifies({ accountId: "A1", month: 24315, category: "Cloud", cents: 100 }, plan.spif) // true when Cloud is listed
 */
export function qualifies(a: WonAccount, spif: Plan["spif"]): boolean {
  if (spif.from !== null && a.month < spif.from) return false;
  if (spif.to !== null && a.month > spif.to) return false;
  const listed = spif.categories.some((c) => c.toLowerCase() === a.category.trim().toLowerCase());
  const big = spif.minCents > 0 && a.cents >= spif.minCents;
  return (!spif.categories.length && spif.minCents <= 0) || listed || big;
}

export const spif = defineComponent({
  id: "spif",
  label: { "en-US": "SPIF", "zh-CN": "专项奖" },
  term: { "en-US": "SPIF", "zh-CN": "专项" },
  inCell: true,
  doc: {
    "en-US": "`spifBonus` per account won in the window whose first sale is within `spifFrom`..`spifTo` and that is of a `spifCategories` category or has at least `spifMinAmount` of sales. A cell has no account list: there `spifAccounts` counts the qualifying accounts.",
    "zh-CN": "窗口内新开发、首单在 `spifFrom`..`spifTo` 之间，且品类属于 `spifCategories` 或销售额不低于 `spifMinAmount` 的客户，每个奖励 `spifBonus`。单元格公式没有客户明细，由 `spifAccounts` 给出符合条件的客户数。",
  },
  settings: [
    def("spifBonus", "number", 0, G, "SPIF: fixed bonus per qualifying won account (0: no SPIF).", "专项奖：每个符合条件的新客户的固定奖金（0 表示不设）。", { label: { "en-US": "Special bonus per qualifying account", "zh-CN": "专项奖励：每个合格客户的奖金" }, min: 0 }),
    def("spifCategories", "text", "", G, "SPIF: categories (Sales Category/Product) that qualify, comma-separated.", "专项奖：符合条件的品类（销售表的品类/产品），逗号分隔。", { label: { "en-US": "Special bonus: qualifying categories", "zh-CN": "专项奖励：合格品类" } }),
    def("spifMinAmount", "number", 0, G, "SPIF: a won account with at least these window sales qualifies whatever its category (0: size does not qualify).", "专项奖：窗口内销售额不低于此值的新客户不论品类均符合（0 表示不按金额）。", { label: { "en-US": "Special bonus: sales that qualify any account", "zh-CN": "专项奖励：任一客户合格所需的销售额" }, min: 0 }),
    def("spifFrom", "month", null, G, "SPIF: first month (YYYY-MM) in which the account's first sale counts; empty: no start.", "专项奖：客户首单计入的起始月份（YYYY-MM）；为空表示不限。", { label: { "en-US": "Special bonus: first month", "zh-CN": "专项奖励：开始月份" } }),
    def("spifTo", "month", null, G, "SPIF: last month (YYYY-MM) in which the account's first sale counts; empty: no end.", "专项奖：客户首单计入的截止月份（YYYY-MM）；为空表示不限。", { label: { "en-US": "Special bonus: last month", "zh-CN": "专项奖励：结束月份" } }),
  ],
  cellArguments: [
    {
      name: "spifAccounts",
      label: { "en-US": "spifAccounts", "zh-CN": "专项客户数" },
      position: 9,
      kind: "count",
      // A cell has no account list: the caller counts the won accounts that meet the SPIF's criteria.
      into(input, count) {
        input.spifAccounts = count;
      },
    },
  ],
  text: {
    "en-US": {
      spif: "{amountCents} = {count|# qualifying won account|# qualifying won accounts} × {bonusCents} ({accounts})",
      "spif.counted": "{amountCents} = {count|# qualifying won account|# qualifying won accounts} × {bonusCents}",
      "spif.noneQualified": "0: {won|the # won account does not qualify|none of the # won accounts qualifies}",
      "spif.noWon": "0: no account won",
      "spif.none": "0: no SPIF",
    },
    "zh-CN": {
      spif: "{amountCents} = {count} 个符合条件的新客户 × {bonusCents}（{accounts}）",
      "spif.counted": "{amountCents} = {count} 个符合条件的新客户 × {bonusCents}",
      "spif.noneQualified": "0：{won} 个新客户均不符合条件",
      "spif.noWon": "0：没有开发新客户",
      "spif.none": "0：未设专项奖",
    },
  },
  compute(input, plan): Component<"spif"> {
    const p = plan.spif;
    if (p.bonusCents <= 0) return { id: "spif", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "spif.none", params: { amountCents: 0 } } };
    if (input.won === undefined) {
      // No account list (a worksheet cell): the caller's count of qualifying accounts, none when not given.
      const count = input.spifAccounts ?? 0;
      const amountCents = count * p.bonusCents;
      return { id: "spif", baseCents: 0, rate: null, amountCents, explanation: { key: "spif.counted", params: { amountCents, count, bonusCents: p.bonusCents } } };
    }
    const won = input.won;
    if (!won.length) return { id: "spif", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "spif.noWon", params: { amountCents: 0 } } };
    const hits = won.filter((a) => qualifies(a, p));
    const amountCents = hits.length * p.bonusCents;
    if (!hits.length) return { id: "spif", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "spif.noneQualified", params: { amountCents: 0, won: won.length } } };
    return { id: "spif", baseCents: hits.reduce((s, a) => s + a.cents, 0), rate: null, amountCents, explanation: { key: "spif", params: { amountCents, count: hits.length, bonusCents: p.bonusCents, accounts: hits.map((a) => a.accountId).join(", ") } } };
  },
});
