/**
 * ORPHAN: an account whose owner has left (Active = no), is not in the roster, or is blank is reassigned.
 */
import { ruleSwitch } from "./settingsDefs";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "ORPHAN";

export const orphan: AllocationRule = {
  id: ID,
  settings: [ruleSwitch(ID, "Accounts whose owner left or is unknown are reassigned", "负责人离职或不在花名册的客户重新分配")],
  evaluate(ctx: AllocationContext): Release[] {
    const out: Release[] = [];
    for (const acc of ctx.model.accounts) {
      if (ctx.released.has(acc.index)) continue;
      let key: string | null = null;
      if (acc.owner >= 0) {
        const rep = ctx.model.reps[acc.owner];
        if (!rep.active) key = "reason.ORPHAN.left";
        // An owner hired after the period does not count for it either.
        else if (ctx.classes[acc.owner] === null) key = "reason.ORPHAN.notYet";
      } else key = acc.ownerText ? "reason.ORPHAN.unknown" : "reason.ORPHAN.unowned";
      if (!key) continue;
      const owner = acc.owner >= 0 ? ctx.model.reps[acc.owner].id : acc.ownerText;
      out.push({ account: acc.index, rule: ID, reason: { key, params: { owner } }, evidence: { key: `evidence.${key.slice(7)}`, params: { owner } } });
    }
    return out;
  },
};
