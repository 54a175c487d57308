/**
 * DORMANT (the 公海 recycle): an account with no sales in the last `inactiveMonths` months goes back
 * to the pool and is reassigned; protected accounts excepted. Also finds the accounts at risk of it.
 */
import { addMonths } from "../cells";
import { explainRejected, regionsOf } from "./diagnostics";
import { def, ruleSwitch } from "./settingsDefs";
import type { Account } from "../model";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "DORMANT";

export interface AtRisk {
  account: number;
  lastSaleDay: number;
  /** The first day on which the account counts as dormant. */
  dormantDay: number;
  daysLeft: number;
}

/** The day before which the last sale must fall for the account to be dormant at the period end. */
function dormantCutoff(ctx: AllocationContext, region: string): number {
  // Asked once per account: the date arithmetic is done once per region and run.
  let byRegion = cutoffs.get(ctx);
  if (!byRegion) cutoffs.set(ctx, (byRegion = new Map()));
  let day = byRegion.get(region);
  if (day === undefined) byRegion.set(region, (day = addMonths(ctx.periodEnd, -ctx.settings.num("inactiveMonths", region))));
  return day;
}
const cutoffs = new WeakMap<AllocationContext, Map<string, number>>();

export const dormant: AllocationRule = {
  id: ID,
  stages: ["examined", "inScope", "triggered", "released", "placed"],
  settings: [
    ruleSwitch(ID, "Accounts without sales go back to the pool", "长期无销售的客户回收公海", { "en-US": "Return dormant accounts to the pool", "zh-CN": "收回休眠客户" }),
    def("inactiveMonths", "int", 6, ID, "An account with no sales in this many months is recycled.", "连续此月数无销售的客户将被回收。", { label: { "en-US": "Months without sales before an account is dormant", "zh-CN": "无销售多少个月算休眠" }, min: 1, max: 60 }),
    def("remindDays", "int", 30, ID, "List accounts that will be recycled within this many days.", "列出将在此天数内被回收的客户。", { label: { "en-US": "Warn this many days before an account goes dormant", "zh-CN": "休眠前提前提醒的天数" }, min: 0, max: 366 }),
  ],
  evaluate(ctx: AllocationContext): Release[] {
    const out: Release[] = [];
    const { funnel } = ctx;
    const rejected = new Map<string, number>();
    // One account at a time, in a function of its own: optimised after its first few hundred calls.
    const judgeAccount = (acc: Account): void => {
      if (ctx.released.has(acc.index) || !ctx.ruleOn(ID, acc.region)) return;
      const region = acc.region;
      const months = ctx.settings.num("inactiveMonths", region);
      funnel.add(ID, region, "examined");
      if (acc.protected) return;
      funnel.add(ID, region, "inScope");
      const cutoff = dormantCutoff(ctx, acc.region);
      const last = ctx.lastSale[acc.index];
      if (last > cutoff) return;
      // A newly acquired account has not had the time to buy.
      if (last === -Infinity && acc.acquiredDay !== null && acc.acquiredDay > cutoff) return;
      funnel.add(ID, region, "triggered");
      if (ctx.remembersRejection(acc.index, ID)) {
        rejected.set(region, (rejected.get(region) ?? 0) + 1);
        return;
      }
      out.push({
        account: acc.index,
        rule: ID,
        region,
        reason: { key: last === -Infinity ? "reason.DORMANT.never" : "reason.DORMANT", params: { months, ...(last === -Infinity ? {} : { lastSaleDay: last }) } },
        evidence: { key: "evidence.DORMANT", params: { months, cutoffDay: cutoff, lastSaleDay: last === -Infinity ? "—" : last } },
      });
    };
    for (let i = 0; i < ctx.model.accounts.length; i++) judgeAccount(ctx.model.accounts[i]);
    // What held each region's funnel, in words (used where a stage is zero).
    for (const region of regionsOf(ctx)) {
      funnel.explain(ID, region, "inScope", { key: "blocked.DORMANT.protected", params: { accounts: funnel.count(ID, region, "examined"), region: region || "—" } });
      funnel.explain(ID, region, "triggered", {
        key: "blocked.DORMANT.active",
        params: { accounts: funnel.count(ID, region, "inScope"), months: ctx.settings.num("inactiveMonths", region), region: region || "—" },
      });
      explainRejected(ctx, ID, region, rejected.get(region));
    }
    return out;
  },
};

/**
 * Accounts DORMANT will recycle within `remindDays` days of the period end if nothing is sold, so their
 * owners can act first. Sorted by days left, then account id.
 */
export function atRisk(ctx: AllocationContext): AtRisk[] {
  const out: AtRisk[] = [];
  // One account at a time, in a function of its own: optimised after its first few hundred calls.
  const atRiskOf = (acc: Account): void => {
    if (acc.protected || acc.owner < 0) return;
    const last = ctx.lastSale[acc.index];
    if (last === -Infinity || last <= dormantCutoff(ctx, acc.region)) return;
    const dormantDay = addMonths(last, ctx.settings.num("inactiveMonths", acc.region)) + 1;
    const daysLeft = dormantDay - ctx.periodEnd;
    if (daysLeft <= ctx.settings.num("remindDays", acc.region)) out.push({ account: acc.index, lastSaleDay: last, dormantDay, daysLeft });
  };
  for (let i = 0; i < ctx.model.accounts.length; i++) atRiskOf(ctx.model.accounts[i]);
  return out.sort((a, b) => a.daysLeft - b.daysLeft || (ctx.model.accounts[a.account].key < ctx.model.accounts[b.account].key ? -1 : 1));
}
