/** A rate of retained portfolio sales, paid when the rep's customers are satisfied enough. */
import { def } from "../../allocation/settingsDefs";
import { roundCents } from "../money";
import { satisfactionText } from "../scale";
import { defineComponent } from "./types";

const G = "incentives";

export const retentionBonus = defineComponent({
  id: "retentionBonus",
  label: { "en-US": "Retention bonus", "zh-CN": "维护奖" },
  term: { "en-US": "retention", "zh-CN": "维护" },
  inCell: true,
  doc: {
    "en-US": "`retentionRate` of the window's sales on accounts the rep held that also bought in the 12 months before, when satisfaction ≥ `retentionMinSatisfaction`.",
    "zh-CN": "本人负责且前 12 个月也有成交的客户在窗口内销售额的 `retentionRate`，满意度需 ≥ `retentionMinSatisfaction`。",
  },
  settings: [
    def("retentionRate", "percent", 0.01, G, "Retention bonus: this rate of retained portfolio sales.", "维护奖：保有客户销售额的此比例。", { label: { "en-US": "Retention bonus rate", "zh-CN": "保有奖金比例" }, min: 0, max: 1 }),
    def("retentionMinSatisfaction", "number", 4, G, "Retention bonus only when the rep's satisfaction (1–5) is at least this.", "业务员满意度（1–5）不低于此值才发维护奖。", { label: { "en-US": "Satisfaction (1–5) needed for the retention bonus", "zh-CN": "获得保有奖金所需的满意度（1–5）" }, min: 1, max: 5 }),
  ],
  cellArguments: [
    {
      name: "retainedSales",
      label: { "en-US": "retainedSales", "zh-CN": "保有销售额" },
      position: 5,
      kind: "cents",
      into(input, cents) {
        input.retainedSalesCents = cents;
      },
    },
    {
      name: "satisfaction",
      label: { "en-US": "satisfaction", "zh-CN": "满意度" },
      position: 6,
      kind: "satisfaction",
      into(input, satisfaction) {
        input.satisfaction = satisfaction;
      },
    },
  ],
  text: {
    "en-US": {
      retentionBonus: "{amountCents} = {ratePct} × {baseCents} retained sales (satisfaction {satisfaction} ≥ {min})",
      "retentionBonus.low": "0: satisfaction {satisfaction} is below {min}",
      "retentionBonus.noSatisfaction": "0: no satisfaction data",
    },
    "zh-CN": {
      retentionBonus: "{amountCents} = {ratePct} × 保有客户销售额 {baseCents}（满意度 {satisfaction} ≥ {min}）",
      "retentionBonus.low": "0：满意度 {satisfaction} 低于 {min}",
      "retentionBonus.noSatisfaction": "0：无满意度数据",
    },
  },
  compute(input, plan) {
    const sat = input.satisfaction ?? null;
    const retained = Math.max(0, input.retainedSalesCents ?? 0);
    const ok = sat !== null && sat >= plan.retentionMinSatisfaction;
    const amountCents = ok ? roundCents(retained * plan.retentionRate) : 0;
    return {
      id: "retentionBonus",
      baseCents: retained,
      rate: plan.retentionRate,
      amountCents,
      explanation: {
        key: sat === null ? "retentionBonus.noSatisfaction" : ok ? "retentionBonus" : "retentionBonus.low",
        params: { amountCents, ratePct: plan.retentionRate, baseCents: retained, satisfaction: satisfactionText(sat), min: satisfactionText(plan.retentionMinSatisfaction) },
      },
    };
  },
});
