/**
 * Reads the "Fairshare Settings" sheet: Setting | Value | one optional column per region whose
 * non-empty cells override Value in that region. Columns named Description/Notes/Default are for people.
 */
import { isBlank, isExcelError, parseBool, parseMonth, parseNumberCell, cellText } from "../cells";
import { isTierProblem, parseTiers } from "../incentives/tiers";
import { IssueList } from "../issues";
import { normalizeHeader, SCHEMA, SETTINGS_SHEET, type Role } from "../schema";
import type { Cell, Table } from "../table";
import type { SettingDef, SettingsRegistry, SettingValue } from "./registry";
import { suggestName } from "./suggest";

/** Where a setting's value came from, so explanations can point at the cell. */
export interface SettingSource {
  row: number;
  column: string;
}

/** Sheet and column names people chose explicitly, overriding detection. */
export interface Mapping {
  sheets: Partial<Record<Role, string>>;
  columns: Partial<Record<Role, Record<string, string>>>;
}

/** Headers of the settings sheet's Setting and Value columns (normalised). */
export const KEY_HEADERS = new Set(["setting", "settings", "key", "name", "parameter", "设置", "设置项", "参数", "名称"]);
export const VALUE_HEADERS = new Set(["value", "值", "设置值", "取值", "数值"]);
const PEOPLE_HEADERS = new Set(["description", "notes", "note", "comment", "default", "group", "说明", "备注", "描述", "默认值", "分组"]);

/** Settings resolved from the sheet and the declarations. Regions are matched case- and space-insensitively. */
export class Settings {
  constructor(
    readonly registry: SettingsRegistry,
    private readonly base: Map<string, SettingValue>,
    private readonly regional: Map<string, Map<string, SettingValue>>,
    readonly regionColumns: ReadonlyArray<{ header: string; column: number }>,
    readonly mapping: Mapping,
    readonly sources: ReadonlyMap<string, SettingSource>,
    /** Where the sheet's header is, when there is a sheet. */
    readonly origin: { sheet: string; headerRow: number } | null = null,
  ) {}

  /** The value of a setting, with the region's override when there is one. Throws on an undeclared key (a bug). */
  get(key: string, region?: string | null): SettingValue {
    // Rules ask per account (100k times in a run): keys and region names are looked up once each.
    let found = this.defs.get(key);
    if (!found) {
      const def = this.registry.get(key);
      if (!def) throw new RangeError(`setting ${key} is not declared`);
      this.defs.set(key, (found = { def, at: this.registry.storageKey(key)! }));
    }
    const { def, at } = found;
    if (region && this.regional.size) {
      let k = this.regionKeys.get(region);
      if (k === undefined) this.regionKeys.set(region, (k = normalizeHeader(region)));
      const r = this.regional.get(k);
      if (r && r.has(at)) return r.get(at)!;
    }
    return this.base.has(at) ? this.base.get(at)! : def.default;
  }

  private readonly defs = new Map<string, { def: SettingDef; at: string }>();
  private readonly regionKeys = new Map<string, string>();

  /** A numeric setting; throws when it is not a number (a bug: the declaration says it is). */
  num(key: string, region?: string | null): number {
    const v = this.get(key, region);
    if (typeof v !== "number") throw new TypeError(`setting ${key} is not numeric`);
    return v;
  }

  bool(key: string, region?: string | null): boolean {
    const v = this.get(key, region);
    if (typeof v !== "boolean") throw new TypeError(`setting ${key} is not boolean`);
    return v;
  }

  /**
   * Every value set under a prefix declaration (`rate.` for `rate.*`), by its lower-case key, with the
   * region's overrides: what the sheet sets, not what the registry declares.
   * @example settings.withPrefix("rate.", "North") // Map { "rate.services" => 0.1 }
   */
  withPrefix(prefix: string, region?: string | null): Map<string, SettingValue> {
    const p = prefix.toLowerCase();
    const out = new Map<string, SettingValue>();
    for (const [k, v] of this.base) if (k.startsWith(p)) out.set(k, v);
    if (region && this.regional.size) {
      const r = this.regional.get(normalizeHeader(region));
      if (r) for (const [k, v] of r) if (k.startsWith(p)) out.set(k, v);
    }
    return out;
  }

  /** Every region that overrides at least one setting (normalised names). */
  overriddenRegions(): string[] {
    return [...this.regional.keys()];
  }

  /** Settings with only defaults: what a workbook without a settings sheet gets. */
  static defaults(registry: SettingsRegistry): Settings {
    return new Settings(registry, new Map(), new Map(), [], { sheets: {}, columns: {} }, new Map());
  }
}

/**
 * Parses one setting value by its declaration.
 * @returns the value, null for blank (meaning: the default), or an issue code with its params
 * @example parseSettingValue(def /* percent *\/, "30%") // { value: 0.3 }
 */
export function parseSettingValue(def: SettingDef, cell: Cell): { value: SettingValue } | { problem: "setting_invalid" | "setting_out_of_range" } {
  if (isBlank(cell)) return { value: null };
  if (isExcelError(cell)) return { problem: "setting_invalid" };
  let value: SettingValue;
  switch (def.type) {
    case "int":
    case "number":
    case "percent": {
      const p = parseNumberCell(cell);
      if (!p) return { problem: "setting_invalid" };
      if (p.percent && def.type !== "percent") return { problem: "setting_invalid" };
      if (def.type === "int" && !Number.isInteger(p.value)) return { problem: "setting_invalid" };
      value = p.value;
      if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) return { problem: "setting_out_of_range" };
      break;
    }
    case "boolean": {
      const b = parseBool(typeof cell === "string" ? cell.replace(/^on$/i, "yes").replace(/^off$/i, "no") : cell);
      if (b === null || b === undefined) return { problem: "setting_invalid" };
      value = b;
      break;
    }
    case "month": {
      if (typeof cell === "string" && /^\s*auto\s*$/i.test(cell)) return { value: null };
      const m = parseMonth(cell);
      if (m === null || m === undefined) return { problem: "setting_invalid" };
      value = m;
      break;
    }
    case "enum": {
      const s = cellText(cell).toLowerCase();
      const opt = def.options!.find((o) => o.toLowerCase() === s);
      if (!opt) return { problem: "setting_invalid" };
      value = opt;
      break;
    }
    case "text":
      value = cellText(cell);
      break;
    case "tiers": {
      value = cellText(cell);
      if (isTierProblem(parseTiers(value))) return { problem: "setting_invalid" };
      break;
    }
  }
  return { value };
}

/**
 * Reads the settings sheet. A missing sheet gives the defaults. Unknown keys (with the nearest known
 * name when there is one), bad and out-of-range values are errors naming their cell.
 *
 * @example parseSettings(null, registry, issues).get("seed") // 1
 */
export function parseSettings(table: Table | null, registry: SettingsRegistry, issues: IssueList): Settings {
  if (!table || table.values.length === 0) return Settings.defaults(registry);
  const sheet = table.sheet;
  // The header is the first row that names a Setting column.
  let headerIdx = -1;
  let keyCol = -1;
  let valueCol = -1;
  for (let r = 0; r < Math.min(table.values.length, 10) && headerIdx < 0; r++) {
    const row = table.values[r];
    row.forEach((c, i) => {
      const h = normalizeHeader(cellText(c));
      if (keyCol < 0 && KEY_HEADERS.has(h)) keyCol = i;
      else if (valueCol < 0 && VALUE_HEADERS.has(h)) valueCol = i;
    });
    if (keyCol >= 0) headerIdx = r;
    else valueCol = -1;
  }
  if (headerIdx < 0 || valueCol < 0) {
    issues.error("missing_column", sheet, table.firstRow, null, { field: keyCol < 0 ? "Setting" : "Value", names: keyCol < 0 ? "Setting, 设置" : "Value, 值" });
    return Settings.defaults(registry);
  }
  const header = table.values[headerIdx];
  const headerRow = table.firstRow + headerIdx;
  const colName = (i: number) => cellText(header[i]) || columnLetter(table.firstColumn + i);
  const regionColumns: { header: string; column: number }[] = [];
  header.forEach((c, i) => {
    if (i === keyCol || i === valueCol || isBlank(c)) return;
    if (PEOPLE_HEADERS.has(normalizeHeader(cellText(c)))) return;
    regionColumns.push({ header: cellText(c), column: i });
  });

  const base = new Map<string, SettingValue>();
  const regional = new Map<string, Map<string, SettingValue>>();
  const sources = new Map<string, SettingSource>();
  const mapping: Mapping = { sheets: {}, columns: {} };

  for (let r = headerIdx + 1; r < table.values.length; r++) {
    const row = table.values[r];
    const sheetRow = table.firstRow + r;
    const rawKey = cellText(row[keyCol]);
    if (!rawKey) continue;
    if (rawKey.startsWith("#")) continue; // a comment line
    const valueCell = row[valueCol] ?? null;

    const mapped = parseMappingKey(rawKey);
    if (mapped) {
      if (!isBlank(valueCell)) {
        if (mapped.field) (mapping.columns[mapped.role] ??= {})[mapped.field] = cellText(valueCell);
        else mapping.sheets[mapped.role] = cellText(valueCell);
        // A mapping that names a missing sheet or column is reported at this row.
        sources.set(mapped.field ? `column.${mapped.role}.${mapped.field}` : `sheet.${mapped.role}`, { row: sheetRow, column: colName(valueCol) });
      }
      continue;
    }
    const def = registry.get(rawKey);
    if (!def) {
      // A misspelt setting would be silently ignored: an error, with the nearest known name.
      const suggestion = suggestName(rawKey, knownNames(registry));
      if (suggestion) issues.error("setting_misspelled", sheet, sheetRow, colName(keyCol), { value: rawKey, suggestion });
      else issues.error("setting_unknown", sheet, sheetRow, colName(keyCol), { value: rawKey });
      continue;
    }
    const read = (cell: Cell, column: number, target: Map<string, SettingValue>) => {
      const res = parseSettingValue(def, cell);
      if ("problem" in res) {
        issues.error(res.problem, sheet, sheetRow, colName(column), {
          key: def.key,
          value: cellText(cell),
          type: `type.${def.type}`,
          min: def.min ?? "",
          max: def.max ?? "",
        });
      } else if (res.value !== null) {
        target.set(at, res.value);
      }
    };
    const at = registry.storageKey(rawKey)!;
    read(valueCell, valueCol, base);
    if (base.has(at)) sources.set(at, { row: sheetRow, column: colName(valueCol) });
    for (const rc of regionColumns) {
      const cell = row[rc.column] ?? null;
      if (isBlank(cell)) continue;
      if (!def.regional) {
        issues.warning("setting_not_regional", sheet, sheetRow, rc.header, { key: def.key });
        continue;
      }
      const key = normalizeHeader(rc.header);
      if (!regional.has(key)) regional.set(key, new Map());
      read(cell, rc.column, regional.get(key)!);
    }
  }
  return new Settings(registry, base, regional, regionColumns, mapping, sources, { sheet, headerRow });
}

/** Region columns must name regions of the roster; an unknown one is a warning, since its overrides apply to nobody. */
export function checkSettingsRegions(settings: Settings, regions: readonly string[], issues: IssueList): void {
  if (!settings.origin) return;
  const { sheet, headerRow } = settings.origin;
  const known = new Set(regions.map(normalizeHeader));
  for (const rc of settings.regionColumns) {
    if (!known.has(normalizeHeader(rc.header))) issues.warning("setting_unknown_region", sheet, headerRow, rc.header, {});
  }
}

/** Every name a settings row may have: the registry's keys and the sheet/column mappings. */
function knownNames(registry: SettingsRegistry): string[] {
  const mappings = SCHEMA.flatMap((s) => [`sheet.${s.role}`, ...s.fields.map((f) => `column.${s.role}.${f.key}`)]);
  return [...registry.defs.map((d) => d.key), ...mappings];
}

function parseMappingKey(key: string): { role: Role; field?: string } | null {
  const m = key.trim().match(/^(sheet|column)\.(\w+)(?:\.(\w+))?$/i);
  if (!m) return null;
  const spec = SCHEMA.find((s) => s.role === m[2].toLowerCase());
  if (!spec) return null;
  if (m[1].toLowerCase() === "sheet") return m[3] ? null : { role: spec.role };
  if (!m[3]) return null;
  const field = spec.fields.find((fl) => fl.key.toLowerCase() === m[3].toLowerCase());
  return field ? { role: spec.role, field: field.key } : null;
}

/** "A", "B", … "AA" for a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export { SETTINGS_SHEET };
