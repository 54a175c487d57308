/**
 * The check as a sequence of batched workbook operations, shared by the CLI and the task pane.
 * Round trips do not grow with the data: list, read settings, (peek at headers,) read inputs, write.
 */
import { allocate, type AllocationResult } from "../engine/allocation/allocate";
import { planApply, type ApplyOutcome } from "../engine/allocation/apply";
import { AUDIT_HEADER, AUDIT_HEADER_ZH, parseAuditLog, pastMoves } from "../engine/allocation/audit";
import { toLocale, type Locale } from "../engine/messages";
import { dateToDay, formatMonth } from "../engine/cells";
import { check, type CheckInput, type CheckResult } from "../engine/check";
import { detectByHeaders, detectByName, HEADER_SCAN_ROWS, hiddenLookalikes, OUTPUT_PREFIX, resolveColumns, type RoleAssignment } from "../engine/detect";
import { atRiskSheet, fairnessSheet, proposalSheet } from "../engine/report/allocationSheets";
import { sheetKind, sheetName } from "../engine/report/labels";
import { evaluate, type Evaluation } from "../engine/incentives/evaluate";
import { incentivesSheet, scorecardSheet } from "../engine/report/incentiveSheets";
import { IssueList } from "../engine/issues";
import { settingsSheet } from "../engine/report/settingsSheet";
import { dataCheckSheet, portfolioSheet, uniqueSheetName } from "../engine/report/sheets";
import { normalizeHeader, SCHEMA, SETTINGS_SHEET, type Role } from "../engine/schema";
import { parseSettings, REGISTRY } from "../engine/settings";
import type { OutputSheet, Table } from "../engine/table";
import type { SheetInfo, WorkbookPort } from "./port";

/** Thrown when the user cancels a run before it writes anything; nothing has been changed. */
export class CancelledError extends Error {
  override name = "CancelledError";
  constructor() {
    super("cancelled before anything was written");
  }
}

/** Progress callback: a step name and a fraction from 0 to 1. */
export type Progress = (step: string, fraction: number) => void;

export interface Detected {
  sheets: SheetInfo[];
  assignment: RoleAssignment;
  settingsSheet: string | null;
  settingsTable: Table | null;
  /** Hidden sheets named like inputs or settings that were not read. */
  hiddenSkipped: string[];
}

/**
 * Finds the settings sheet and assigns input sheets to roles: by name, then by headers (reading only
 * the first rows of the remaining sheets, in one round trip).
 */
export async function detect(port: WorkbookPort): Promise<Detected> {
  const sheets = await port.listSheets();
  // A hidden settings sheet is never applied: the rules people sign off must be visible.
  const settingsSheet = sheets.find((s) => s.visible && normalizeHeader(s.name) === normalizeHeader(SETTINGS_SHEET))?.name ?? null;
  const settingsTable = settingsSheet ? ((await port.readTables([settingsSheet]))[0] ?? null) : null;
  const mapping = parseSettings(settingsTable, REGISTRY, new IssueList()).mapping;
  const names = sheets.map((s) => s.name);
  const mappedNames = new Set(Object.values(mapping.sheets).map((n) => normalizeHeader(n!)));
  const hidden = new Set(sheets.filter((s) => !s.visible && !mappedNames.has(normalizeHeader(s.name))).map((s) => s.name));
  let assignment = detectByName(names, mapping, hidden);
  const unassigned = SCHEMA.filter((s) => !assignment[s.role] && !mapping.sheets[s.role]);
  if (unassigned.length) {
    const taken = new Set(Object.values(assignment));
    const candidates = names.filter((n) => !taken.has(n) && !hidden.has(n) && n !== settingsSheet && !n.startsWith(OUTPUT_PREFIX));
    if (candidates.length) {
      const heads = await port.readTables(candidates, { maxRows: HEADER_SCAN_ROWS * 3 });
      assignment = detectByHeaders(assignment, heads.map((h) => ({ sheet: h.sheet, values: h.values })), mapping);
    }
  }
  return { sheets, assignment, settingsSheet, settingsTable, hiddenSkipped: hiddenLookalikes(sheets, mapping) };
}

/** Reads the assigned input sheets (and any `extra` sheets, in the same round trip) and runs the engine's check. */
export async function readAndCheck(
  port: WorkbookPort,
  detected: Detected,
  displayLanguage?: string,
  progress?: Progress,
  extra: string[] = [],
): Promise<CheckResult & { extraTables: Record<string, Table> }> {
  const roles = SCHEMA.map((s) => s.role).filter((r) => detected.assignment[r]);
  progress?.("read", 0.1);
  const tables = await port.readTables([...roles.map((r) => detected.assignment[r]!), ...extra]);
  const extraTables: Record<string, Table> = {};
  for (const n of extra) {
    const t = tables.find((x) => x.sheet === n);
    if (t) extraTables[n] = t;
  }
  const byRole: Partial<Record<Role, Table>> = {};
  for (const r of roles) byRole[r] = tables.find((t) => t.sheet === detected.assignment[r]);
  progress?.("check", 0.5);
  const input: CheckInput = { settings: detected.settingsTable, assignment: detected.assignment, tables: byRole, hiddenSkipped: detected.hiddenSkipped };
  const result = check(input, { displayLanguage, today: dateToDay(new Date()) });
  progress?.("check", 0.8);
  return { ...result, extraTables };
}

/**
 * The sheets a check writes: the Data Check always; the Portfolio only when there are no errors.
 * Names that are taken get " #2", " #3"… so nothing is ever overwritten.
 */
export function checkOutputSheets(result: CheckResult, existing: readonly string[]): OutputSheet[] {
  const names = [...existing];
  const take = (base: string) => {
    const n = uniqueSheetName(base, names);
    names.push(n);
    return n;
  };
  const out = [dataCheckSheet(result, take(sheetName("dataCheck", result.locale)))];
  if (result.ok) out.push(portfolioSheet(result, take(sheetName("portfolio", result.locale))));
  return out;
}

/** Detect, read, check and (optionally) write the output sheets. */
export async function runCheck(
  port: WorkbookPort,
  options: { displayLanguage?: string; write: boolean; progress?: Progress },
): Promise<{ result: CheckResult; written: string[]; detected: Detected }> {
  options.progress?.("detect", 0);
  const detected = await detect(port);
  const result = await readAndCheck(port, detected, options.displayLanguage, options.progress);
  let written: string[] = [];
  if (options.write) {
    options.progress?.("write", 0.9);
    const sheets = checkOutputSheets(result, detected.sheets.map((s) => s.name));
    await port.addSheets(sheets);
    written = sheets.map((s) => s.name);
  }
  options.progress?.("done", 1);
  return { result, written, detected };
}

/** Names of the sheets a run writes, made unique against the workbook's. */
function takeNames(existing: readonly string[]) {
  const names = [...existing];
  return (base: string) => {
    const n = uniqueSheetName(base, names);
    names.push(n);
    return n;
  };
}

/**
 * "Run allocation": check, then (when the data has no errors) allocate and write the sign-off sheets:
 * Data Check, Portfolio, Proposal, Fairness and At Risk. Source sheets are never touched.
 */
export async function runAllocation(
  port: WorkbookPort,
  options: { displayLanguage?: string; write: boolean; progress?: Progress; signal?: { readonly aborted: boolean } },
): Promise<{ result: CheckResult; allocation: AllocationResult | null; evaluation: Evaluation | null; written: string[]; sheets: OutputSheet[] }> {
  options.progress?.("detect", 0);
  const detected = await detect(port);
  const auditSheets = detected.sheets.filter((s) => sheetKind(s.name) === "auditLog").map((s) => s.name);
  if (options.signal?.aborted) throw new CancelledError();
  const result = await readAndCheck(port, detected, options.displayLanguage, options.progress, auditSheets);
  if (options.signal?.aborted) throw new CancelledError();
  const existing = detected.sheets.map((s) => s.name);
  const take = takeNames(existing);
  const L = result.locale;
  const sheets: OutputSheet[] = [dataCheckSheet(result, take(sheetName("dataCheck", L)))];
  let allocation: AllocationResult | null = null;
  let evaluation: Evaluation | null = null;
  if (result.ok && result.period !== null) {
    options.progress?.("allocate", 0.85);
    const period = formatMonth(result.period);
    const proposalName = take(sheetName("proposal", L, period));
    const runNumber = Number(proposalName.match(/ #(\d+)$/)?.[1] ?? 1);
    const past = pastMoves(auditSheets.flatMap((n) => parseAuditLog(result.extraTables[n] ?? null)));
    allocation = allocate(result, { past, runNumber });
    if (options.signal?.aborted) throw new CancelledError();
    options.progress?.("evaluate", 0.8);
    evaluation = evaluate(result, past);
    sheets.push(portfolioSheet(result, take(sheetName("portfolio", L))));
    sheets.push(proposalSheet(result, allocation, proposalName));
    sheets.push(fairnessSheet(result, allocation, take(sheetName("fairness", L, period))));
    sheets.push(atRiskSheet(result, allocation, take(sheetName("atRisk", L, period))));
    sheets.push(scorecardSheet(result, evaluation, take(sheetName("scorecard", L, period))));
    sheets.push(incentivesSheet(result, evaluation, take(sheetName("incentives", L, period))));
    // The rules people sign off must be visible: a workbook without a settings sheet gets one, listing
    // every setting at the value in effect (the defaults) with its description. Never a second one.
    if (!existing.some((n) => normalizeHeader(n) === normalizeHeader(SETTINGS_SHEET))) sheets.push(settingsSheet(REGISTRY, L));
  }
  // The last moment to stop: after this the sheets are written in one batch, whole or not at all.
  if (options.signal?.aborted) throw new CancelledError();
  if (options.write) {
    options.progress?.("write", 0.9);
    await port.addSheets(sheets);
  }
  options.progress?.("done", 1);
  return { result, allocation, evaluation, written: options.write ? sheets.map((s) => s.name) : [], sheets };
}

/** The newest proposal sheet: the last one in tab order (runs add sheets at the end). */
export function newestProposal(sheets: readonly SheetInfo[]): string | null {
  const all = sheets.filter((s) => sheetKind(s.name) === "proposal");
  return all.length ? all[all.length - 1].name : null;
}

export interface ApplyReport {
  proposalSheet: string | null;
  outcome: ApplyOutcome;
}

/**
 * "Apply approved": reads the proposal, the accounts sheet and the audit log in one batch, changes one
 * Owner cell per approved row whose Owner still equals From, and appends one audit row per new decision.
 */
export async function applyApproved(port: WorkbookPort, options: { proposal?: string; now?: Date; displayLanguage?: string } = {}): Promise<ApplyReport> {
  const detected = await detect(port);
  const auditSheets = detected.sheets.filter((s) => sheetKind(s.name) === "auditLog").map((s) => s.name);
  const proposalSheetName = options.proposal ?? newestProposal(detected.sheets);
  const empty: ApplyOutcome = { applied: [], conflicts: [], alreadyApplied: [], rejected: [], pending: 0, problems: [] };
  if (!proposalSheetName || !detected.sheets.some((s) => s.name === proposalSheetName)) {
    return { proposalSheet: proposalSheetName, outcome: { ...empty, problems: [{ row: null, column: null, code: "missing_column", value: proposalSheetName ?? "Fairshare Proposal" }] } };
  }
  const accountsSheet = detected.assignment.accounts;
  const names = [proposalSheetName, ...(accountsSheet ? [accountsSheet] : []), ...auditSheets];
  const tables = await port.readTables(names);
  const find = (n: string) => tables.find((t) => t.sheet === n) ?? null;
  const accounts = accountsSheet ? find(accountsSheet) : null;
  const issues = new IssueList();
  const settings = parseSettings(detected.settingsTable, REGISTRY, new IssueList());
  const mapping = settings.mapping;
  const language = settings.get("language");
  const locale: Locale = language && language !== "auto" ? (language as Locale) : toLocale(options.displayLanguage);
  const map = accounts ? resolveColumns("accounts", accounts.sheet, accounts.values, accounts.firstRow, mapping, issues) : null;
  if (!accounts || !map) {
    return { proposalSheet: proposalSheetName, outcome: { ...empty, problems: [{ row: null, column: "Owner", code: "missing_column", value: accountsSheet ?? "Accounts" }] } };
  }
  const audit = auditSheets.flatMap((n) => parseAuditLog(find(n)));
  const plan = planApply({ proposal: find(proposalSheetName)!, accounts, accountsMap: map, audit, now: options.now ?? new Date(), proposalSheet: proposalSheetName });
  if (plan.updates.length) await port.updateCells(plan.updates.map((u) => ({ sheet: accounts.sheet, ...u })));
  // Append to the audit log the workbook already has (in whichever language), else start one.
  const auditTarget = auditSheets[0] ?? sheetName("auditLog", locale);
  const header = locale === "zh-CN" ? AUDIT_HEADER_ZH : AUDIT_HEADER;
  // Conflicts stand out in the log (the format is set when the log sheet is created).
  if (plan.audit.length) await port.appendRows(auditTarget, [...header], plan.audit, { highlights: [{ column: header[7], when: { op: "equals", text: "conflict" }, style: "bad" }] });
  return { proposalSheet: proposalSheetName, outcome: plan.outcome };
}
