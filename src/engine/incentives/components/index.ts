/**
 * The one list of incentive components, in statement order. Everything that shows or computes a
 * statement line reads this list; a new component is a module here and one entry below.
 */
import type { Locale } from "../../messages";
import { clawback } from "./clawback";
import { commission } from "./commission";
import { draw } from "./draw";
import { handoverSplit } from "./handoverSplit";
import { newCustomerBonus } from "./newCustomerBonus";
import { retentionBonus } from "./retentionBonus";
import { spif } from "./spif";
import { teamBonus } from "./teamBonus";
import { ComponentRegistryError, type CellArgument, type IncentiveComponent } from "./types";

// The first five are the JSON `components` contract in its original order; new components go after them.
const LIST = [commission, newCustomerBonus, retentionBonus, handoverSplit, teamBonus, clawback, spif, draw] as const;

/** A component's id: the keys of the JSON `components` object. */
export type ComponentId = (typeof LIST)[number]["id"];

/** Positions 1–3 of =FAIRSHARE.INCENTIVE/BREAKDOWN: sales, quota and tiers, read by every component. */
export const COMMON_CELL_ARGUMENTS = 3;

/**
 * Checks declarations against each other: unique ids, labels and texts in both languages, no text key
 * owned twice, cell arguments with unique names and the positions after the common three, without gaps,
 * only on components a cell can compute. Run when the registry loads.
 * @throws ComponentRegistryError when they contradict
 * @example checkComponents([commission, commission]) // throws "component commission is declared twice"
 */
export function checkComponents(list: readonly IncentiveComponent[]): void {
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const c of list) {
    if (ids.has(c.id)) throw new ComponentRegistryError(`component ${c.id} is declared twice`);
    ids.add(c.id);
    for (const L of ["en-US", "zh-CN"] as Locale[]) {
      if (!c.label[L] || !c.term[L] || !c.doc[L]) throw new ComponentRegistryError(`component ${c.id} lacks a ${L} label, term or doc`);
      for (const k of Object.keys(c.text[L])) {
        const owner = keys.get(`${L}:${k}`);
        if (owner && owner !== c.id) throw new ComponentRegistryError(`text ${k} of ${c.id} is also ${owner}'s`);
        keys.set(`${L}:${k}`, c.id);
      }
    }
    const en = Object.keys(c.text["en-US"]).sort().join();
    if (en !== Object.keys(c.text["zh-CN"]).sort().join()) throw new ComponentRegistryError(`component ${c.id} has different en-US and zh-CN texts`);
    if (c.cellArguments?.length && !c.inCell) throw new ComponentRegistryError(`component ${c.id} takes cell arguments but no cell can compute it`);
  }
  const args = cellArgumentsOf(list);
  const names = new Set<string>(["sales", "quota", "tiers"]);
  args.forEach((a, i) => {
    if (names.has(a.name.toLowerCase())) throw new ComponentRegistryError(`cell argument ${a.name} is declared twice`);
    names.add(a.name.toLowerCase());
    if (a.position !== COMMON_CELL_ARGUMENTS + 1 + i) throw new ComponentRegistryError(`cell argument ${a.name} is at position ${a.position}; positions run from ${COMMON_CELL_ARGUMENTS + 1} without gaps or repeats`);
    if (!a.label["en-US"] || !a.label["zh-CN"]) throw new ComponentRegistryError(`cell argument ${a.name} lacks a label`);
  });
}

function cellArgumentsOf(list: readonly IncentiveComponent[]): CellArgument[] {
  return list.flatMap((c) => c.cellArguments ?? []).sort((a, b) => a.position - b.position);
}
checkComponents(LIST);

/** Every incentive component, in statement order (checked when this module loads). */
export const INCENTIVE_COMPONENTS: readonly IncentiveComponent<ComponentId>[] = LIST;

/**
 * The figures a worksheet cell gives the components, in formula order (positions 4, 5, …): the
 * arguments of =FAIRSHARE.INCENTIVE and =FAIRSHARE.BREAKDOWN after sales, quota and tiers.
 */
export const CELL_ARGUMENTS: readonly CellArgument[] = cellArgumentsOf(LIST);

/** The components' ids, in statement order. */
export const COMPONENT_IDS: readonly ComponentId[] = LIST.map((c) => c.id);

/**
 * A component's name in a locale.
 * @example componentLabel("commission", "zh-CN") // "提成"
 */
export function componentLabel(id: ComponentId, locale: Locale): string {
  return LIST.find((c) => c.id === id)!.label[locale];
}

export { ComponentRegistryError, type CategoryCents, type CellArgument, type Component, type IncentiveComponent } from "./types";
