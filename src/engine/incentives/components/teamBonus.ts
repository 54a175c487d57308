/**
 * The team bonus: `teamBonusRate` of the region's sales above the sum of its quotas, shared by score
 * × employed share (the split is computed over the team in evaluate.ts; this entry states it).
 */
import { def } from "../../allocation/settingsDefs";
import { defineComponent, type Component } from "./types";

const G = "incentives";

export const teamBonus = defineComponent({
  id: "teamBonus",
  label: { "en-US": "Team bonus", "zh-CN": "团队奖" },
  term: { "en-US": "team", "zh-CN": "团队" },
  inCell: false,
  doc: {
    "en-US": "`teamBonusRate` of the region's sales above the sum of its quotas, shared by score × employed share (largest remainder).",
    "zh-CN": "区域销售超出指标总和部分的 `teamBonusRate`，按评分 × 在职比例分配（最大余数法）。",
  },
  settings: [def("teamBonusRate", "percent", 0.01, G, "Team bonus: this rate of the region's sales above the sum of its quotas, shared by score.", "团队奖：区域销售超出指标总和部分的此比例，按评分分配。", { label: { "en-US": "Team bonus rate", "zh-CN": "团队奖金比例" }, min: 0, max: 1 })],
  text: {
    "en-US": {
      teamBonus: "{amountCents} = {sharePct} of the team pool {poolCents} ({ratePct} × {excessCents} of {region} sales above its quotas)",
      "teamBonus.none": "0: {region} sales did not exceed its quotas",
      "teamBonus.noQuota": "0: {region} has {count|# rep|# reps} without a quota, so the region's quota is unknown",
      "teamBonus.notEvaluated": "0: computed over the team (a single cell has no team)",
    },
    "zh-CN": {
      teamBonus: "{amountCents} = 团队奖池 {poolCents} 的 {sharePct}（{region} 超出指标部分 {excessCents} × {ratePct}）",
      "teamBonus.none": "0：{region} 销售未超出指标总和",
      "teamBonus.noQuota": "0：{region} 有 {count} 名业务员没有指标，区域指标未知",
      "teamBonus.notEvaluated": "0：按团队计算（单个单元格没有团队）",
    },
  },
  compute(input): Component<"teamBonus"> {
    const t = input.teamBonus;
    if (!t) return { id: "teamBonus", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "teamBonus.notEvaluated", params: { amountCents: 0 } } };
    const region = t.region || "—";
    const key = t.withoutQuota > 0 ? "teamBonus.noQuota" : t.poolCents > 0 ? "teamBonus" : "teamBonus.none";
    return {
      id: "teamBonus",
      baseCents: t.poolCents,
      rate: null,
      amountCents: t.amountCents,
      explanation: { key, params: { amountCents: t.amountCents, sharePct: t.share, poolCents: t.poolCents, ratePct: t.rate, excessCents: t.excessCents, region, count: t.withoutQuota } },
    };
  },
});
