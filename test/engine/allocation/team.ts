/**
 * Helpers for the allocation tests: build small teams as plain sheets, run check + allocate and read the
 * moves back as ids.
 */
import { allocate, type AllocateOptions, type AllocationResult } from "../../../src/engine/allocation/allocate";
import type { PastMove, RuleId } from "../../../src/engine/allocation/types";
import { parseDate } from "../../../src/engine/cells";
import type { CheckResult } from "../../../src/engine/check";
import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";

export interface RepRow {
  id: string;
  hire: string | null;
  region: string;
  active?: boolean;
  capacity?: number | null;
  name?: string;
  manager?: string;
}

export interface AccountRow {
  id: string;
  owner: string | null;
  region: string;
  acquired?: string | null;
  protected?: boolean;
  industry?: string;
  level?: string;
}

/** [date, account id, amount] or [date, account id, amount, rep id] */
export type SaleRow = [string, string, number] | [string, string, number, string];

export interface TeamSpec {
  reps: RepRow[];
  accounts: AccountRow[];
  sales: SaleRow[];
  /** Extra rows for the settings sheet (period 2026-06 is always there unless given). */
  settings?: Cell[][];
  /** Region columns of the settings sheet. */
  regionColumns?: string[];
  /** Extra sheets (e.g. Ratings, an audit log), as given. */
  extraSheets?: Record<string, Cell[][]>;
}

export const REP_HEADER = ["Rep ID", "Name", "Hire Date", "Region", "Active", "Capacity"];
export const ACCOUNT_HEADER = ["Account ID", "Account Name", "Owner", "Region", "Acquired Date", "Protected"];
export const SALES_HEADER = ["Date", "Account ID", "Amount"];

export function repRow(r: RepRow): Cell[] {
  return [r.id, r.name ?? `Name ${r.id}`, r.hire, r.region, r.active === false ? "N" : "Y", r.capacity ?? null];
}
export function accountRow(a: AccountRow): Cell[] {
  return [a.id, `Acct ${a.id}`, a.owner, a.region, a.acquired ?? null, a.protected ? "Y" : null];
}

/** The workbook of a team spec. */
export function sheetsOf(spec: TeamSpec): Record<string, Cell[][]> {
  const settingsRows = spec.settings ?? [];
  const hasPeriod = settingsRows.some((r) => r[0] === "period");
  const header: Cell[] = ["Setting", "Value", ...(spec.regionColumns ?? [])];
  const pad = (r: Cell[]) => [...r, ...new Array(Math.max(0, header.length - r.length)).fill(null)];
  // Manager and the sales' Rep ID are there only when a test uses them, so other tests see the plain sheets.
  const managers = spec.reps.some((r) => r.manager !== undefined);
  const repIds = spec.sales.some((s) => s.length > 3);
  const industries = spec.accounts.some((a) => a.industry !== undefined);
  const levels = spec.accounts.some((a) => a.level !== undefined);
  return {
    Reps: [managers ? [...REP_HEADER, "Manager"] : REP_HEADER, ...spec.reps.map((r) => (managers ? [...repRow(r), r.manager ?? null] : repRow(r)))],
    Accounts: [
      [...ACCOUNT_HEADER, ...(industries ? ["Industry"] : []), ...(levels ? ["Level"] : [])],
      ...spec.accounts.map((a) => [...accountRow(a), ...(industries ? [a.industry ?? null] : []), ...(levels ? [a.level ?? null] : [])]),
    ],
    Sales: [repIds ? [...SALES_HEADER, "Rep ID"] : SALES_HEADER, ...spec.sales.map((s) => (repIds ? [s[0], s[1], s[2], s[3] ?? null] : [s[0], s[1], s[2]]) as Cell[])],
    "Fairshare Settings": [header, ...(hasPeriod ? [] : [pad(["period", "2026-06"])]), ...settingsRows.map(pad)],
    ...(spec.extraSheets ?? {}),
  };
}

/** A move read back as ids: to is null when no recipient was found. */
export interface IdMove {
  account: string;
  from: string | null;
  to: string | null;
  rule: RuleId;
}

export interface Run {
  check: CheckResult;
  result: AllocationResult;
  /** Moves as ids, in proposal order. */
  moves: IdMove[];
  /** Moves as ids, sorted by account id (for order-free comparisons). */
  sorted: IdMove[];
}

export function idMoves(check: CheckResult, result: AllocationResult): IdMove[] {
  const { accounts, reps } = check.model;
  return result.moves.map((m) => ({
    account: accounts[m.account].id,
    from: m.from >= 0 ? reps[m.from].id : null,
    to: m.to >= 0 ? reps[m.to].id : null,
    rule: m.rule,
  }));
}

export function byAccount(moves: IdMove[]): IdMove[] {
  return [...moves].sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}

/** Check the sheets (which must have no errors) and allocate. */
export async function runSheets(sheets: Record<string, Cell[][]>, options: AllocateOptions = {}): Promise<Run> {
  const check = await checkSheets(sheets);
  const errors = check.issues.filter((i) => i.severity === "error");
  if (errors.length) throw new Error(`check has errors: ${JSON.stringify(errors)}`);
  const result = allocate(check, options);
  const moves = idMoves(check, result);
  return { check, result, moves, sorted: byAccount(moves) };
}

export function run(spec: TeamSpec, options: AllocateOptions = {}): Promise<Run> {
  return runSheets(sheetsOf(spec), options);
}

/** Day number of a "YYYY-MM-DD" date. */
export function day(s: string): number {
  const d = parseDate(s);
  if (d === null || d === undefined) throw new Error(`bad date ${s}`);
  return d;
}

export function past(accountKey: string, fromKey: string, toKey: string, date: string, proposalId = "P202601-1-001"): PastMove {
  return { accountKey, fromKey, toKey, day: day(date), proposalId };
}

/** Sales rows: the same amount on the 15th of each listed month ("2026-01"…). */
export function monthly(account: string, amounts: Record<string, number>): SaleRow[] {
  return Object.entries(amounts)
    .filter(([, v]) => v !== 0)
    .map(([m, v]) => [`${m}-15`, account, v] as SaleRow);
}
