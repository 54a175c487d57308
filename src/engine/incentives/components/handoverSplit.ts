/**
 * The handover split: the former owner of an account moved by an applied proposal is credited a share
 * of its sales for some months (settings `handoverSplitPct`, `handoverSplitMonths`, declared with the
 * recipient rules that create the moves). This component is the commission that credit adds.
 */
import { roundCents } from "../money";
import { commissionDetail, grossCents, ownRateSales } from "./commission";
import { defineComponent, type Component } from "./types";

export const handoverSplit = defineComponent({
  id: "handoverSplit",
  label: { "en-US": "Handover split", "zh-CN": "移交分成" },
  term: { "en-US": "handover", "zh-CN": "移交" },
  inCell: true,
  doc: {
    "en-US": "The commission that the handover credit adds (`handoverSplitPct` of a moved account's sales for `handoverSplitMonths`): commission on own + received credit − commission on own.",
    "zh-CN": "移交分成（移交客户销售额的 `handoverSplitPct`，持续 `handoverSplitMonths` 个月）带来的提成：含分成的提成 − 不含时的提成。",
  },
  settings: [],
  cellArguments: [
    {
      name: "handoverCredit",
      label: { "en-US": "handoverCredit", "zh-CN": "移交分成" },
      position: 7,
      kind: "cents",
      into(input, cents) {
        input.splitReceivedCents = cents;
      },
    },
  ],
  text: {
    "en-US": {
      handoverSplit: "{amountCents} = commission with the {receivedCents} handover credit ({withCents}) − without it ({withoutCents})",
      "handoverSplit.none": "0: no handover credit",
    },
    "zh-CN": {
      handoverSplit: "{amountCents} = 含移交分成 {receivedCents} 的提成（{withCents}）− 不含时（{withoutCents}）",
      "handoverSplit.none": "0：无移交分成",
    },
  },
  compute(input, plan): Component<"handoverSplit"> {
    const received = input.splitReceivedCents ?? 0;
    if (!received) return { id: "handoverSplit", baseCents: 0, rate: null, amountCents: 0, explanation: { key: "handoverSplit.none", params: { amountCents: 0 } } };
    // Each side rounded once, as the commission line is, so commission + handover = commission on everything.
    const own = grossCents(input);
    const cats = ownRateSales(input, plan);
    const without = roundCents(commissionDetail(own, input.quotaCents, plan, cats).cents);
    const withIt = roundCents(commissionDetail(own + received, input.quotaCents, plan, cats).cents);
    const amountCents = withIt - without;
    return {
      id: "handoverSplit",
      baseCents: received,
      rate: null,
      amountCents,
      explanation: { key: "handoverSplit", params: { amountCents, receivedCents: received, withCents: withIt, withoutCents: without } },
    };
  },
});
