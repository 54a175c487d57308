/**
 * The check as a sequence of batched workbook operations, shared by the CLI and the task pane.
 * Round trips do not grow with the data: list, read settings, (peek at headers,) read inputs, write.
 */
import { allocate, type AllocationResult } from "../engine/allocation/allocate";
import { decisionCounts, planApply, proposalColumns, type ApplyOutcome } from "../engine/allocation/apply";
import { AUDIT_HEADER, AUDIT_HEADER_ZH, auditLogLocale, parseAuditLog, pastMoves, pastRejections } from "../engine/allocation/audit";
import { auditResultLabel } from "../engine/allocation/ruleNames";
import { toLocale, type Locale } from "../engine/messages";
import { cellText, dateToDay, formatMonth } from "../engine/cells";
import { check, type CheckInput, type CheckResult } from "../engine/check";
import { detectByContent, detectByHeaders, detectByName, HEADER_SCAN_ROWS, hiddenLookalikes, OUTPUT_PREFIX, resolveColumns, type ContentPick, type RoleAssignment } from "../engine/detect";
import { atRiskSheet, fairnessSheet, proposalSheet, protectDecisions, watchSheet } from "../engine/report/allocationSheets";
import { freeRunSuffix, newestRun, parseProposalName, regionSheetNames } from "../engine/report/proposalNames";
import { teamReport, teamReportSheet } from "../engine/report/teamReport";
import { sheetKind, sheetName, type OutputKind } from "../engine/report/labels";
import { evaluate, type Evaluation } from "../engine/incentives/evaluate";
import { incentivesSheet, scorecardSheet } from "../engine/report/incentiveSheets";
import { IssueList } from "../engine/issues";
import { settingsSheet } from "../engine/report/settingsSheet";
import { dataCheckSheet, portfolioSheet, uniqueSheetName } from "../engine/report/sheets";
import { approverNames } from "../engine/allocation/settingsDefs";
import { parseReps } from "../engine/model";
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

/**
 * Progress callback: a step name and a fraction from 0 to 1. A listener may return a promise: the run
 * waits for it, so a pane can let the browser paint the bar and handle a Cancel click between steps.
 */
export type Progress = (step: string, fraction: number) => void | Promise<void>;

export interface Detected {
  sheets: SheetInfo[];
  assignment: RoleAssignment;
  settingsSheet: string | null;
  settingsTable: Table | null;
  /** Hidden sheets named like inputs or settings that were not read. */
  hiddenSkipped: string[];
  /** Roles whose sheet was found by its content alone. */
  contentPicks: Partial<Record<Role, ContentPick>>;
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
  let contentPicks: Partial<Record<Role, ContentPick>> = {};
  const unassigned = SCHEMA.filter((s) => !assignment[s.role] && !mapping.sheets[s.role]);
  if (unassigned.length) {
    const taken = new Set(Object.values(assignment));
    const candidates = names.filter((n) => !taken.has(n) && !hidden.has(n) && n !== settingsSheet && !n.startsWith(OUTPUT_PREFIX));
    if (candidates.length) {
      const heads = await port.readTables(candidates, { maxRows: HEADER_SCAN_ROWS * 3 });
      const plain = heads.map((h) => ({ sheet: h.sheet, values: h.values }));
      assignment = detectByHeaders(assignment, plain, mapping);
      // Neither name nor headers: a sheet of dated amounts is the sales sheet (said, with its confidence).
      ({ assignment, picks: contentPicks } = detectByContent(assignment, plain, mapping));
    }
  }
  return { sheets, assignment, settingsSheet, settingsTable, hiddenSkipped: hiddenLookalikes(sheets, mapping), contentPicks };
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
  await progress?.("read", 0.1);
  const tables = await port.readTables([...roles.map((r) => detected.assignment[r]!), ...extra]);
  const extraTables: Record<string, Table> = {};
  for (const n of extra) {
    const t = tables.find((x) => x.sheet === n);
    if (t) extraTables[n] = t;
  }
  const byRole: Partial<Record<Role, Table>> = {};
  for (const r of roles) byRole[r] = tables.find((t) => t.sheet === detected.assignment[r]);
  await progress?.("check", 0.5);
  const input: CheckInput = { settings: detected.settingsTable, assignment: detected.assignment, tables: byRole, hiddenSkipped: detected.hiddenSkipped, contentPicks: detected.contentPicks };
  const result = check(input, { displayLanguage, today: dateToDay(new Date()) });
  await progress?.("check", 0.8);
  return { ...result, extraTables };
}

/**
 * The sheets a check writes: the Data Check always; the Portfolio only when there are no errors. Each
 * takes the place of the newest sheet of its kind (ours, holding no decisions), so checks do not pile up.
 */
export function checkOutputSheets(result: CheckResult, existing: readonly SheetInfo[]): { sheets: OutputSheet[]; replace: string[] } {
  const plan = planRunSheets(existing, null, result.locale, []);
  const sheets = [dataCheckSheet(result, plan.nameFor("dataCheck"))];
  if (result.ok) sheets.push(portfolioSheet(result, plan.nameFor("portfolio")));
  return { sheets, replace: plan.replace.filter((n) => sheets.some((s) => s.name === n)) };
}

/** Detect, read, check and (optionally) write the output sheets. */
export async function runCheck(
  port: WorkbookPort,
  options: { displayLanguage?: string; write: boolean; progress?: Progress },
): Promise<{ result: CheckResult; written: string[]; detected: Detected }> {
  await options.progress?.("detect", 0);
  const detected = await detect(port);
  const result = await readAndCheck(port, detected, options.displayLanguage, options.progress);
  let written: string[] = [];
  if (options.write) {
    await options.progress?.("write", 0.9);
    const { sheets, replace } = checkOutputSheets(result, detected.sheets);
    await port.addSheets(sheets, { replace });
    written = sheets.map((s) => s.name);
  }
  await options.progress?.("done", 1);
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

/** The newest sheet of a kind without a period (Data Check, Portfolio): the last in tab order. */
function newestOfKind(sheets: readonly SheetInfo[], kind: "dataCheck" | "portfolio"): string | null {
  const all = sheets.filter((s) => sheetKind(s.name) === kind);
  return all.length ? all[all.length - 1].name : null;
}

/** The sheets of each period's newest run's proposal: what a rerun may replace, and where proposal ids stand. */
function newestProposals(sheets: readonly SheetInfo[]): string[] {
  const names = sheets.map((s) => s.name);
  const periods = new Set(names.map(parseProposalName).filter((p): p is NonNullable<typeof p> => p !== null).map((p) => p.period));
  return [...periods].flatMap((period) => newestRun(names, period));
}

/** The highest run number in proposal ids of a period ("P202610-3-017" → 3), 0 when none. */
function lastRunNumber(period: string, ids: Iterable<string>): number {
  const prefix = `P${period.replace("-", "")}-`;
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}

/**
 * Where a run's sheets go. While the newest proposal of the period (its one sheet, or its sheets per
 * region) has no decision in it, the rerun replaces that run's own sheets (same names, same places); once
 * it has decisions it stays, and the new run writes "#2", "#3"…. The newest Data Check and Portfolio, and
 * the period's Team Report, are always replaced: they hold no decisions.
 */
function planRunSheets(sheets: readonly SheetInfo[], period: string | null, locale: Locale, proposalTables: readonly Table[]) {
  const existing = sheets.map((s) => s.name);
  const replace: string[] = [];
  const fixed = new Map<string, string>();
  for (const kind of ["dataCheck", "portfolio"] as const) {
    const old = newestOfKind(sheets, kind);
    if (old) {
      replace.push(old);
      fixed.set(kind, old);
    }
  }
  // The team report describes the period, not one run's proposal: always the one sheet, replaced.
  if (period !== null) {
    for (const L of ["en-US", "zh-CN"] as const) {
      const n = sheetName("teamReport", L, period);
      if (existing.includes(n)) replace.push(n);
    }
  }
  let suffix: string | null = null;
  if (period !== null) {
    const run = newestRun(existing, period);
    const tables = run.map((n) => proposalTables.find((t) => t.sheet === n));
    const undecided = tables.every((t) => {
      if (!t) return false;
      const c = decisionCounts(t);
      return c.approved + c.rejected + c.unreadable === 0;
    });
    if (run.length && undecided) {
      suffix = parseProposalName(run[0])!.suffix;
      replace.push(...run);
      for (const kind of PERIOD_KINDS) {
        for (const L of ["en-US", "zh-CN"] as const) {
          const n = `${sheetName(kind, L, period)}${suffix}`;
          if (existing.includes(n) && !replace.includes(n)) replace.push(n);
        }
      }
    }
  }
  const kept = existing.filter((n) => !replace.includes(n));
  const take = takeNames(kept);
  // A new run's proposal takes a suffix no proposal sheet of the period has, so runs never mix.
  const runSuffix = suffix ?? (period === null ? "" : freeRunSuffix(existing, period));
  const nameFor = (kind: OutputKind): string => {
    if (kind === "dataCheck" || kind === "portfolio") return fixed.get(kind) ?? take(sheetName(kind, locale));
    if (kind === "teamReport") return sheetName(kind, locale, period!);
    if (kind === "proposal") return take(`${sheetName(kind, locale, period!)}${runSuffix}`);
    if (suffix !== null) return `${sheetName(kind, locale, period!)}${suffix}`;
    return take(sheetName(kind, locale, period!));
  };
  /** The run's proposal sheets per region, or null when the names leave no room for regions. */
  const regionNames = (regions: readonly string[]): string[] | null => {
    const names = regionSheetNames(locale, period!, runSuffix, regions, kept);
    if (names) for (const n of names) take(n);
    return names;
  };
  return { replace, nameFor, regionNames };
}

/** The kinds written once per run besides the proposal, named with the run's suffix. */
const PERIOD_KINDS = ["fairness", "atRisk", "watch", "scorecard", "incentives"] as const;

/**
 * "Run allocation": check, then (when the data has no errors) allocate and write the sign-off sheets:
 * Data Check, Portfolio, Proposal, Fairness and At Risk, Scorecard and Incentives. Source sheets are never
 * touched; a rerun replaces only its own earlier output (see planRunSheets).
 */
export async function runAllocation(
  port: WorkbookPort,
  options: { displayLanguage?: string; write: boolean; progress?: Progress; signal?: { readonly aborted: boolean } },
): Promise<{ result: CheckResult; allocation: AllocationResult | null; evaluation: Evaluation | null; written: string[]; sheets: OutputSheet[]; replaced: string[] }> {
  await options.progress?.("detect", 0);
  const detected = await detect(port);
  const auditSheets = detected.sheets.filter((s) => sheetKind(s.name) === "auditLog").map((s) => s.name);
  const proposals = newestProposals(detected.sheets);
  if (options.signal?.aborted) throw new CancelledError();
  const result = await readAndCheck(port, detected, options.displayLanguage, options.progress, [...auditSheets, ...proposals]);
  if (options.signal?.aborted) throw new CancelledError();
  const L = result.locale;
  const period = result.ok && result.period !== null ? formatMonth(result.period) : null;
  const plan = planRunSheets(detected.sheets, period, L, proposals.map((n) => result.extraTables[n]).filter((t): t is Table => !!t));
  const sheets: OutputSheet[] = [dataCheckSheet(result, plan.nameFor("dataCheck"))];
  let allocation: AllocationResult | null = null;
  let evaluation: Evaluation | null = null;
  if (period !== null) {
    await options.progress?.("evaluate", 0.8);
    const auditRows = auditSheets.flatMap((n) => parseAuditLog(result.extraTables[n] ?? null));
    const past = pastMoves(auditRows);
    evaluation = evaluate(result, past);
    if (options.signal?.aborted) throw new CancelledError();
    await options.progress?.("allocate", 0.85);
    if (options.signal?.aborted) throw new CancelledError();
    const ids = [...proposals.flatMap((n) => proposalIds(result.extraTables[n])), ...auditRows.map((a) => a.proposalId)];
    const runNumber = lastRunNumber(period, ids) + 1;
    allocation = allocate(result, { past, rejections: pastRejections(auditRows), evaluation, runNumber });
    if (options.signal?.aborted) throw new CancelledError();
    sheets.push(portfolioSheet(result, plan.nameFor("portfolio")));
    sheets.push(...proposalSheets(result, allocation, plan));
    sheets.push(fairnessSheet(result, allocation, plan.nameFor("fairness")));
    sheets.push(atRiskSheet(result, allocation, plan.nameFor("atRisk")));
    sheets.push(watchSheet(result, allocation, plan.nameFor("watch")));
    sheets.push(teamReportSheet(result, teamReport(result, allocation, evaluation, past, auditRows), allocation.period, plan.nameFor("teamReport")));
    sheets.push(scorecardSheet(result, evaluation, plan.nameFor("scorecard")));
    sheets.push(incentivesSheet(result, evaluation, plan.nameFor("incentives")));
    // The rules people sign off must be visible: a workbook without a settings sheet gets one, listing
    // every setting at the value in effect (the defaults) with its description. Never a second one.
    if (!detected.sheets.some((s) => normalizeHeader(s.name) === normalizeHeader(SETTINGS_SHEET))) sheets.push(settingsSheet(REGISTRY, L));
  }
  // The last moment to stop: after this the sheets are written in one batch, whole or not at all.
  if (options.signal?.aborted) throw new CancelledError();
  // Only what this run rewrites is replaced: an old Portfolio stays when the data has errors.
  const replace = plan.replace.filter((n) => sheets.some((s) => s.name === n) || sheetKind(n) !== "portfolio");
  if (options.write) {
    await options.progress?.("write", 0.9);
    await port.addSheets(sheets, { replace });
  }
  await options.progress?.("done", 1);
  return { result, allocation, evaluation, written: options.write ? sheets.map((s) => s.name) : [], sheets, replaced: options.write ? replace : [] };
}

/**
 * The run's proposal: one sheet, or with proposalPerRegion one protected sheet per region (every region of
 * the roster and accounts, and "-" for moves of accounts without one). When the names leave no room for a
 * region (English, run #10 on) the run writes its one sheet, protected all the same.
 */
function proposalSheets(result: CheckResult, allocation: AllocationResult, plan: ReturnType<typeof planRunSheets>): OutputSheet[] {
  if (!result.settings.bool("proposalPerRegion")) return [proposalSheet(result, allocation, plan.nameFor("proposal"))];
  const password = result.settings.get("protectionPassword");
  const secret = typeof password === "string" && password !== "" ? password : null;
  const { model } = result;
  const regions = [...model.regions, ...(allocation.moves.some((m) => !model.accounts[m.account].region) ? [""] : [])];
  const names = plan.regionNames(regions);
  if (!names) return [protectDecisions(proposalSheet(result, allocation, plan.nameFor("proposal")), result.locale, secret)];
  return regions.map((region, i) => proposalSheet(result, allocation, names[i], { region, password: secret }));
}

/** The proposal ids of a proposal sheet. */
function proposalIds(table: Table | undefined): string[] {
  if (!table) return [];
  const { headerIdx, col } = proposalColumns(table);
  if (headerIdx < 0 || col.proposalId === undefined) return [];
  return table.values.slice(headerIdx + 1).map((r) => cellText(r[col.proposalId!] ?? null)).filter(Boolean);
}

/** The newest proposal sheet: the last one in tab order (runs add sheets at the end). */
export function newestProposal(sheets: readonly SheetInfo[]): string | null {
  const all = sheets.filter((s) => sheetKind(s.name) === "proposal");
  return all.length ? all[all.length - 1].name : null;
}

/**
 * The newest run's proposal sheets: the newest proposal sheet and, when the run wrote one per region, the
 * other regions' sheets of the same run, in tab order. Empty when there is no proposal.
 * @example newestProposalSet(await port.listSheets()) // ["Fairshare Proposal 2026-10 East", "Fairshare Proposal 2026-10 West"]
 */
export function newestProposalSet(sheets: readonly SheetInfo[]): string[] {
  return newestRun(sheets.filter((s) => sheetKind(s.name) === "proposal").map((s) => s.name));
}

export interface ApplyReport {
  /** The first of the sheets applied (the run's one proposal sheet, or its first region's). */
  proposalSheet: string | null;
  /** Every proposal sheet applied: the newest run's sheets per region, or its one sheet. */
  proposalSheets: string[];
  outcome: ApplyOutcome;
  /** The workbook's language (its `language` setting, else the display language), once settings were read. */
  locale?: Locale;
}

/**
 * "Apply approved": reads the newest run's proposal (its one sheet or its sheets per region; only
 * `options.proposal` when given), the accounts sheet and the audit log in one batch, changes one Owner cell
 * per approved row whose Owner still equals From, and appends one audit row per new decision, in the
 * log's language.
 */
export async function applyApproved(port: WorkbookPort, options: { proposal?: string; now?: Date; displayLanguage?: string } = {}): Promise<ApplyReport> {
  const detected = await detect(port);
  const auditSheets = detected.sheets.filter((s) => sheetKind(s.name) === "auditLog").map((s) => s.name);
  const proposalNames = options.proposal ? [options.proposal] : newestProposalSet(detected.sheets);
  const proposalSheetName = proposalNames[0] ?? null;
  const empty: ApplyOutcome = { applied: [], conflicts: [], alreadyApplied: [], rejected: [], pending: 0, problems: [] };
  const missing = proposalNames.find((n) => !detected.sheets.some((s) => s.name === n));
  if (!proposalSheetName || missing) {
    const name = missing ?? proposalSheetName;
    return { proposalSheet: name, proposalSheets: proposalNames, outcome: { ...empty, problems: [{ row: null, column: null, code: "missing_column", value: name ?? "Fairshare Proposal" }] } };
  }
  const accountsSheet = detected.assignment.accounts;
  const repsSheet = detected.assignment.reps;
  const names = [...proposalNames, ...(accountsSheet ? [accountsSheet] : []), ...(repsSheet ? [repsSheet] : []), ...auditSheets];
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
    return { proposalSheet: proposalSheetName, proposalSheets: proposalNames, outcome: { ...empty, problems: [{ row: null, column: "Owner", code: "missing_column", value: accountsSheet ?? "Accounts" }] } };
  }
  const audit = auditSheets.flatMap((n) => parseAuditLog(find(n)));
  // To is checked against the roster: an ID that is not on it, or a rep who has left, is never written.
  const repsTable = repsSheet ? find(repsSheet) : null;
  const repsMap = repsTable ? resolveColumns("reps", repsTable.sheet, repsTable.values, repsTable.firstRow, mapping, new IssueList()) : null;
  const roster = repsTable && repsMap ? parseReps({ table: repsTable, map: repsMap }, new IssueList()) : null;
  // Append to the audit log the workbook already has (in its own language), else start one.
  const auditTarget = auditSheets[0] ?? sheetName("auditLog", locale);
  const logLocale = auditSheets[0] ? auditLogLocale(find(auditSheets[0])) : locale;
  const plan = planApply({
    proposals: proposalNames.map((n) => ({ table: find(n)!, sheet: n })),
    accounts,
    accountsMap: map,
    audit,
    now: options.now ?? new Date(),
    roster,
    sameRegionOnly: (region) => settings.bool("sameRegionOnly", region),
    approvers: (region) => {
      const list = region ? settings.get(`approver.${region}`) : null;
      return typeof list === "string" ? approverNames(list) : [];
    },
    logLocale,
  });
  if (plan.updates.length) await port.updateCells(plan.updates.map((u) => ({ sheet: accounts.sheet, ...u })));
  const header = logLocale === "zh-CN" ? AUDIT_HEADER_ZH : AUDIT_HEADER;
  // Conflicts stand out in the log (the format is set when the log sheet is created).
  if (plan.audit.length) {
    await port.appendRows(auditTarget, [...header], plan.audit, { highlights: [{ column: header[7], when: { op: "equals", text: auditResultLabel("conflict", logLocale) }, style: "bad" }] });
  }
  return { proposalSheet: proposalSheetName, proposalSheets: proposalNames, outcome: plan.outcome, locale };
}
