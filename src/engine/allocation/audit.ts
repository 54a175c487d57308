/**
 * The "Fairshare Audit Log": one row per decided proposal row, appended by apply. Allocation reads it
 * for cooldowns (and incentives for handover splits).
 */
import { cellText, idKey, isBlank, parseDate } from "../cells";
import { normalizeHeader } from "../schema";
import type { Table } from "../table";
import { auditResultOf, ruleIdOf } from "./ruleNames";
import type { PastMove, PastRejection } from "./types";

export const AUDIT_SHEET = "Fairshare Audit Log";

/**
 * Audit log columns, in order; the English header text is the contract, a zh-CN workbook gets Chinese
 * (and Chinese rule names and results: see ruleNames.ts).
 */
export const AUDIT_HEADER = ["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"] as const;
export const AUDIT_HEADER_ZH = ["时间", "建议编号", "客户编号", "原负责人", "新负责人", "规则", "审批人", "结果", "建议表", "备注"] as const;

export type ApplyResult = "applied" | "conflict" | "already-applied" | "rejected";

export interface AuditRow {
  timestampDay: number | null;
  proposalId: string;
  accountId: string;
  from: string;
  to: string;
  rule: string;
  approver: string;
  result: string;
  note: string;
  row: number;
}

/**
 * Reads the audit log (header by name, any column order). Unreadable rows are skipped: the log is
 * written by Fairshare, and a hand-edited row must not stop a run. Rule and Result come back as codes
 * whichever language the log is in ("停滞老员工" → "STAGNATION", "已执行" → "applied").
 */
export function parseAuditLog(table: Table | null): AuditRow[] {
  if (!table || !table.values.length) return [];
  const header = table.values[0].map((c) => normalizeHeader(cellText(c)));
  const col = (i: number) => {
    const en = header.indexOf(normalizeHeader(AUDIT_HEADER[i]));
    return en >= 0 ? en : header.indexOf(normalizeHeader(AUDIT_HEADER_ZH[i]));
  };
  const [ts, pid, acc, from, to, rule, approver, result, , note] = AUDIT_HEADER.map((_, i) => col(i));
  const out: AuditRow[] = [];
  for (let r = 1; r < table.values.length; r++) {
    const row = table.values[r];
    if (row.every((c) => isBlank(c))) continue;
    const get = (i: number) => (i >= 0 ? cellText(row[i] ?? null) : "");
    const day = ts >= 0 ? parseDate(row[ts] ?? null) : null;
    out.push({
      timestampDay: day === undefined ? null : day,
      proposalId: get(pid),
      accountId: get(acc),
      from: get(from),
      to: get(to),
      rule: ruleIdOf(get(rule)),
      approver: get(approver),
      result: auditResultOf(get(result)),
      note: get(note),
      row: table.firstRow + r,
    });
  }
  return out;
}

/** Applied moves from the audit log, for cooldowns. */
export function pastMoves(rows: readonly AuditRow[]): PastMove[] {
  return rows
    .filter((r) => r.result === "applied" && r.timestampDay !== null)
    .map((r) => ({ accountKey: idKey(r.accountId), fromKey: idKey(r.from), toKey: idKey(r.to), day: r.timestampDay!, proposalId: r.proposalId }));
}

/**
 * Rejected moves from the audit log, for rejection memory. The Rule cell holds the rule as the proposal
 * wrote it, id or Chinese name (parseAuditLog reads both as the id); rows without a readable date are skipped.
 * @example pastRejections(parseAuditLog(table)).filter((r) => r.rule === "STAGNATION")
 */
export function pastRejections(rows: readonly AuditRow[]): PastRejection[] {
  return rows
    .filter((r) => r.result === "rejected" && r.timestampDay !== null)
    .map((r) => ({ accountKey: idKey(r.accountId), fromKey: idKey(r.from), rule: ruleIdOf(r.rule), day: r.timestampDay!, proposalId: r.proposalId }));
}

/**
 * The language of an existing audit log, from its header (Chinese when it has the Chinese Result
 * column), so rows appended to it speak the same language as the rows above.
 */
export function auditLogLocale(table: Table | null): "en-US" | "zh-CN" {
  const header = table?.values[0]?.map((c) => normalizeHeader(cellText(c))) ?? [];
  return header.includes(normalizeHeader(AUDIT_HEADER_ZH[7])) && !header.includes(normalizeHeader(AUDIT_HEADER[7])) ? "zh-CN" : "en-US";
}
