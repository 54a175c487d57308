/**
 * Draws against commission, from the roster's Draw column (per quotaPeriod, prorated like the quota)
 * and Draw Balance (unrecovered draw carried into the window). When the window's earnings (every line
 * before this one) fall short of the draw, the difference is paid. A recoverable draw adds it to the
 * balance and takes the balance back from later earnings above the draw; a non-recoverable draw does not.
 */
import { def } from "../../allocation/settingsDefs";
import { defineComponent, type Component } from "./types";

export const draw = defineComponent({
  id: "draw",
  label: { "en-US": "Draw", "zh-CN": "预支" },
  term: { "en-US": "draw", "zh-CN": "预支" },
  inCell: true,
  doc: {
    "en-US": "Roster `Draw` (per quotaPeriod, prorated) tops up earnings below it; `drawType` recoverable carries the top-up forward (roster `Draw Balance`) and recovers it from earnings above the draw; nonRecoverable never recovers it.",
    "zh-CN": "花名册“预支”（按 quotaPeriod，按在职比例折算）补足不足部分；`drawType` 为 recoverable 时补足额结转（花名册“预支余额”），并从超出预支的收入中扣回；nonRecoverable 不扣回。",
  },
  settings: [
    def("drawType", "enum", "recoverable", "incentives", "A draw (roster Draw column) is recoverable (the top-up is carried forward and taken back from later earnings above the draw) or nonRecoverable.", "预支（花名册“预支”列）为 recoverable（补足额结转，从之后超出预支的收入中扣回）或 nonRecoverable（不扣回）。", { label: { "en-US": "Draw is", "zh-CN": "预支方式" }, optionLabels: { recoverable: { "en-US": "recoverable (taken back from later earnings)", "zh-CN": "可收回（从之后的收入中扣回）" }, nonRecoverable: { "en-US": "not recoverable", "zh-CN": "不可收回" } }, options: ["recoverable", "nonRecoverable"] }),
  ],
  cellArguments: [
    {
      name: "draw",
      label: { "en-US": "draw", "zh-CN": "预支" },
      position: 10,
      kind: "cents",
      into(input, cents) {
        (input.draw ??= { drawCents: 0, balanceCents: 0 }).drawCents = cents;
      },
    },
    {
      name: "drawBalance",
      label: { "en-US": "drawBalance", "zh-CN": "预支余额" },
      position: 11,
      kind: "cents",
      into(input, cents) {
        (input.draw ??= { drawCents: 0, balanceCents: 0 }).balanceCents = cents;
      },
    },
  ],
  text: {
    "en-US": {
      "draw.topUp": "{amountCents} = draw {drawCents} − earned {earnedCents}; to be recovered later, balance carried forward {balanceCents}",
      "draw.recover": "{amountCents}: earned {earnedCents} is above the draw {drawCents}, so {recoveredCents} of the {carriedCents} unrecovered draw is taken back; balance carried forward {balanceCents}",
      "draw.nonRecoverable": "{amountCents} = draw {drawCents} − earned {earnedCents} (not recovered later)",
      "draw.covered": "0: earned {earnedCents} is at least the draw {drawCents}; balance carried forward {balanceCents}",
      "draw.none": "0: no draw",
    },
    "zh-CN": {
      "draw.topUp": "{amountCents} = 预支 {drawCents} − 收入 {earnedCents}；日后扣回，结转余额 {balanceCents}",
      "draw.recover": "{amountCents}：收入 {earnedCents} 超过预支 {drawCents}，扣回未收回预支 {carriedCents} 中的 {recoveredCents}；结转余额 {balanceCents}",
      "draw.nonRecoverable": "{amountCents} = 预支 {drawCents} − 收入 {earnedCents}（不扣回）",
      "draw.covered": "0：收入 {earnedCents} 不低于预支 {drawCents}；结转余额 {balanceCents}",
      "draw.none": "0：无预支",
    },
  },
  compute(input, plan, before): Component<"draw"> {
    const d = input.draw;
    if (!d || (d.drawCents <= 0 && d.balanceCents <= 0)) return { id: "draw", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "draw.none", params: { amountCents: 0 } } };
    const earned = before.reduce((s, c) => s + c.amountCents, 0);
    const carried = plan.drawRecoverable ? Math.max(0, d.balanceCents) : 0;
    const line = (amountCents: number, key: string, extra: Record<string, number> = {}): Component<"draw"> => ({
      id: "draw",
      baseCents: d.drawCents,
      rate: null,
      amountCents,
      explanation: { key, params: { amountCents, drawCents: d.drawCents, earnedCents: earned, carriedCents: carried, ...extra } },
    });
    if (earned < d.drawCents) {
      const topUp = d.drawCents - earned;
      return plan.drawRecoverable ? line(topUp, "draw.topUp", { balanceCents: carried + topUp }) : line(topUp, "draw.nonRecoverable");
    }
    const recovered = Math.min(carried, earned - d.drawCents);
    return recovered > 0 ? line(-recovered, "draw.recover", { recoveredCents: recovered, balanceCents: carried - recovered }) : line(0, "draw.covered", { balanceCents: carried });
  },
});
