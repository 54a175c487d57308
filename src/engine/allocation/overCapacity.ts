/**
 * OVER_CAPACITY: a rep above their holding cap releases the lowest-value accounts down to the cap.
 * Counted after the other rules' releases, so nobody releases twice for one excess.
 */
import { hashString } from "../random";
import { ruleSwitch } from "./settingsDefs";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "OVER_CAPACITY";

export const overCapacity: AllocationRule = {
  id: ID,
  settings: [ruleSwitch(ID, "Reps above their holding cap release their lowest-value accounts", "超过保有上限的业务员释放业绩最低的客户")],
  evaluate(ctx: AllocationContext): Release[] {
    const out: Release[] = [];
    for (const rep of ctx.model.reps) {
      if (ctx.classes[rep.index] === null) continue;
      const { cap, source } = ctx.caps[rep.index];
      const kept = ctx.owned[rep.index].filter((a) => !ctx.released.has(a));
      const excess = kept.length - cap;
      if (excess <= 0) continue;
      const tieKey = (a: number) => hashString(ctx.model.accounts[a].key, ctx.seed);
      const candidates = kept.filter((a) => !ctx.model.accounts[a].protected).sort((a, b) => ctx.values[a] - ctx.values[b] || tieKey(a) - tieKey(b));
      for (const a of candidates.slice(0, excess)) {
        out.push({
          account: a,
          rule: ID,
          reason: { key: "reason.OVER_CAPACITY", params: { repId: rep.id, name: rep.name, count: kept.length, cap, capSource: source } },
          evidence: { key: "evidence.OVER_CAPACITY", params: { count: kept.length, cap, excess, valueCents: ctx.values[a] } },
        });
      }
    }
    return out;
  },
};
