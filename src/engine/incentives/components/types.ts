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

/** A category's sales as a cell gives them (=FAIRSHARE.INCENTIVE/BREAKDOWN's categorySales range). */
export interface CategoryCents {
  category: string;
  cents: number;
}

/**
 * A figure one worksheet cell gives a component: an argument of =FAIRSHARE.INCENTIVE and
 * =FAIRSHARE.BREAKDOWN after sales, quota and tiers (positions 1–3). How the cell is read is its kind;
 * `into` puts the value (0, null or [] for a blank cell) into the rep's figures; an omitted argument
 * leaves them unset, which every component reads as 0, none or unknown. The functions read the
 * registry's arguments in position order and name none of them.
 */
export type CellArgument =
  | CellArgumentOf<"cents", number>
  | CellArgumentOf<"count", number>
  | CellArgumentOf<"satisfaction", number | null>
  | CellArgumentOf<"categories", CategoryCents[]>;

interface CellArgumentOf<Kind extends string, Value> {
  /** Its parameter name in functions.json (a contract: never renamed). */
  name: string;
  /** Its name as Excel shows it, per locale (zh-CN is checked against src/functions/i18n.zh-CN.json). */
  label: Record<Locale, string>;
  /** Its 1-based position in the formula (a contract: never moved); 4 and up, without gaps. */
  position: number;
  /**
   * cents: an amount ≥ 0 in currency units; count: a whole number ≥ 0; satisfaction: 1–5, blank or 0
   * unknown; categories: a two-column range of category and amount.
   */
  kind: Kind;
  into(input: PlanInput, value: Value): void;
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
  /** The figures a cell gives it, as arguments of =FAIRSHARE.INCENTIVE/BREAKDOWN (none: it reads only sales and quota). */
  cellArguments?: readonly CellArgument[];
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
