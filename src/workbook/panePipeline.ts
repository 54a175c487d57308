/**
 * What the task pane needs beyond check/run/apply: the data mapping, the settings as an editor shows
 * them, saving settings back to the Fairshare Settings sheet, the review counts and rep statements.
 * Each is a fixed, small number of round trips through the port.
 */
import { decisionCounts, decisionKind, proposalColumns } from "../engine/allocation/apply";
import { DECISIONS, PROPOSAL_COLUMNS } from "../engine/report/allocationSheets";
import { renderExplanation } from "../engine/allocation/text";
import { cellText, formatMonth, idKey } from "../engine/cells";
import { findHeaderRow, OUTPUT_PREFIX } from "../engine/detect";
import { evaluate } from "../engine/incentives/evaluate";
import { COMPONENTS } from "../engine/incentives/plan";
import { parseAuditLog, pastMoves } from "../engine/allocation/audit";
import { componentLabel } from "../engine/incentives/components";
import { renderIncentive } from "../engine/incentives/text";
import { sheetKind } from "../engine/report/labels";
import { proposalRuns } from "../engine/report/proposalNames";
import { settingsSheet } from "../engine/report/settingsSheet";
import { normalizeHeader, SCHEMA, SETTINGS_SHEET, type Role } from "../engine/schema";
import { IssueList } from "../engine/issues";
import { parseSettings, parseSettingValue, REGISTRY, type SettingDef, type SettingValue } from "../engine/settings";
import type { Cell, Table } from "../engine/table";
import type { CellUpdate, WorkbookPort } from "./port";
import { detect, newestProposalSet, readAndCheck } from "./pipeline";
import { ruleIdOf } from "../engine/allocation/ruleNames";

export interface FieldMapping {
  key: string;
  label: { "en-US": string; "zh-CN": string };
  required: boolean;
  /** The header the field is read from, or null when none matched. */
  header: string | null;
  /** No column, and the value is derived instead (deriveOwner, deriveRegion, deriveHireDate): not missing. */
  derived?: boolean;
}

export interface RoleMapping {
  role: Role;
  label: { "en-US": string; "zh-CN": string };
  required: boolean;
  sheet: string | null;
  /** Headers of the assigned sheet, for the column dropdowns. */
  headers: string[];
  fields: FieldMapping[];
}

export interface DataDescription {
  /** Sheets that may serve as input (not Fairshare's own outputs). */
  candidates: string[];
  settingsSheet: string | null;
  roles: RoleMapping[];
}

/** The detected sheets and columns, with what each could be switched to. Two round trips after detection. */
export async function describeData(port: WorkbookPort): Promise<DataDescription> {
  const d = await detect(port);
  const settings = parseSettings(d.settingsTable, REGISTRY, new IssueList());
  const mapping = settings.mapping;
  const derivable = (key: string) => settings.get(key) === true;
  const candidates = d.sheets.map((s) => s.name).filter((n) => !n.startsWith(OUTPUT_PREFIX) && normalizeHeader(n) !== normalizeHeader(SETTINGS_SHEET));
  const assigned = SCHEMA.map((s) => d.assignment[s.role]).filter((n): n is string => !!n);
  const heads = assigned.length ? await port.readTables(assigned, { maxRows: 30 }) : [];
  const roles = SCHEMA.map((spec): RoleMapping => {
    const sheet = d.assignment[spec.role];
    const head = heads.find((h) => h.sheet === sheet);
    const map = head ? findHeaderRow(head.values, spec, mapping.columns[spec.role] ?? {}, derivable) : null;
    const headerRow = map ? head!.values[map.headerIndex] : (head?.values.find((r) => r.some((c) => cellText(c))) ?? []);
    return {
      role: spec.role,
      label: spec.label,
      required: spec.required,
      sheet,
      headers: headerRow.map((c) => cellText(c)).filter((h) => h),
      fields: spec.fields.map((f) => {
        const derived = map?.derived.includes(f.key) ?? false;
        return { key: f.key, label: f.label, required: f.required !== false && !derived, header: map?.headers[f.key] ?? null, ...(derived ? { derived } : {}) };
      }),
    };
  });
  return { candidates, settingsSheet: d.settingsSheet, roles };
}

export interface SettingChange {
  key: string;
  value: SettingValue | string;
  /** A region column to write to instead of Value. */
  region?: string;
}

export interface SettingView {
  def: SettingDef;
  value: SettingValue;
  byRegion: Record<string, SettingValue>;
}

/** Current settings (defaults where the sheet is silent) and the roster's regions, for the rules editor. */
export async function readSettingsView(port: WorkbookPort, keys: readonly string[], displayLanguage?: string): Promise<{ regions: string[]; settings: SettingView[] }> {
  const d = await detect(port);
  const result = await readAndCheck(port, d, displayLanguage);
  const s = result.settings;
  return {
    regions: result.model.regions,
    settings: keys.map((k) => {
      const def = REGISTRY.get(k);
      if (!def) throw new RangeError(`unknown setting ${k}`);
      const byRegion: Record<string, SettingValue> = {};
      for (const r of result.model.regions) {
        const v = s.get(k, r);
        if (v !== s.get(k)) byRegion[r] = v;
      }
      return { def, value: s.get(k), byRegion };
    }),
  };
}

/** Thrown when a setting change is invalid; the editor validates first, so this is a caller's mistake. */
export class InvalidSettingError extends Error {
  override name = "InvalidSettingError";
}

function asCell(def: SettingDef, v: SettingValue | string): Cell {
  if (def.type === "month" && typeof v === "number") return formatMonth(v);
  if (def.type === "boolean" && typeof v === "boolean") return v ? "on" : "off";
  return v;
}

/**
 * Writes settings into the Fairshare Settings sheet (creating it, fully described, when missing):
 * an existing row's Value or region cell is changed in place; a missing row or region column is added.
 * Values are validated against the registry first; nothing is written when one is invalid.
 */
export async function saveSettings(port: WorkbookPort, changes: readonly SettingChange[], displayLanguage?: string): Promise<void> {
  for (const c of changes) {
    const def = c.key.startsWith("sheet.") || c.key.startsWith("column.") ? null : REGISTRY.get(c.key);
    if (def === undefined) throw new InvalidSettingError(`unknown setting ${c.key}`);
    if (def && c.value !== null && c.value !== "" && "problem" in parseSettingValue(def, asCell(def, c.value))) throw new InvalidSettingError(`${c.key}: invalid value ${String(c.value)}`);
    if (def && c.region && !def.regional) throw new InvalidSettingError(`${c.key} cannot differ by region`);
  }
  let d = await detect(port);
  if (!d.settingsSheet) {
    const locale = /^zh/i.test(displayLanguage ?? "") ? "zh-CN" : "en-US";
    await port.addSheets([settingsSheet(REGISTRY, locale)]);
    d = await detect(port);
  }
  const table = d.settingsTable!;
  const headerIdx = table.values.findIndex((r) => r.some((c) => ["setting", "设置", "key"].includes(normalizeHeader(cellText(c)))));
  const header = table.values[headerIdx] ?? [];
  const keyCol = header.findIndex((c) => ["setting", "设置", "key", "设置项", "参数"].includes(normalizeHeader(cellText(c))));
  const valueCol = header.findIndex((c) => ["value", "值", "设置值", "取值"].includes(normalizeHeader(cellText(c))));
  const headerRow = table.firstRow + headerIdx;
  const colOf = new Map<string, number>(header.map((c, i) => [normalizeHeader(cellText(c)), i] as [string, number]));
  let nextCol = header.length;
  const updates: CellUpdate[] = [];
  const rowOf = new Map<string, number>();
  for (let r = headerIdx + 1; r < table.values.length; r++) {
    const k = cellText(table.values[r][keyCol] ?? null).toLowerCase();
    if (k && !rowOf.has(k)) rowOf.set(k, table.firstRow + r);
  }
  let lastRow = table.firstRow + table.values.length - 1;
  for (const c of changes) {
    const def = REGISTRY.get(c.key);
    const value = def ? asCell(def, c.value) : (c.value as Cell);
    let column = valueCol;
    if (c.region) {
      const k = normalizeHeader(c.region);
      if (!colOf.has(k)) {
        colOf.set(k, nextCol);
        updates.push({ sheet: table.sheet, row: headerRow, column: table.firstColumn + nextCol, value: c.region });
        nextCol++;
      }
      column = colOf.get(k)!;
    }
    const row = rowOf.get(c.key.toLowerCase());
    if (row !== undefined) updates.push({ sheet: table.sheet, row, column: table.firstColumn + column, value });
    else {
      // A new row, written cell by cell below the sheet's last row so region columns line up.
      lastRow++;
      rowOf.set(c.key.toLowerCase(), lastRow);
      updates.push({ sheet: table.sheet, row: lastRow, column: table.firstColumn + keyCol, value: c.key });
      updates.push({ sheet: table.sheet, row: lastRow, column: table.firstColumn + column, value });
    }
  }
  await port.updateCells(updates);
}

export interface ReviewStatus {
  /** The newest run's (first) proposal sheet, or null when there is none. */
  proposalSheet: string | null;
  /** Every sheet of the newest run's proposal: its one sheet, or one per region. */
  proposalSheets?: string[];
  /** The earlier runs' proposals, superseded by the newest (kept once they had decisions): newest first, each run's sheets in tab order. */
  earlierProposals?: string[][];
  approved: number;
  rejected: number;
  pending: number;
  unreadable: number;
  total: number;
  /** Undecided rows by rule id (a Chinese sheet's rule names read as ids): what a bulk decision of one rule would decide. */
  pendingByRule: Record<string, number>;
  /** The undecided rows, each with what a bulk decision can select it by (see ReviewFilter). */
  pendingRows: ReviewRow[];
}

/** An undecided proposal row as the bulk decisions see it. */
export interface ReviewRow {
  /** The proposal sheet of the row (one of a run's per-region sheets, or its one sheet). */
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** The rule id of the Rule cell (a Chinese sheet's rule names read as ids). */
  rule: string;
  /** The region of the From rep on the roster (of the To rep when From is not on it); "" when unknown. */
  region: string;
  /** The From cell's text (a rep ID, or the owner as the accounts sheet wrote it). */
  from: string;
  fromName: string;
  /** The 12-month value, or null when the cell holds no number. */
  value: number | null;
  /** The row names a recipient (To): only such rows can be approved. */
  placed: boolean;
}

/** What a bulk decision selects: every undecided row, or those of one rule, region, From rep or size band. */
export type ReviewFilter = { kind: "all" } | { kind: "rule" | "region" | "from" | "size"; value: string };

/**
 * The size band of a 12-month value: its power of ten ("4" is 10,000 to under 100,000), "0" for
 * anything under 10, "none" for no value or none above zero.
 * @example sizeBand(25_000) // "4"
 */
export function sizeBand(value: number | null): string {
  if (value === null || !Number.isFinite(value) || value <= 0) return "none";
  return String(Math.max(0, Math.floor(Math.log10(value) + 1e-9)));
}

/**
 * Whether an undecided row is selected by a filter (a rule given by id or by a sheet's name for it).
 * @example matchesFilter(row, { kind: "rule", value: "DORMANT" })
 */
export function matchesFilter(row: ReviewRow, filter: ReviewFilter): boolean {
  switch (filter.kind) {
    case "all":
      return true;
    case "rule":
      return row.rule === ruleIdOf(filter.value);
    case "region":
      return row.region === filter.value;
    case "from":
      return row.from === filter.value;
    case "size":
      return sizeBand(row.value) === filter.value;
  }
}

/**
 * The rows a bulk decision decides: the undecided rows of the filter; approval leaves out rows without a
 * recipient (nothing could move).
 */
export function bulkRows(rows: readonly ReviewRow[], filter: ReviewFilter, decision: "approve" | "reject"): ReviewRow[] {
  return rows.filter((r) => matchesFilter(r, filter) && (decision === "reject" || r.placed));
}

/** The undecided rows of a proposal table, with their region from the roster (rep key → region). */
function pendingRows(t: Table, regionOf: ReadonlyMap<string, string>): ReviewRow[] {
  const { headerIdx, col } = proposalColumns(t);
  if (headerIdx < 0 || col.proposalId === undefined || col.decision === undefined) return [];
  const text = (row: Cell[], key: string) => (col[key] === undefined ? "" : cellText(row[col[key]!] ?? null));
  const out: ReviewRow[] = [];
  for (let r = headerIdx + 1; r < t.values.length; r++) {
    const row = t.values[r];
    if (!cellText(row[col.proposalId] ?? null)) continue;
    if (decisionKind(cellText(row[col.decision] ?? null)) !== "pending") continue;
    const from = text(row, "from");
    const to = text(row, "to");
    const raw = col.value12m === undefined ? null : row[col.value12m];
    const value = typeof raw === "number" ? raw : raw === null || raw === undefined || cellText(raw) === "" ? null : Number(cellText(raw).replace(/,/g, ""));
    out.push({
      sheet: t.sheet,
      row: t.firstRow + r,
      rule: ruleIdOf(text(row, "rule")),
      region: regionOf.get(idKey(from)) ?? regionOf.get(idKey(to)) ?? "",
      from,
      fromName: text(row, "fromName"),
      value: value !== null && Number.isFinite(value) ? value : null,
      placed: to !== "",
    });
  }
  return out;
}

/**
 * The newest run's proposal sheets (its one sheet, or one per region), read with the roster in one round
 * trip (after detection): the tables in tab order and each rep's region by rep key.
 */
async function readProposals(port: WorkbookPort): Promise<{ tables: Table[]; regionOf: Map<string, string>; earlier: string[][] } | null> {
  const d = await detect(port);
  const names = newestProposalSet(d.sheets);
  if (!names.length) return null;
  const earlier = proposalRuns(d.sheets.map((s) => s.name)).slice(0, -1).reverse();
  const repsSheet = d.assignment.reps;
  const read = await port.readTables(repsSheet ? [...names, repsSheet] : names);
  const tables = names.map((n) => read.find((t) => t.sheet === n)).filter((t): t is Table => !!t);
  if (!tables.length) return null;
  const regionOf = new Map<string, string>();
  const reps = repsSheet ? read.find((t) => t.sheet === repsSheet) : undefined;
  if (reps) {
    // The roster's Rep ID, Name and Region columns as the check finds them; a rep is known by ID or by
    // name (exports that key reps by name put the name in From).
    const settings = parseSettings(d.settingsTable, REGISTRY, new IssueList());
    const spec = SCHEMA.find((r) => r.role === "reps")!;
    const map = findHeaderRow(reps.values, spec, settings.mapping.columns.reps ?? {}, (key) => settings.get(key) === true);
    const region = map?.columns.region;
    if (map && region !== undefined) {
      for (const row of reps.values.slice(map.headerIndex + 1)) {
        const r = cellText(row[region] ?? null).trim();
        if (!r) continue;
        for (const field of ["name", "repId"]) {
          const c = map.columns[field];
          const key = c === undefined ? "" : idKey(row[c] ?? null);
          if (key) regionOf.set(key, r);
        }
      }
    }
  }
  return { tables, regionOf, earlier };
}

/** Decision counts and undecided rows of the newest run's proposal, over all its sheets (detection, then one read). */
export async function reviewStatus(port: WorkbookPort): Promise<ReviewStatus> {
  const read = await readProposals(port);
  const status: ReviewStatus = { proposalSheet: read?.tables[0].sheet ?? null, proposalSheets: read?.tables.map((t) => t.sheet) ?? [], earlierProposals: read?.earlier ?? [], approved: 0, rejected: 0, pending: 0, unreadable: 0, total: 0, pendingByRule: {}, pendingRows: [] };
  for (const t of read?.tables ?? []) {
    const c = decisionCounts(t);
    status.approved += c.approved;
    status.rejected += c.rejected;
    status.pending += c.pending;
    status.unreadable += c.unreadable;
    status.total += c.total;
    status.pendingRows.push(...pendingRows(t, read!.regionOf));
  }
  for (const p of status.pendingRows) status.pendingByRule[p.rule] = (status.pendingByRule[p.rule] ?? 0) + 1;
  return status;
}

/** Whether the proposal sheet speaks Chinese (its Decision header is the Chinese one). */
function sheetLocale(t: Table): "en-US" | "zh-CN" {
  const { headerIdx, col } = proposalColumns(t);
  const header = headerIdx >= 0 && col.decision !== undefined ? cellText(t.values[headerIdx][col.decision] ?? null) : "";
  return normalizeHeader(header) === normalizeHeader(PROPOSAL_COLUMNS.find((c) => c.key === "decision")!.zh) ? "zh-CN" : "en-US";
}

/**
 * Approves or rejects the undecided rows of the newest run's proposal, on each of its sheets, that
 * `filter` selects (every one when none; approval only rows with a recipient, see bulkRows), writing the
 * sheet's own word in Decision and `approver` in Approver; rows already decided are left as they are.
 * Returns the (first) sheet and how many rows it decided (detection, one read, one write).
 */
export async function decidePending(
  port: WorkbookPort,
  options: { decision: "approve" | "reject"; filter?: ReviewFilter | null; approver: string },
): Promise<{ proposalSheet: string | null; decided: number }> {
  const read = await readProposals(port);
  if (!read) return { proposalSheet: null, decided: 0 };
  const approver = options.approver.trim();
  const updates: CellUpdate[] = [];
  let decided = 0;
  for (const t of read.tables) {
    const { col } = proposalColumns(t);
    const word = DECISIONS[sheetLocale(t)][options.decision === "approve" ? 0 : 1];
    const rows = bulkRows(pendingRows(t, read.regionOf), options.filter ?? { kind: "all" }, options.decision);
    for (const p of rows) {
      updates.push({ sheet: t.sheet, row: p.row, column: t.firstColumn + col.decision!, value: word });
      if (col.approver !== undefined && approver) updates.push({ sheet: t.sheet, row: p.row, column: t.firstColumn + col.approver, value: approver });
    }
    decided += rows.length;
  }
  if (updates.length) await port.updateCells(updates);
  return { proposalSheet: read.tables[0].sheet, decided };
}

/**
 * Signs the decided rows of the newest run's proposal (every sheet of it) whose Approver is empty with
 * `approver` (the name the pane asked for), so the audit log says who decided. Returns how many rows it signed.
 */
export async function signDecisions(port: WorkbookPort, approver: string): Promise<number> {
  if (!approver.trim()) return 0;
  const updates: CellUpdate[] = [];
  for (const t of (await readProposals(port))?.tables ?? []) {
    const { headerIdx, col } = proposalColumns(t);
    if (headerIdx < 0 || col.decision === undefined || col.approver === undefined || col.proposalId === undefined) continue;
    for (let r = headerIdx + 1; r < t.values.length; r++) {
      const row = t.values[r];
      if (!cellText(row[col.proposalId] ?? null)) continue;
      const kind = decisionKind(cellText(row[col.decision] ?? null));
      if ((kind === "approve" || kind === "reject") && !cellText(row[col.approver] ?? null)) updates.push({ sheet: t.sheet, row: t.firstRow + r, column: t.firstColumn + col.approver, value: approver.trim() });
    }
  }
  if (updates.length) await port.updateCells(updates);
  return updates.length;
}

export interface RepStatement {
  repId: string;
  name: string;
  region: string;
  score: number;
  rank: number;
  percentile: number;
  teamSize: number;
  medianScore: number | null;
  moveUp: string;
  profile: string;
  recommendation: string;
  totalCents: number;
  total: string;
  components: { id: string; label: string; baseCents: number; rate: number | null; amountCents: number; explanation: string }[];
}

/** Every rep's statement and place in the team, computed from the workbook as it is (nothing written). */
export async function repStatements(port: WorkbookPort, displayLanguage?: string): Promise<{ period: string | null; reps: RepStatement[] }> {
  const d = await detect(port);
  const audits = d.sheets.filter((s) => sheetKind(s.name) === "auditLog").map((s) => s.name);
  const result = await readAndCheck(port, d, displayLanguage, undefined, audits);
  if (!result.ok || result.period === null) return { period: null, reps: [] };
  const ev = evaluate(result, pastMoves(audits.flatMap((n) => parseAuditLog(result.extraTables[n] ?? null))));
  const L = result.locale;
  const { model } = result;
  const scores = new Map(ev.scorecard.map((s) => [s.rep, s]));
  const reps = ev.incentives.map((inc): RepStatement => {
    const rep = model.reps[inc.rep];
    const sc = scores.get(inc.rep)!;
    return {
      repId: rep.id,
      name: rep.name,
      region: rep.region,
      score: sc.score,
      rank: sc.rank,
      percentile: sc.percentile,
      teamSize: ev.scorecard.length,
      medianScore: ev.medians.score,
      moveUp: renderIncentive(sc.moveUp, L),
      profile: renderIncentive(sc.profileEvidence, L),
      // A statement is the rep's: the profile's advice addressed to them (the manager's recommendation is on the Scorecard sheet).
      recommendation: renderIncentive(sc.advice, L),
      totalCents: inc.statement.totalCents,
      total: renderIncentive(inc.statement.explanation, L),
      components: COMPONENTS.map((id) => {
        const c = inc.statement.components[id];
        return { id, label: componentLabel(id, L), baseCents: c.baseCents, rate: c.rate, amountCents: c.amountCents, explanation: renderIncentive(c.explanation, L) };
      }),
    };
  });
  return { period: formatMonth(result.period), reps: reps.sort((a, b) => (a.repId < b.repId ? -1 : 1)) };
}
