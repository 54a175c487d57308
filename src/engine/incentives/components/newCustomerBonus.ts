/** A fixed bonus per account won in the window, plus a rate of those accounts' sales. */
import { def } from "../../allocation/settingsDefs";
import { roundCents } from "../money";
import { defineComponent } from "./types";

const G = "incentives";

export const newCustomerBonus = defineComponent({
  id: "newCustomerBonus",
  label: { "en-US": "New-customer bonus", "zh-CN": "新客户奖" },
  term: { "en-US": "new customers", "zh-CN": "新客户" },
  inCell: true,
  doc: {
    "en-US": "`newCustomerBonus` per account won in the window plus `newCustomerRate` of their sales.",
    "zh-CN": "窗口内每开发一个新客户 `newCustomerBonus`，另加其销售额的 `newCustomerRate`。",
  },
  settings: [
    def("newCustomerBonus", "number", 500, G, "Bonus per new account won in the window.", "窗口内每开发一个新客户的奖金。", { label: { "en-US": "Bonus per new account", "zh-CN": "每个新客户的奖金" }, min: 0 }),
    def("newCustomerRate", "percent", 0, G, "Extra rate on new accounts' sales in the window.", "新客户窗口内销售额的额外奖励比例。", { label: { "en-US": "Extra rate on new accounts' sales", "zh-CN": "新客户销售额的额外比例" }, min: 0, max: 1 }),
  ],
  cellArguments: [
    {
      name: "newAccounts",
      label: { "en-US": "newAccounts", "zh-CN": "新客户数" },
      position: 4,
      kind: "count",
      into(input, count) {
        input.newAccounts = count;
      },
    },
  ],
  // A part the plan does not pay is left out of the sentence ("3 new accounts × 500", not "+ 0% × 0").
  text: {
    "en-US": {
      newCustomerBonus: "{amountCents} = {count|# new account|# new accounts} × {bonusCents} + {ratePct} × {salesCents} of their sales",
      "newCustomerBonus.fixed": "{amountCents} = {count|# new account|# new accounts} × {bonusCents}",
      "newCustomerBonus.rate": "{amountCents} = {ratePct} × {salesCents} of new accounts' sales",
      "newCustomerBonus.none": "0: no new account won",
      "newCustomerBonus.off": "0: the plan pays no new-customer bonus",
    },
    "zh-CN": {
      newCustomerBonus: "{amountCents} = {count} 个新客户 × {bonusCents} + 其销售额 {salesCents} × {ratePct}",
      "newCustomerBonus.fixed": "{amountCents} = {count} 个新客户 × {bonusCents}",
      "newCustomerBonus.rate": "{amountCents} = 新客户销售额 {salesCents} × {ratePct}",
      "newCustomerBonus.none": "0：没有开发新客户",
      "newCustomerBonus.off": "0：方案不设新客户奖",
    },
  },
  compute(input, plan) {
    const won = input.newAccounts ?? 0;
    const wonSales = input.newAccountSalesCents ?? 0;
    const bonus = plan.newCustomerBonusCents;
    const rate = plan.newCustomerRate;
    const amountCents = roundCents(won * bonus + Math.max(0, wonSales) * rate);
    const key =
      bonus <= 0 && rate <= 0
        ? "newCustomerBonus.off"
        : won === 0 && (rate <= 0 || wonSales === 0)
          ? "newCustomerBonus.none"
          : rate <= 0
            ? "newCustomerBonus.fixed"
            : bonus <= 0
              ? "newCustomerBonus.rate"
              : "newCustomerBonus";
    return {
      id: "newCustomerBonus",
      baseCents: wonSales,
      // One rate explains the amount only when there is no fixed part.
      rate: bonus <= 0 && rate > 0 ? rate : null,
      amountCents,
      explanation: { key, params: { amountCents, count: won, bonusCents: bonus, ratePct: rate, salesCents: wonSales } },
    };
  },
});
