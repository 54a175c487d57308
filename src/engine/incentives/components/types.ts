/**
 * The shape of one incentive component: what a statement line is, declared once. The statement, the
 * Incentives sheet, =FAIRSHARE.BREAKDOWN, the JSON `components`, the docs and the pane read the
 * assembled list (./index.ts); nothing else names a component.
 */
import type { Explanation } from "../../allocation/types";
import type { Locale } from "../../messages";
import type { Settings } from "../../settings/parse";
import type { SettingDef } from "../../settings/registry";
import type { Plan, PlanInput } from "../plan";

/** One line of a statement: its base, the rate when one rate explains it, the amount in whole cents and why. */
export interface Component<Id extends string = string> {
  id: Id;
  baseCents: number;
  /** The rate applied, when one rate explains it. */
  rate: number | null;
  amountCents: number;
  explanation: Explanation;
}

/** A component's declaration. */
export interface IncentiveComponent<Id extends string = string> {
  /** The JSON field name under `components` (a contract: never renamed). */
  id: Id;
  /** Its name on the Incentives sheet, in BREAKDOWN and in the pane. */
  label: Record<Locale, string>;
  /** Its word in the total's sum ("commission 5,500 + …"). */
  term: Record<Locale, string>;
  /** The settings it owns (validation, the settings sheet, docs and the pane are generated from them). */
  settings: readonly SettingDef[];
  /** Its explanation sentences, per locale, keyed by explanation key. */
  text: Record<Locale, Record<string, string>>;
  /** Whether one cell's figures (=FAIRSHARE.INCENTIVE/BREAKDOWN) can produce it; team-level ones cannot. */
  inCell: boolean;
  /** One-line description of how it is computed, for the docs, per locale. */
  doc: Record<Locale, string>;
  /**
   * The component for one rep's figures under the plan: a pure function, rounded to whole cents once.
   * `before` holds the lines computed earlier in the list (a draw tops up what they earned).
   * @example commission.compute({ creditedCents: 25_000_000, quotaCents: null }, defaultPlan()).amountCents // 1_200_000
   */
  compute(input: PlanInput, plan: Plan, before: readonly Component[]): Component<Id>;
  /**
   * Settings that contradict each other for this component in a region (null: the base values), as
   * the detail of a settings_conflict error; null when they agree.
   */
  conflict?(settings: Settings, region: string | null): string | null;
}

/** Declares a component, keeping its id's literal type (so the ids union is generated from the registry). */
export function defineComponent<const Id extends string>(c: IncentiveComponent<Id>): IncentiveComponent<Id> {
  return c;
}

/** Thrown when component declarations contradict each other (a programming error, caught when the registry is built). */
export class ComponentRegistryError extends Error {
  override name = "ComponentRegistryError";
}
