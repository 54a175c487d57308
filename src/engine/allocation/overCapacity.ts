/**
 * OVER_CAPACITY: a rep above their holding cap releases the lowest-value accounts down to the cap.
 * Counted after the other rules' releases, so nobody releases twice for one excess.
 */
import { hashString } from "../random";
import { ruleSwitch } from "./settingsDefs";
import { keptParts } from "./stagnation";
import type { AllocationContext, AllocationRule, Release } from "./types";

const ID = "OVER_CAPACITY";

export const overCapacity: AllocationRule = {
  id: ID,
  stages: ["examined", "triggered", "eligible", "released", "placed"],
  settings: [ruleSwitch(ID, "Reps above their holding cap release their lowest-value accounts", "超过保有上限的业务员释放业绩最低的客户", { "en-US": "Move accounts above a rep's cap", "zh-CN": "调整超出保有上限的客户" })],
  evaluate(ctx: AllocationContext): Release[] {
    const out: Release[] = [];
    const { funnel } = ctx;
    for (const rep of ctx.model.reps) {
      if (ctx.classes[rep.index] === null || !ctx.ruleOn(ID, rep.region)) continue;
      const region = rep.region;
      funnel.add(ID, region, "examined");
      for (const s of ["triggered", "eligible", "released", "placed"] as const) funnel.add(ID, region, s, 0);
      funnel.explain(ID, region, "triggered", { key: "blocked.OVER_CAPACITY.none", params: { reps: funnel.count(ID, region, "examined"), region: region || "—" } });
      const { cap, source } = ctx.caps[rep.index];
      const kept = ctx.owned[rep.index].filter((a) => !ctx.released.has(a));
      const excess = kept.length - cap;
      if (excess <= 0) continue;
      funnel.add(ID, region, "triggered");
      const tieKey = (a: number) => hashString(ctx.model.accounts[a].key, ctx.seed);
      const unprotected = kept.filter((a) => !ctx.model.accounts[a].protected);
      const candidates = unprotected.filter((a) => !ctx.remembersRejection(a, ID)).sort((a, b) => ctx.values[a] - ctx.values[b] || tieKey(a) - tieKey(b));
      funnel.add(ID, region, "eligible", candidates.length);
      funnel.explain(ID, region, "eligible", {
        key: "blocked.OVER_CAPACITY.kept",
        params: {
          parts: keptParts([
            [kept.length - unprotected.length, "kept.protected", {}],
            [unprotected.length - candidates.length, "kept.rejected", { months: ctx.settings.num("rejectionCooldownMonths", region) }],
          ]),
        },
      });
      for (const a of candidates.slice(0, excess)) {
        out.push({
          account: a,
          rule: ID,
          region,
          reason: { key: "reason.OVER_CAPACITY", params: { repId: rep.id, name: rep.name, count: kept.length, cap, capSource: source } },
          evidence: { key: "evidence.OVER_CAPACITY", params: { count: kept.length, cap, excess, valueCents: ctx.values[a] } },
        });
      }
    }
    return out;
  },
};
