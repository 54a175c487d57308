/**
 * What the pane calls each setting, and each choice of a setting with choices, in both languages: the
 * words an HR user reads instead of the key the settings sheet stores. The words are declared with each
 * setting in the registry (src/engine/settings: `label`, `optionLabels`), beside its key, type, range and
 * description, and the registry refuses a setting without them; this module looks them up and puts them
 * in place of keys inside texts.
 */
import { SCHEMA } from "../../engine/schema";
import { REGISTRY } from "../../engine/settings";
import type { PaneLocale } from "./locale";

/**
 * A setting's label in the pane's language (a prefix setting such as `rate.Widgets` by its declaration,
 * `rate.*`); a key the registry does not know reads as itself.
 * @example settingLabel("stagnationMonths", "en-US") // "Months without growth before a veteran is stagnant"
 */
export function settingLabel(key: string, locale: PaneLocale): string {
  return REGISTRY.get(key)?.label[locale] ?? key;
}

/**
 * A choice's words in the pane's language (the option itself when it has none).
 * @example optionLabel("commissionMode", "marginal", "en-US") // "each slice at its own rate"
 */
export function optionLabel(key: string, option: string, locale: PaneLocale): string {
  return REGISTRY.get(key)?.optionLabels?.[option]?.[locale] ?? option;
}

/** Keys that read as keys (camelCase or dotted), longest first so `match.newRep` wins over a shorter key. */
const KEY_PATTERN = new RegExp(
  `(?<![\\w.])(${REGISTRY.defs
    .map((d) => d.key)
    .filter((k) => !k.endsWith(".*") && /[A-Z.]/.test(k))
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/\./g, "\\."))
    .join("|")})(?![\\w])`,
  "g"
);

/**
 * A setting's description as the pane shows it: setting and mapping keys replaced by their words (see
 * withLabels), each of its own choices ("marginal") by the choice's words, and the settings sheet's
 * "on/off" by the pane's words for on and off.
 * @example describeSetting(REGISTRY.get("commissionMode")!, "en-US", "on", "off") // "“each slice at its own rate”: …"
 */
export function describeSetting(
  def: { key: string; type?: string; description: Readonly<Record<PaneLocale, string>>; options?: readonly string[] },
  locale: PaneLocale,
  on: string,
  off: string
): string {
  const words = new Map<string, string>();
  for (const option of def.options ?? []) {
    const label = optionLabel(def.key, option, locale);
    if (label !== option) words.set(option, `“${label}”`);
  }
  words.set("on/off", `${on}/${off}`);
  if (def.type === "boolean") {
    words.set("on", on);
    words.set("off", off);
  }
  // One pass, longest first: a replacement is never replaced again ("nonRecoverable" before "recoverable").
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const pattern = new RegExp(`(?<![\\w.-])(${[...words.keys()].sort((a, b) => b.length - a.length).map(escape).join("|")})(?![\\w-])`, "g");
  return withLabels(def.description[locale], locale).replace(pattern, (w) => words.get(w) ?? w);
}

/** The mapping keys of the settings sheet: `sheet.<role>` and `column.<role>.<field>`. */
const MAPPING_PATTERN = /(?<![\w.])(sheet|column)\.([a-z]+)(?:\.([A-Za-z]+))?(?![\w])/g;

/**
 * A mapping key in words ("the Owner column of Accounts"), or null when it names no role or field.
 * @example mappingLabel("column.accounts.owner", "en-US") // "Owner column of Accounts"
 */
export function mappingLabel(key: string, locale: PaneLocale): string | null {
  const [kind, role, field] = key.split(".");
  const spec = SCHEMA.find((r) => r.role === role);
  if (!spec) return null;
  if (kind === "sheet" && field === undefined) return locale === "zh-CN" ? `${spec.label[locale]}工作表` : `${spec.label[locale]} sheet`;
  const f = kind === "column" ? spec.fields.find((x) => x.key === field) : undefined;
  if (!f) return null;
  return locale === "zh-CN" ? `${spec.label[locale]}的${f.label[locale]}列` : `${f.label[locale]} column of ${spec.label[locale]}`;
}

/**
 * A text (a setting's description, a diagnostic, a data problem) with every setting key in it replaced by
 * its label in quotes, and every sheet or column mapping key by its words, so the pane never shows a key.
 * Plain words that are also keys ("period") stay as they are.
 * @example withLabels("applies when preferNewReps is on", "en-US") // "applies when “Give new reps a bonus in matching” is on"
 */
export function withLabels(text: string, locale: PaneLocale): string {
  return text
    .replace(KEY_PATTERN, (key) => `“${settingLabel(key, locale)}”`)
    .replace(MAPPING_PATTERN, (key) => {
      const words = mappingLabel(key, locale);
      return words === null ? key : `“${words}”`;
    });
}
