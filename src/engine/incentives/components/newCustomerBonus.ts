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
    def("newCustomerBonus", "number", 500, G, "Bonus per new account won in the window.", "窗口内每开发一个新客户的奖金。", { min: 0 }),
    def("newCustomerRate", "percent", 0, G, "Extra rate on new accounts' sales in the window.", "新客户窗口内销售额的额外奖励比例。", { min: 0, max: 1 }),
  ],
  text: {
    "en-US": { newCustomerBonus: "{amountCents} = {count} new accounts × {bonusCents} + {ratePct} × {salesCents}" },
    "zh-CN": { newCustomerBonus: "{amountCents} = {count} 个新客户 × {bonusCents} + {ratePct} × {salesCents}" },
  },
  compute(input, plan) {
    const won = input.newAccounts ?? 0;
    const wonSales = input.newAccountSalesCents ?? 0;
    const amountCents = roundCents(won * plan.newCustomerBonusCents + Math.max(0, wonSales) * plan.newCustomerRate);
    return {
      id: "newCustomerBonus",
      baseCents: wonSales,
      rate: plan.newCustomerRate,
      amountCents,
      explanation: { key: "newCustomerBonus", params: { amountCents, count: won, bonusCents: plan.newCustomerBonusCents, ratePct: plan.newCustomerRate, salesCents: wonSales } },
    };
  },
});
