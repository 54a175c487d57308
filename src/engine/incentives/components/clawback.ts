/**
 * Refunds and clawbacks: negative sales lines reverse commission in the window they land in. Commission
 * is paid on gross sales; this line takes back the difference to the commission on net sales. When
 * refunds exceed the window's sales, the net is negative and is reversed at the first tier's rate, so
 * the statement can go below zero — and this line says why.
 */
import { def } from "../../allocation/settingsDefs";
import { roundCents } from "../money";
import { commissionDetail, grossCents, ownRateSales } from "./commission";
import { defineComponent, type Component } from "./types";

export const clawback = defineComponent({
  id: "clawback",
  label: { "en-US": "Clawback", "zh-CN": "退款扣回" },
  term: { "en-US": "clawback", "zh-CN": "扣回" },
  inCell: true,
  doc: {
    "en-US": "With `clawback` on, refunds (negative sales lines) in the window take back commission: commission on net sales − commission on gross sales; a negative net is reversed at the first tier's rate. In a cell, `refunds` is taken off `sales`.",
    "zh-CN": "`clawback` 开启时，窗口内的退款（负数销售行）扣回提成：按净销售额的提成 − 按总销售额的提成；净额为负时按第一档比例扣回。单元格公式中 `refunds` 从 `sales` 中扣除。",
  },
  settings: [def("clawback", "boolean", true, "incentives", "Refunds (negative sales lines) reverse commission in the window they land in (on/off).", "退款（负数销售行）在所在窗口扣回提成（on/off）。", { label: { "en-US": "Refunds take back commission", "zh-CN": "退款扣回提成" } })],
  cellArguments: [
    {
      name: "refunds",
      label: { "en-US": "refunds", "zh-CN": "退款" },
      position: 8,
      kind: "cents",
      // sales is before refunds in a cell: the credited (net) sales are what is left.
      into(input, cents) {
        input.refundsCents = cents;
        input.creditedCents -= cents;
      },
    },
  ],
  text: {
    "en-US": {
      clawback: "{amountCents} = commission on net sales {netCents} ({netCommissionCents}) − on gross sales {grossCents} ({grossCommissionCents}); refunds {refundsCents}",
      "clawback.negative": "{amountCents} = refunds {refundsCents} exceed sales: net {netCents} × {ratePct} ({netCommissionCents}) − commission on gross sales {grossCents} ({grossCommissionCents})",
      "clawback.off": "0: refunds of {refundsCents} are not clawed back (clawback off)",
      "clawback.none": "0: no refunds",
    },
    "zh-CN": {
      clawback: "{amountCents} = 按净销售额 {netCents} 的提成（{netCommissionCents}）− 按总销售额 {grossCents} 的提成（{grossCommissionCents}）；退款 {refundsCents}",
      "clawback.negative": "{amountCents} = 退款 {refundsCents} 超过销售额：净额 {netCents} × {ratePct}（{netCommissionCents}）− 按总销售额 {grossCents} 的提成（{grossCommissionCents}）",
      "clawback.off": "0：退款 {refundsCents} 不扣回提成（clawback 关闭）",
      "clawback.none": "0：无退款",
    },
  },
  compute(input, plan): Component<"clawback"> {
    const refunds = input.refundsCents ?? 0;
    // Literal objects, not spreads: this runs once per =FAIRSHARE.INCENTIVE cell.
    if (!refunds) return { id: "clawback", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "clawback.none", params: { amountCents: 0 } } };
    if (!plan.clawback) return { id: "clawback", baseCents: refunds, rate: null, amountCents: 0, explanation: { key: "clawback.off", params: { amountCents: 0, refundsCents: refunds } } };
    const gross = grossCents(input);
    const net = input.creditedCents;
    const cats = ownRateSales(input, plan);
    const grossCommission = roundCents(commissionDetail(gross, input.quotaCents, plan, cats).cents);
    const firstRate = plan.tiers[0].rate;
    const netCommission = net < 0 ? roundCents(net * firstRate) : roundCents(commissionDetail(net, input.quotaCents, plan, cats).cents);
    const amountCents = netCommission - grossCommission;
    const params = { amountCents, netCents: net, netCommissionCents: netCommission, grossCents: gross, grossCommissionCents: grossCommission, refundsCents: refunds, ratePct: firstRate };
    return { id: "clawback", baseCents: refunds, rate: null, amountCents, explanation: { key: net < 0 ? "clawback.negative" : "clawback", params } };
  },
});
