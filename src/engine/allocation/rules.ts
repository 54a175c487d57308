/**
 * The allocation rules, assembled once: allocation runs them in this order, and the settings registry,
 * the docs and the diagnostics read the same list.
 */
import { dormant } from "./dormant";
import { orphan } from "./orphan";
import { overCapacity } from "./overCapacity";
import { stagnation } from "./stagnation";
import type { AllocationRule } from "./types";
import { underserved } from "./underserved";

/**
 * The rules in the order they claim accounts: an account released by one is not looked at again. A
 * stagnant veteran's release comes before the per-account UNDERSERVED, and the cap is counted last.
 */
export const RULES: readonly AllocationRule[] = [orphan, dormant, stagnation, underserved, overCapacity];

/** Thrown when the rule registry contradicts itself (a programming error). */
export class RuleRegistryError extends Error {
  override name = "RuleRegistryError";
}

(function checkRegistry() {
  const ids = new Set<string>();
  for (const r of RULES) {
    if (ids.has(r.id)) throw new RuleRegistryError(`rule ${r.id} is registered twice`);
    ids.add(r.id);
    if (!r.settings.some((s) => s.key === `rule.${r.id}`)) throw new RuleRegistryError(`rule ${r.id} has no rule.${r.id} switch`);
    if (!r.stages.length || r.stages[r.stages.length - 1] !== "placed") throw new RuleRegistryError(`rule ${r.id}'s funnel must end with "placed"`);
  }
})();
