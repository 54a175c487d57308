/**
 * Finding the input sheets and their columns: by sheet name, else by headers; English or Chinese,
 * case-, space- and punctuation-insensitive. A mapping from the settings sheet overrides both.
 */
import { cellText, idKey, isBlank, parseDate, parseNumber } from "./cells";
import { IssueList } from "./issues";
import { normalizeHeader, SCHEMA, SETTINGS_SHEET, type FieldSpec, type Role, type RoleSpec } from "./schema";
import { columnLetter, type Mapping } from "./settings/parse";
import type { Cell } from "./table";

/**
 * Hidden sheets that would have been read had they been visible: named like an input or the settings
 * sheet, and not named by the settings mapping. Each gets a warning, so nothing hidden is applied silently.
 * @example hiddenLookalikes([{ name: "Sales", visible: false }], { sheets: {}, columns: {} }) // ["Sales"]
 */
export function hiddenLookalikes(sheets: ReadonlyArray<{ name: string; visible: boolean }>, mapping: Mapping): string[] {
  const mapped = new Set(Object.values(mapping.sheets).map((n) => normalizeHeader(n!)));
  const known = new Set([...SCHEMA.flatMap((s) => s.sheetNames), SETTINGS_SHEET].map(normalizeHeader));
  return sheets.filter((s) => !s.visible && known.has(normalizeHeader(s.name)) && !mapped.has(normalizeHeader(s.name))).map((s) => s.name);
}

/** Sheets whose names start with this are Fairshare's own output and never read as input. */
export const OUTPUT_PREFIX = "Fairshare ";

/** How many rows from the top of a sheet may hold titles before the header row. */
export const HEADER_SCAN_ROWS = 10;

export type RoleAssignment = Record<Role, string | null>;

/**
 * Assigns sheets to roles by name alone (and by the settings mapping). Output sheets, the settings
 * sheet and hidden sheets (unless the mapping names them) are never candidates.
 *
 * @example detectByName(["Roster", "Customers", "Orders"], { sheets: {}, columns: {} }).reps // "Roster"
 */
export function detectByName(sheetNames: readonly string[], mapping: Mapping, hidden: ReadonlySet<string> = new Set()): RoleAssignment {
  const result: RoleAssignment = { reps: null, accounts: null, sales: null, ratings: null };
  const taken = new Set<string>();
  for (const spec of SCHEMA) {
    const mapped = mapping.sheets[spec.role];
    if (mapped) {
      const hit = sheetNames.find((n) => normalizeHeader(n) === normalizeHeader(mapped));
      result[spec.role] = hit ?? null;
      if (hit) taken.add(hit);
    }
  }
  for (const spec of SCHEMA) {
    if (result[spec.role] || mapping.sheets[spec.role]) continue;
    const wanted = spec.sheetNames.map(normalizeHeader);
    // The earliest synonym wins over tab order, so "Sales" beats "Orders" when both exist.
    for (const w of wanted) {
      const hit = sheetNames.find((n) => !taken.has(n) && !hidden.has(n) && isCandidate(n) && normalizeHeader(n) === w);
      if (hit) {
        result[spec.role] = hit;
        taken.add(hit);
        break;
      }
    }
  }
  return result;
}

/**
 * Fills roles still unassigned by looking at each remaining sheet's first rows: the sheet whose header
 * row names all required columns of a role (and the most columns overall) takes it.
 */
export function detectByHeaders(assigned: RoleAssignment, heads: ReadonlyArray<{ sheet: string; values: Cell[][] }>, mapping: Mapping): RoleAssignment {
  const result = { ...assigned };
  const taken = new Set(Object.values(result).filter((s): s is string => !!s));
  for (const spec of SCHEMA) {
    if (result[spec.role] || mapping.sheets[spec.role]) continue;
    let best: { sheet: string; score: number } | null = null;
    for (const h of heads) {
      if (taken.has(h.sheet) || !isCandidate(h.sheet)) continue;
      const overrides = mapping.columns[spec.role] ?? {};
      const found = findHeaderRow(h.values, spec, overrides, () => true);
      // Columns no header names may still be found by their content (dates, amounts), as the check will;
      // only for the sheets every run needs, so an optional sheet is never claimed on a single header.
      if (found && found.missing.length && spec.required) guessColumns(h.values, found, overrides, {});
      if (found && found.missing.length === 0 && (!best || found.matched > best.score)) best = { sheet: h.sheet, score: found.matched };
    }
    if (best) {
      result[spec.role] = best.sheet;
      taken.add(best.sheet);
    }
  }
  return result;
}

function isCandidate(name: string): boolean {
  return !name.startsWith(OUTPUT_PREFIX) && normalizeHeader(name) !== normalizeHeader(SETTINGS_SHEET);
}

/** Where each field of a role sits in a table. */
export interface ColumnMap {
  /** 0-based index of the header row within the table's values. */
  headerIndex: number;
  /** field key → 0-based column index within the table's values. */
  columns: Record<string, number>;
  /** field key → the header text as written in the sheet. */
  headers: Record<string, string>;
  /** Required fields (or field groups) with no column. */
  missing: FieldSpec[];
  /** Number of fields found. */
  matched: number;
  /** Mapped header names that the sheet does not have (field key → header asked for). */
  unmatchedMappings: Record<string, string>;
  /** Required fields with no column whose values will be derived (their `derivedBy` setting is on). */
  derived: string[];
  /** Fields whose column was taken for its content, not its header. */
  guessed: string[];
}

/** Whether the derivation setting named by a field's `derivedBy` is on. */
export type Derivable = (settingKey: string) => boolean;

/**
 * Finds the header row among the first rows (titles may stand above it) and maps columns to fields.
 * The row that matches the most fields wins; ties go to the upper row.
 */
export function findHeaderRow(values: readonly Cell[][], spec: RoleSpec, overrides: Record<string, string>, derivable: Derivable = () => false): ColumnMap | null {
  let best: ColumnMap | null = null;
  let seen = 0;
  for (let r = 0; r < values.length && seen < HEADER_SCAN_ROWS; r++) {
    const row = values[r];
    if (!row || row.every((c) => isBlank(c))) continue;
    seen++;
    const map = mapColumns(row, r, spec, overrides, derivable);
    if (map.matched > 0 && (!best || map.matched > best.matched)) best = map;
  }
  return best;
}

function mapColumns(row: readonly Cell[], headerIndex: number, spec: RoleSpec, overrides: Record<string, string>, derivable: Derivable): ColumnMap {
  const normalized = row.map((c) => normalizeHeader(cellText(c)));
  const columns: Record<string, number> = {};
  const headers: Record<string, string> = {};
  const used = new Set<number>();
  const unmatchedMappings: Record<string, string> = {};
  // Explicit mappings first, then each field's own names in order of preference.
  for (const field of spec.fields) {
    const o = overrides[field.key];
    if (!o) continue;
    const i = normalized.findIndex((h, idx) => !used.has(idx) && h === normalizeHeader(o));
    if (i >= 0) {
      columns[field.key] = i;
      used.add(i);
    } else unmatchedMappings[field.key] = o;
  }
  for (const field of spec.fields) {
    if (columns[field.key] !== undefined || overrides[field.key]) continue;
    for (const name of field.names.map(normalizeHeader)) {
      const i = normalized.findIndex((h, idx) => !used.has(idx) && h === name);
      if (i >= 0) {
        columns[field.key] = i;
        used.add(i);
        break;
      }
    }
  }
  // One column, two fields: an export's `sales_agent` is both the rep's ID and name.
  for (const field of spec.fields) {
    if (columns[field.key] !== undefined || overrides[field.key] || !field.sharesWith) continue;
    const other = columns[field.sharesWith];
    if (other !== undefined) columns[field.key] = other;
  }
  for (const [k, i] of Object.entries(columns)) headers[k] = cellText(row[i]);
  const missing: FieldSpec[] = [];
  const derived: string[] = [];
  const groups = new Map<string, FieldSpec[]>();
  for (const field of spec.fields) {
    if (field.required === true && columns[field.key] === undefined) {
      if (field.derivedBy && !overrides[field.key] && derivable(field.derivedBy)) derived.push(field.key);
      else missing.push(field);
    }
    if (typeof field.required === "string") groups.set(field.required, [...(groups.get(field.required) ?? []), field]);
  }
  for (const members of groups.values()) {
    if (!members.some((m) => columns[m.key] !== undefined)) missing.push(members[0]);
  }
  return { headerIndex, columns, headers, missing, matched: new Set(Object.values(columns)).size, unmatchedMappings, derived, guessed: [] };
}

/**
 * Reports a role's missing sheet or columns as errors; returns the column map when the role is usable.
 */
export function resolveColumns(
  role: Role,
  sheet: string,
  values: readonly Cell[][],
  firstRow: number,
  mapping: Mapping,
  issues: IssueList,
  derivable: Derivable = () => false,
  knownIds: Partial<Record<string, ReadonlySet<string>>> = {},
): ColumnMap | null {
  const spec = SCHEMA.find((s) => s.role === role)!;
  const overrides = mapping.columns[role] ?? {};
  let map = findHeaderRow(values, spec, overrides, derivable);
  // No header names any field: the first non-blank row is the header, and content may still tell.
  if (!map) {
    const first = values.findIndex((row) => row && row.some((c) => !isBlank(c)));
    if (first >= 0) {
      const bare = mapColumns(values[first], first, spec, overrides, derivable);
      guessByContent(role, sheet, values, bare, overrides, firstRow + first, issues, knownIds);
      if (bare.matched > 0) map = bare;
    }
  }
  const headerRow = firstRow + (map?.headerIndex ?? 0);
  if (!map) {
    for (const field of spec.fields.filter((fl) => fl.required === true)) {
      issues.error("missing_column", sheet, headerRow, field.label["en-US"], { field: `field.${role}.${field.key}`, names: namesOf(field) });
    }
    return null;
  }
  for (const [fieldKey, asked] of Object.entries(map.unmatchedMappings)) {
    issues.error("mapping_column_not_found", sheet, headerRow, asked, { field: `field.${role}.${fieldKey}`, value: asked });
  }
  if (map.missing.length && map.matched > 0) guessByContent(role, sheet, values, map, overrides, headerRow, issues, knownIds);
  for (const field of map.missing) {
    if (map.unmatchedMappings[field.key]) continue;
    const group = typeof field.required === "string" ? spec.fields.filter((fl) => fl.required === field.required) : [field];
    issues.error("missing_column", sheet, headerRow, field.label["en-US"], { field: `field.${role}.${field.key}`, names: group.map(namesOf).join("; ") });
  }
  return map.missing.length ? null : map;
}

function namesOf(field: FieldSpec): string {
  return [...new Set(field.names)].slice(0, 6).join(", ");
}

/** How many data rows content detection looks at. */
const GUESS_ROWS = 500;
/** The share of a column's non-blank cells that must look right for it to be taken. */
const GUESS_MIN_SHARE = 0.8;

/** A column taken for its content: which, for which field, and how sure. */
interface ColumnGuess {
  field: FieldSpec;
  column: number;
  /** Share of the column's non-blank sampled cells that fit (0–1). */
  share: number;
  kind: "date" | "number" | "id";
}

/**
 * When no header names a required date, amount or ID field, takes the one unused column whose content
 * fits (dates; numbers; IDs found on another sheet), recording the guess in `map`. Two columns that fit
 * equally well are not guessed between: the field stays missing.
 */
function guessColumns(values: readonly Cell[][], map: ColumnMap, overrides: Record<string, string>, knownIds: Partial<Record<string, ReadonlySet<string>>>): ColumnGuess[] {
  const header = values[map.headerIndex] ?? [];
  const rows = values.slice(map.headerIndex + 1, map.headerIndex + 1 + GUESS_ROWS);
  const guesses: ColumnGuess[] = [];
  for (const field of [...map.missing]) {
    if (overrides[field.key]) continue;
    const ids = knownIds[field.key];
    const kind = field.type === "date" || field.type === "month" ? "date" : field.type === "number" ? "number" : field.type === "id" && ids ? "id" : null;
    if (!kind) continue;
    const used = new Set(Object.values(map.columns));
    const fits = columnFits(rows, kind, used, ids).sort((a, b) => b.share - a.share);
    if (!fits.length || (fits.length > 1 && fits[1].share === fits[0].share)) continue;
    const { column, share } = fits[0];
    map.columns[field.key] = column;
    map.headers[field.key] = cellText(header[column]) || columnLetter(column + 1);
    map.matched++;
    map.guessed.push(field.key);
    map.missing = map.missing.filter((m) => (typeof field.required === "string" ? m.required !== field.required : m !== field));
    guesses.push({ field, column, share, kind });
  }
  return guesses;
}

/** The columns (outside `used`) in which at least 80% of at least 3 non-blank cells are of `kind`. */
function columnFits(rows: readonly Cell[][], kind: "date" | "number" | "id", used: ReadonlySet<number>, ids?: ReadonlySet<string>): { column: number; share: number }[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const fits: { column: number; share: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    let n = 0;
    let hits = 0;
    for (const row of rows) {
      const cell = row[c] ?? null;
      if (isBlank(cell)) continue;
      n++;
      if (kind === "date" ? looksLikeDate(cell) : kind === "number" ? looksLikeAmount(cell) : ids!.has(idKey(cell))) hits++;
    }
    if (n >= 3 && hits / n >= GUESS_MIN_SHARE) fits.push({ column: c, share: hits / n });
  }
  return fits;
}

/** Content guesses for a role's missing columns, each reported with its confidence and the setting that fixes it. */
function guessByContent(
  role: Role,
  sheet: string,
  values: readonly Cell[][],
  map: ColumnMap,
  overrides: Record<string, string>,
  headerRow: number,
  issues: IssueList,
  knownIds: Partial<Record<string, ReadonlySet<string>>>,
): void {
  for (const g of guessColumns(values, map, overrides, knownIds)) {
    issues.warning("column_guessed", sheet, headerRow, map.headers[g.field.key], {
      field: `field.${role}.${g.field.key}`,
      value: map.headers[g.field.key],
      confidence: Math.floor(g.share * 100),
      kind: `kind.${g.kind}`,
      setting: `column.${role}.${g.field.key}`,
    });
  }
}

/** A sheet taken for a role by its content alone: the columns it rests on and how sure. */
export interface ContentPick {
  sheet: string;
  /** The weaker of the date and amount columns' shares, in whole percent. */
  confidence: number;
  /** Headers (or column letters) of the date and amount columns. */
  dateColumn: string;
  amountColumn: string;
}

/**
 * Fills roles still unassigned (after names and headers) whose records are dated amounts — the sales
 * sheet — with the one remaining sheet whose first rows hold a column of dates and another of numbers.
 * The better fit wins; two sheets that fit equally well are not guessed between.
 *
 * @example detectByContent(assignment, heads, mapping).picks.sales // { sheet: "Export 1", confidence: 80, … }
 */
export function detectByContent(
  assigned: RoleAssignment,
  heads: ReadonlyArray<{ sheet: string; values: Cell[][] }>,
  mapping: Mapping,
): { assignment: RoleAssignment; picks: Partial<Record<Role, ContentPick>> } {
  const assignment = { ...assigned };
  const picks: Partial<Record<Role, ContentPick>> = {};
  const taken = new Set(Object.values(assignment).filter((s): s is string => !!s));
  for (const spec of SCHEMA) {
    if (assignment[spec.role] || mapping.sheets[spec.role]) continue;
    const dated = spec.fields.some((f) => f.required && (f.type === "date" || f.type === "month"));
    const valued = spec.fields.some((f) => f.required === true && f.type === "number");
    if (!dated || !valued) continue;
    const fits: ContentPick[] = [];
    for (const h of heads) {
      if (taken.has(h.sheet) || !isCandidate(h.sheet)) continue;
      const headerIndex = h.values.findIndex((row) => row && row.some((c) => !isBlank(c)));
      if (headerIndex < 0) continue;
      const header = h.values[headerIndex];
      const rows = h.values.slice(headerIndex + 1);
      const dates = columnFits(rows, "date", new Set()).sort((a, b) => b.share - a.share);
      if (!dates.length || (dates.length > 1 && dates[1].share === dates[0].share)) continue;
      const amounts = columnFits(rows, "number", new Set([dates[0].column])).sort((a, b) => b.share - a.share);
      if (!amounts.length || (amounts.length > 1 && amounts[1].share === amounts[0].share)) continue;
      const name = (c: number) => cellText(header[c]) || columnLetter(c + 1);
      fits.push({ sheet: h.sheet, confidence: Math.floor(Math.min(dates[0].share, amounts[0].share) * 100), dateColumn: name(dates[0].column), amountColumn: name(amounts[0].column) });
    }
    fits.sort((a, b) => b.confidence - a.confidence);
    if (!fits.length || (fits.length > 1 && fits[1].confidence === fits[0].confidence)) continue;
    assignment[spec.role] = fits[0].sheet;
    picks[spec.role] = fits[0];
    taken.add(fits[0].sheet);
  }
  return { assignment, picks };
}

/** A date object, a date written as text, or a serial between 1990 and 2050 (Office hands dates over as serials). */
function looksLikeDate(cell: Cell): boolean {
  if (cell instanceof Date) return true;
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 32874 && cell <= 54789;
  return typeof cell === "string" && parseDate(cell) !== undefined && parseNumber(cell) === undefined;
}

/** A number or a number written as text (not a date, not a boolean). */
function looksLikeAmount(cell: Cell): boolean {
  if (typeof cell === "number") return Number.isFinite(cell);
  return typeof cell === "string" && parseDate(cell) === undefined && typeof parseNumber(cell) === "number";
}
