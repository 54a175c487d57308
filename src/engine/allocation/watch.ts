/**
 * The watch list: who and what is one step from a rule firing, with a message addressed to the rep that a
 * manager can forward before any account moves. STAGNATION: veterans whose book went without growth in the
 * last k−1 of k months, with the accounts a flat next month would release. DORMANT: accounts the at-risk
 * list names. UNDERSERVED: accounts that fell while their peers grew, within `watchMarginPct` of the gap.
 */
import { dayToMonth } from "../cells";
import { compareText } from "../snapshot";
import type { AtRisk } from "./dormant";
import { def } from "./settingsDefs";
import { grows, judgeVeteran } from "./stagnation";
import type { Account } from "../model";
import type { AllocationContext, Explanation, RuleId } from "./types";
import { peerFigure, underservedAt, underservedFigures } from "./underserved";

export const WATCH_SETTINGS = [
  def(
    "watchMarginPct",
    "percent",
    0.1,
    "watch",
    "How close an account must come to a rule's threshold to go on the watch list (UNDERSERVED: within this many percentage points of underservedGapPct).",
    "客户距规则阈值多近时列入预警名单（UNDERSERVED：与 underservedGapPct 相差不超过此百分点）。",
    { label: { "en-US": "How close counts as one step from a rule", "zh-CN": "接近规则触发的范围" }, min: 0, max: 1 },
  ),
] as const;

export interface WatchItem {
  rule: RuleId;
  /** The rep the message is addressed to. */
  rep: number;
  /** The account, for per-account warnings (DORMANT, UNDERSERVED); null for a veteran's book. */
  account: number | null;
  /** The accounts a flat month would release (STAGNATION), weakest first. */
  accounts: number[];
  /** Months until the rule fires if nothing changes. */
  monthsLeft: number;
  message: Explanation;
}

const accountRef = (ctx: AllocationContext, a: number): Explanation => ({ key: "watch.account", params: { id: ctx.model.accounts[a].id, name: ctx.model.accounts[a].name } });

/**
 * The watch list of a run, after the rules (accounts released in this run are not on it).
 * @example watchList(ctx, atRisk(ctx)).filter((w) => w.rule === "STAGNATION")
 */
export function watchList(ctx: AllocationContext, atRiskList: readonly AtRisk[]): WatchItem[] {
  const { model, settings, period } = ctx;
  const out: WatchItem[] = [];
  // STAGNATION: every month of the window but the first without growth; one more flat month and it fires.
  for (const rep of model.reps) {
    if (ctx.classes[rep.index] !== "veteran" || ctx.stagnantReps.has(rep.index) || !ctx.ruleOn("STAGNATION", rep.region)) continue;
    const j = judgeVeteran(ctx, rep.index);
    if (!j.series.length || !grows(j.series[0].growth, j.threshold)) continue;
    if (j.series.slice(1).some((p) => grows(p.growth, j.threshold))) continue;
    // Judged when the rule ran; a later rule may have released some of the candidates since.
    const would = j.candidates.filter((c) => !ctx.released.has(c.a)).slice(0, j.quota).map((c) => c.a);
    if (!would.length) continue;
    out.push({
      rule: "STAGNATION",
      rep: rep.index,
      account: null,
      accounts: would,
      monthsLeft: 1,
      message: { key: "watch.STAGNATION", params: { nextMonth: period + 1, count: would.length, accounts: would.map((a) => accountRef(ctx, a)) } },
    });
  }
  // DORMANT: the accounts that will be recycled soon unless they buy.
  for (const r of atRiskList) {
    const acc = model.accounts[r.account];
    if (acc.owner < 0 || !ctx.ruleOn("DORMANT", acc.region)) continue;
    out.push({
      rule: "DORMANT",
      rep: acc.owner,
      account: acc.index,
      accounts: [],
      monthsLeft: Math.max(1, dayToMonth(r.dormantDay) - period),
      message: { key: "watch.DORMANT", params: { account: [accountRef(ctx, acc.index)], lastSaleDay: r.lastSaleDay, dormantDay: r.dormantDay } },
    });
  }
  // UNDERSERVED: fell while peers grew, by less than the gap but within the margin of it.
  const figures = underservedFigures(ctx);
  // One account at a time, in a function of its own: optimised after its first few hundred calls.
  const watchAccount = (acc: Account): void => {
    if (acc.owner < 0 || ctx.classes[acc.owner] === null || acc.protected || ctx.released.has(acc.index) || !ctx.ruleOn("UNDERSERVED", acc.region)) return;
    if (figures.group[acc.index] < 0 || figures.peers[acc.index] < settings.num("underservedMinPeers", acc.region)) return;
    const gap = settings.num("underservedGapPct", acc.region);
    const margin = settings.num("watchMarginPct", acc.region);
    if (underservedAt(figures, acc.index, gap) || !underservedAt(figures, acc.index, Math.max(0, gap - margin))) return;
    const f = peerFigure(figures, acc.index)!;
    out.push({
      rule: "UNDERSERVED",
      rep: acc.owner,
      account: acc.index,
      accounts: [],
      monthsLeft: 1,
      message: {
        key: "watch.UNDERSERVED",
        params: { account: [accountRef(ctx, acc.index)], growthPct: f.growth as number, months: f.months, peerMedianPct: f.peerMedian as number, gapPct: gap },
      },
    });
  };
  for (let i = 0; i < model.accounts.length; i++) watchAccount(model.accounts[i]);
  const repKey = (i: number) => model.reps[i].key;
  const accKey = (i: number | null) => (i === null ? "" : model.accounts[i].key);
  return out.sort((x, y) => x.monthsLeft - y.monthsLeft || compareText(repKey(x.rep), repKey(y.rep)) || compareText(x.rule, y.rule) || compareText(accKey(x.account), accKey(y.account)));
}
