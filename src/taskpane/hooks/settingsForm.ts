/**
 * The rules editor's model, as pure functions: which settings it shows, how a stored value reads in a
 * text box (percentages ×100, months as YYYY-MM), how typed text becomes a value again, and which
 * edits are changes to save. Validation is the engine's own `parseSettingValue`, so the pane accepts
 * exactly what the settings sheet accepts — declared once, in the registry.
 */
import { formatMonth } from "../../engine/cells";
import { INCENTIVE_COMPONENTS } from "../../engine/incentives/components";
import { SCHEMA } from "../../engine/schema";
import { parseSettingValue } from "../../engine/settings/parse";
import { MATCH_FACTORS } from "../../engine/allocation/settingsDefs";
import type { DataDescription, SettingChange, SettingView } from "../actions";
import type { MessageKey } from "../i18n/en-US";
import { formatDecimal, formatPercent, type PaneLocale, type Translate } from "../i18n/locale";

export type SettingDef = SettingView["def"];
export type SettingValue = SettingView["value"];

/** The settings the pane edits, grouped as it shows them (keys from the settings registry). */
/** A group of the rules editor: its title is a pane message, or a registry entry's own label per locale. */
export interface RuleGroup {
  id: string;
  title: MessageKey | Readonly<Record<PaneLocale, string>>;
  keys: readonly string[];
  /** How many of the first keys are shown; the rest are advanced, collapsed under the group (default: all shown). */
  shown?: number;
}

export const RULE_GROUPS: ReadonlyArray<RuleGroup> = [
  { id: "period", title: "rulesGroupPeriod", keys: ["period"] },
  { id: "stagnation", title: "rulesGroupStagnation", keys: ["stagnationMonths", "stagnationGrowthPct", "releaseShare"] },
  { id: "dormant", title: "rulesGroupDormant", keys: ["inactiveMonths"] },
  { id: "capacity", title: "rulesGroupCapacity", keys: ["maxAccountsNew", "maxAccountsRegular", "maxAccountsVeteran"] },
  // One group per incentive component that has settings, named and filled by the component registry.
  // (Prefix settings such as rate.<category> name data the editor cannot list, so they stay in the sheet.)
  // Each component shows its first setting (its main figure); the others are advanced.
  ...INCENTIVE_COMPONENTS.filter((c) => c.settings.length > 0).map((c) => ({ id: c.id, title: c.label, keys: c.settings.map((d) => d.key).filter((k) => !k.endsWith(".*")), shown: 1 })),
  { id: "weights", title: "rulesGroupWeights", shown: 0, keys: ["weight.sales", "weight.newCustomers", "weight.satisfaction", "weight.retention", "weight.teamwork"] },
  { id: "matching", title: "rulesGroupMatching", shown: 0, keys: [...MATCH_FACTORS.map((f) => `match.${f}`), "maxNewAccountsPerRun", "maxShareOfMovedValue", "rampMonths", "rejectionCooldownMonths"] },
];

/**
 * A group's title in the pane's language.
 * @example groupTitle(RULE_GROUPS[0], t, "en-US") // "Period"
 */
export function groupTitle(group: RuleGroup, t: Translate, locale: PaneLocale): string {
  return typeof group.title === "string" ? t(group.title) : group.title[locale];
}

/** Every key the editor loads with `readSettings`. */
export const RULE_KEYS: readonly string[] = RULE_GROUPS.flatMap((g) => g.keys);

/** Float noise off a computed number (0.07 × 100 = 7.000000000000001 → 7). */
function clean(n: number): number {
  return Number(n.toPrecision(12));
}

/**
 * A stored fraction as the number typed in a percent box.
 * @example percentText(0.285) // "28.5"
 */
export function percentText(fraction: number): string {
  return String(clean(fraction * 100));
}

/**
 * A stored value as the editor's text box shows it: "" for none, percentages ×100, months as YYYY-MM,
 * booleans as on/off (the settings sheet's own words).
 * @example valueText({ type: "percent", … }, 0.3) // "30"
 */
export function valueText(def: SettingDef, value: SettingValue): string {
  if (value === null) return "";
  if (def.type === "percent" && typeof value === "number") return percentText(value);
  if (def.type === "month" && typeof value === "number") return formatMonth(value);
  if (typeof value === "boolean") return value ? "on" : "off";
  return String(value);
}

/**
 * A stored value for reading (in a hint or placeholder), in the pane's notation.
 * @example displayValue({ type: "percent", … }, 0.3, t, "en-US") // "30%"
 */
export function displayValue(def: SettingDef, value: SettingValue, t: Translate, locale: PaneLocale): string {
  if (value === null) return t(def.type === "month" ? "periodAuto" : "valueDefault");
  if (def.type === "percent" && typeof value === "number") return formatPercent(value, locale, 2);
  if ((def.type === "number" || def.type === "int") && typeof value === "number") return formatDecimal(value, locale, 4);
  if (typeof value === "boolean") return t(value ? "booleanOn" : "booleanOff");
  return valueText(def, value);
}

/** Why typed text is not a valid value: the kind of value expected, or the range it must lie in. */
export type DraftProblem =
  | { code: "int" | "number" | "percent" | "month" | "tiers" | "enum" | "boolean" }
  | { code: "range"; min?: number; max?: number };

/** Typed text as the value to save ("" clears the cell: the default, automatic, or no region override). */
export type DraftResult = { ok: true; value: SettingValue | string } | { ok: false; problem: DraftProblem };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Validates typed text against the setting's declaration (type, min, max, options) and converts it:
 * a percent box holds the percentage ("30" or "30%" → 0.3), a month box YYYY-MM.
 *
 * @example parseDraft(releaseShare, "30") // { ok: true, value: 0.3 }
 * @example parseDraft(releaseShare, "130") // { ok: false, problem: { code: "range", min: 0, max: 1 } }
 */
export function parseDraft(def: SettingDef, text: string): DraftResult {
  const typed = text.trim();
  if (typed === "") return { ok: true, value: "" };
  const kind = def.type === "text" ? null : def.type;
  const invalid = (): DraftResult => (kind === null ? { ok: true, value: typed } : { ok: false, problem: { code: kind } });
  if (def.type === "month") return MONTH.test(typed) ? { ok: true, value: typed } : invalid();
  // A percent box takes the percentage; the engine parses "30%" as 0.3 and checks the fraction's range.
  const cell = def.type === "percent" ? `${typed.replace(/[%％]$/, "").trim()}%` : typed;
  const parsed = parseSettingValue(def, cell);
  if ("problem" in parsed) {
    return parsed.problem === "setting_out_of_range" ? { ok: false, problem: { code: "range", min: def.min, max: def.max } } : invalid();
  }
  const value = typeof parsed.value === "number" ? clean(parsed.value) : parsed.value;
  return { ok: true, value: def.type === "tiers" ? typed : value };
}

/** A range bound in the setting's notation (percentages as percentages). */
function bound(def: SettingDef, n: number, locale: PaneLocale): string {
  return def.type === "percent" ? formatPercent(n, locale, 2) : formatDecimal(n, locale, 4);
}

/**
 * The sentence for a problem, in the pane's language; ranges of percentages read as percentages.
 * @example problemMessage(releaseShare, { code: "range", min: 0, max: 1 }, t, "en-US") // "Enter a value from 0% to 100%."
 */
export function problemMessage(def: SettingDef, problem: DraftProblem, t: Translate, locale: PaneLocale): string {
  switch (problem.code) {
    case "range":
      if (problem.min !== undefined && problem.max !== undefined) return t("invalidRange", { min: bound(def, problem.min, locale), max: bound(def, problem.max, locale) });
      if (problem.min !== undefined) return t("invalidMin", { min: bound(def, problem.min, locale) });
      return t("invalidMax", { max: bound(def, problem.max ?? 0, locale) });
    case "int":
      return t("invalidInt");
    case "number":
      return t("invalidNumber");
    case "percent":
      return t("invalidPercent");
    case "month":
      return t("invalidMonth");
    case "tiers":
      return t("invalidTiers");
    case "enum":
      return t("invalidEnum", { options: (def.options ?? []).join(t("listSeparator")) });
    case "boolean":
      return t("invalidBoolean");
  }
}

/**
 * The allowed range as a hint, or null when the setting has none.
 * @example rangeHint(stagnationMonths, t, "en-US") // "From 1 to 12."
 */
export function rangeHint(def: SettingDef, t: Translate, locale: PaneLocale): string | null {
  const { min, max } = def;
  if (min !== undefined && max !== undefined) return t("rangeBoth", { min: bound(def, min, locale), max: bound(def, max, locale) });
  if (min !== undefined) return t("rangeMin", { min: bound(def, min, locale) });
  if (max !== undefined) return t("rangeMax", { max: bound(def, max, locale) });
  return null;
}

/** The scope the editor is showing: "" for all regions, otherwise a region name. */
export type RegionScope = string;

/** Where an edit is kept: one text per (region, setting). */
export function draftKey(region: RegionScope, key: string): string {
  return JSON.stringify([region, key]);
}

/** The region and setting key of a {@link draftKey}. */
export function parseDraftKey(id: string): [region: RegionScope, key: string] {
  return JSON.parse(id) as [string, string];
}

/** Unsaved texts, by {@link draftKey}. */
export type Drafts = Readonly<Record<string, string>>;

/**
 * The text saved in the workbook for a scope: the Value column for all regions, the region's own
 * override (or "" when it has none) for a region.
 */
export function savedText(view: SettingView, region: RegionScope): string {
  if (region === "") return valueText(view.def, view.value);
  return Object.prototype.hasOwnProperty.call(view.byRegion, region) ? valueText(view.def, view.byRegion[region]) : "";
}

/** What the box shows: the draft if there is one, otherwise the saved text. */
export function shownText(view: SettingView, region: RegionScope, drafts: Drafts): string {
  return drafts[draftKey(region, view.def.key)] ?? savedText(view, region);
}

/** Whether a setting can be edited in a scope (a region may only override regional settings). */
export function editable(view: SettingView, region: RegionScope): boolean {
  return region === "" || view.def.regional;
}

/**
 * The edits that differ from the workbook, as changes for `saveSettings`, and the problems of those
 * that are invalid (keyed by {@link draftKey}). Nothing should be saved while there are problems.
 *
 * @example collectChanges(views, { [draftKey("North", "releaseShare")]: "25" })
 * // { changes: [{ key: "releaseShare", value: 0.25, region: "North" }], problems: {} }
 */
export function collectChanges(views: readonly SettingView[], drafts: Drafts): { changes: SettingChange[]; problems: Record<string, DraftProblem> } {
  const changes: SettingChange[] = [];
  const problems: Record<string, DraftProblem> = {};
  const byKey = new Map(views.map((v) => [v.def.key, v]));
  for (const [id, text] of Object.entries(drafts)) {
    const [region, key] = parseDraftKey(id);
    const view = byKey.get(key);
    if (!view || !editable(view, region) || text.trim() === savedText(view, region)) continue;
    const result = parseDraft(view.def, text);
    if (!result.ok) problems[id] = result.problem;
    else changes.push(region === "" ? { key, value: result.value } : { key, value: result.value, region });
  }
  return { changes, problems };
}

/** The change that points a role at another sheet. */
export function sheetChange(role: string, sheet: string): SettingChange {
  return { key: `sheet.${role}`, value: sheet };
}

/** The change that makes a field read another column (by its header). */
export function columnChange(role: string, field: string, header: string): SettingChange {
  return { key: `column.${role}.${field}`, value: header };
}

type RoleMapping = DataDescription["roles"][number];

/**
 * How a field of a role must be found: on its own (`true`), as one of a group where any member will
 * do (the other members' keys, e.g. a sale's Date or Month), or not at all. From the engine's schema,
 * falling back to the mapping's own flag for a field the schema does not know.
 *
 * @example fieldRequirement(salesRole, "date") // ["month"]
 */
export function fieldRequirement(role: RoleMapping, key: string): boolean | string[] {
  const spec = SCHEMA.find((r) => r.role === role.role)?.fields.find((f) => f.key === key);
  if (!spec) return role.fields.find((f) => f.key === key)?.required ?? false;
  if (typeof spec.required === "boolean") return spec.required;
  const group = spec.required;
  return SCHEMA.find((r) => r.role === role.role)!.fields.filter((f) => f.required === group && f.key !== key).map((f) => f.key);
}

/**
 * The fields of a role whose required column is not found; a group counts as found when any member is.
 * @example missingFields(salesRoleWithDateOnly) // []
 */
export function missingFields(role: RoleMapping): string[] {
  const found = new Set(role.fields.filter((f) => f.header !== null).map((f) => f.key));
  return role.fields
    .filter((f) => {
      if (found.has(f.key)) return false;
      const req = fieldRequirement(role, f.key);
      return req === true || (Array.isArray(req) && !req.some((k) => found.has(k)));
    })
    .map((f) => f.key);
}

/**
 * How many requirements of a role are unmet: each missing required field once, each group (Date or
 * Month) with no member found once.
 * @example missingCount(salesRoleWithoutDateOrMonthOrAmount) // 2
 */
export function missingCount(role: RoleMapping): number {
  return new Set(
    missingFields(role).map((key) => {
      const req = fieldRequirement(role, key);
      return Array.isArray(req) ? [key, ...req].sort().join() : key;
    })
  ).size;
}

/** One row of the tiers editor: the from-value and the rate, as typed (rate without its % sign). */
export interface TierRow {
  from: string;
  rate: string;
}

/**
 * A tiers text ("0:3%; 100000:5%") as the editor's rows; parts it cannot split keep their text in
 * `from` so nothing typed is lost (validation then names the problem).
 * @example tierRows("0:3%; 100000:5%") // [{ from: "0", rate: "3" }, { from: "100000", rate: "5" }]
 */
export function tierRows(text: string): TierRow[] {
  return text
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter((p) => p)
    .map((p) => {
      const m = p.split(/[:：=]/);
      return m.length === 2 ? { from: m[0].trim(), rate: m[1].trim().replace(/[%％]$/, "").trim() } : { from: p, rate: "" };
    });
}

/**
 * The editor's rows as the tiers text the settings sheet stores (the same notation the engine parses).
 * @example tiersText([{ from: "0", rate: "3" }, { from: "100000", rate: "5" }]) // "0:3%; 100000:5%"
 */
export function tiersText(rows: readonly TierRow[]): string {
  return rows.map((r) => `${r.from.trim()}:${r.rate.trim()}%`).join("; ");
}
