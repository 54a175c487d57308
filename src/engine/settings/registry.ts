/**
 * Settings as data: each setting is declared once (name, type, default, range, label and description in
 * both languages, and words for each choice of a setting with choices), and validation, the settings sheet,
 * the docs and the pane's rule fields are all generated from these declarations.
 */
import type { Locale } from "../messages";

export type SettingType = "int" | "number" | "percent" | "boolean" | "month" | "enum" | "text" | "tiers";
export type SettingValue = number | boolean | string | null;

export interface SettingDef {
  key: string;
  type: SettingType;
  default: SettingValue;
  min?: number;
  max?: number;
  /** Allowed values of an enum (compared case-insensitively). */
  options?: readonly string[];
  /** Whether a region column may override the value. */
  regional: boolean;
  /** The feature it belongs to, e.g. "core" or a rule id; used to group the settings sheet. */
  group: string;
  /** What people call it (the pane's field label, the docs), short: the key is for the settings sheet only. */
  label: Record<Locale, string>;
  /** Words for each of an enum's options, e.g. commissionMode's "marginal" → "each slice at its own rate". */
  optionLabels?: Readonly<Record<string, Record<Locale, string>>>;
  description: Record<Locale, string>;
}

/** Thrown when setting declarations contradict themselves (a programming error, caught when the registry is built). */
export class SettingsRegistryError extends Error {
  override name = "SettingsRegistryError";
}

/** An immutable, self-checked set of setting declarations. */
export class SettingsRegistry {
  private readonly byKey = new Map<string, SettingDef>();

  constructor(readonly defs: readonly SettingDef[]) {
    for (const d of defs) {
      const k = d.key.toLowerCase();
      if (this.byKey.has(k)) throw new SettingsRegistryError(`setting ${d.key} is declared twice`);
      if (d.type === "enum" && (!d.options || !d.options.length)) throw new SettingsRegistryError(`enum setting ${d.key} has no options`);
      if (d.default !== null && typeof d.default === "number") {
        if ((d.min !== undefined && d.default < d.min) || (d.max !== undefined && d.default > d.max)) {
          throw new SettingsRegistryError(`default of ${d.key} is out of its range`);
        }
      }
      if (d.type === "enum" && d.default !== null && !d.options!.includes(String(d.default))) {
        throw new SettingsRegistryError(`default of ${d.key} is not one of its options`);
      }
      if (!d.description["en-US"] || !d.description["zh-CN"]) throw new SettingsRegistryError(`setting ${d.key} lacks a description`);
      if (!d.label?.["en-US"] || !d.label?.["zh-CN"]) throw new SettingsRegistryError(`setting ${d.key} lacks a label`);
      for (const option of d.options ?? []) {
        const words = d.optionLabels?.[option];
        if (!words?.["en-US"] || !words?.["zh-CN"]) throw new SettingsRegistryError(`option ${option} of ${d.key} lacks words`);
      }
      for (const option of Object.keys(d.optionLabels ?? {})) {
        if (!d.options?.includes(option)) throw new SettingsRegistryError(`${d.key} has words for ${option}, which is not one of its options`);
      }
      this.byKey.set(k, d);
    }
  }

  /**
   * The declaration for a key (case-insensitive), or undefined. A declaration whose key ends in ".*"
   * (e.g. `rate.*`) covers every key with that prefix (`rate.Widgets`).
   */
  get(key: string): SettingDef | undefined {
    const k = key.trim().toLowerCase();
    const exact = this.byKey.get(k);
    if (exact) return exact;
    const dot = k.indexOf(".");
    return dot > 0 && dot < k.length - 1 ? this.byKey.get(`${k.slice(0, dot)}.*`) : undefined;
  }

  /**
   * Where a value of `key` is stored: its declaration's key, or for a prefix declaration the key itself
   * (trimmed, lower case), so `rate.Widgets` and `rate.widgets` are one setting.
   * @example registry.storageKey("Rate.Widgets") // "rate.widgets"
   */
  storageKey(key: string): string | undefined {
    const def = this.get(key);
    if (!def) return undefined;
    return def.key.endsWith(".*") ? key.trim().toLowerCase() : def.key;
  }
}
