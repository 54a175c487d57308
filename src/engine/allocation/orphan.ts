/**
 * ORPHAN: an account whose owner has left (Active = no), is not in the roster, or is blank is reassigned.
 */
import { explainRejected, regionsOf } from "./diagnostics";
import { ruleSwitch } from "./settingsDefs";
import type { Account } from "../model";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "ORPHAN";

export const orphan: AllocationRule = {
  id: ID,
  stages: ["examined", "triggered", "released", "placed"],
  settings: [ruleSwitch(ID, "Accounts whose owner left or is unknown are reassigned", "负责人离职或不在花名册的客户重新分配", { "en-US": "Reassign accounts of reps who left", "zh-CN": "重新分配离职业务员的客户" })],
  evaluate(ctx: AllocationContext): Release[] {
    const out: Release[] = [];
    const rejected = new Map<string, number>();
    // One account at a time, in a function of its own: optimised after its first few hundred calls.
    const judgeAccount = (acc: Account): void => {
      if (ctx.released.has(acc.index)) return;
      if (!ctx.ruleOn(ID, acc.region)) return;
      ctx.funnel.add(ID, acc.region, "examined");
      let key: string | null = null;
      if (acc.owner >= 0) {
        const rep = ctx.model.reps[acc.owner];
        if (!rep.active) key = "reason.ORPHAN.left";
        // An owner hired after the period does not count for it either.
        else if (ctx.classes[acc.owner] === null) key = "reason.ORPHAN.notYet";
      } else key = acc.ownerText ? "reason.ORPHAN.unknown" : "reason.ORPHAN.unowned";
      if (!key) return;
      ctx.funnel.add(ID, acc.region, "triggered");
      if (ctx.remembersRejection(acc.index, ID)) {
        rejected.set(acc.region, (rejected.get(acc.region) ?? 0) + 1);
        return;
      }
      const owner = acc.owner >= 0 ? ctx.model.reps[acc.owner].id : acc.ownerText;
      out.push({ account: acc.index, rule: ID, region: acc.region, reason: { key, params: { owner } }, evidence: { key: `evidence.${key.slice(7)}`, params: { owner } } });
    };
    for (let i = 0; i < ctx.model.accounts.length; i++) judgeAccount(ctx.model.accounts[i]);
    // What held each region's funnel, in words (used where a stage is zero).
    for (const region of regionsOf(ctx)) {
      ctx.funnel.explain(ID, region, "triggered", { key: "blocked.ORPHAN.none", params: { accounts: ctx.funnel.count(ID, region, "examined"), region: region || "—" } });
      explainRejected(ctx, ID, region, rejected.get(region));
    }
    return out;
  },
};
