/**
 * The check as a sequence of batched workbook operations, shared by the CLI and the task pane.
 * Round trips do not grow with the data: list, read settings, (peek at headers,) read inputs, write.
 */
import { check, type CheckInput, type CheckResult } from "../engine/check";
import { detectByHeaders, detectByName, HEADER_SCAN_ROWS, OUTPUT_PREFIX, type RoleAssignment } from "../engine/detect";
import { IssueList } from "../engine/issues";
import { dataCheckSheet, portfolioSheet, uniqueSheetName } from "../engine/report/sheets";
import { normalizeHeader, SCHEMA, SETTINGS_SHEET, type Role } from "../engine/schema";
import { parseSettings, REGISTRY } from "../engine/settings";
import type { OutputSheet, Table } from "../engine/table";
import type { SheetInfo, WorkbookPort } from "./port";

/** Progress callback: a step name and a fraction from 0 to 1. */
export type Progress = (step: string, fraction: number) => void;

export interface Detected {
  sheets: SheetInfo[];
  assignment: RoleAssignment;
  settingsSheet: string | null;
  settingsTable: Table | null;
}

/**
 * Finds the settings sheet and assigns input sheets to roles: by name, then by headers (reading only
 * the first rows of the remaining sheets, in one round trip).
 */
export async function detect(port: WorkbookPort): Promise<Detected> {
  const sheets = await port.listSheets();
  const settingsSheet = sheets.find((s) => normalizeHeader(s.name) === normalizeHeader(SETTINGS_SHEET))?.name ?? null;
  const settingsTable = settingsSheet ? ((await port.readTables([settingsSheet]))[0] ?? null) : null;
  const mapping = parseSettings(settingsTable, REGISTRY, new IssueList()).mapping;
  const names = sheets.map((s) => s.name);
  let assignment = detectByName(names, mapping);
  const unassigned = SCHEMA.filter((s) => !assignment[s.role] && !mapping.sheets[s.role]);
  if (unassigned.length) {
    const taken = new Set(Object.values(assignment));
    const candidates = names.filter((n) => !taken.has(n) && n !== settingsSheet && !n.startsWith(OUTPUT_PREFIX));
    if (candidates.length) {
      const heads = await port.readTables(candidates, { maxRows: HEADER_SCAN_ROWS * 3 });
      assignment = detectByHeaders(assignment, heads.map((h) => ({ sheet: h.sheet, values: h.values })), mapping);
    }
  }
  return { sheets, assignment, settingsSheet, settingsTable };
}

/** Reads the assigned input sheets (one round trip) and runs the engine's check. */
export async function readAndCheck(port: WorkbookPort, detected: Detected, displayLanguage?: string, progress?: Progress): Promise<CheckResult> {
  const roles = SCHEMA.map((s) => s.role).filter((r) => detected.assignment[r]);
  progress?.("read", 0.1);
  const tables = await port.readTables(roles.map((r) => detected.assignment[r]!));
  const byRole: Partial<Record<Role, Table>> = {};
  for (const r of roles) byRole[r] = tables.find((t) => t.sheet === detected.assignment[r]);
  progress?.("check", 0.5);
  const input: CheckInput = { settings: detected.settingsTable, assignment: detected.assignment, tables: byRole };
  const result = check(input, { displayLanguage });
  progress?.("check", 0.8);
  return result;
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
  const out = [dataCheckSheet(result, take("Fairshare Data Check"))];
  if (result.ok) out.push(portfolioSheet(result, take("Fairshare Portfolio")));
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
