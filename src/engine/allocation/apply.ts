/**
 * "Apply approved": from a proposal sheet with decisions to the Owner cells to change and the audit rows
 * to append. Pure: the caller reads the sheets and writes what this returns, in one batch each.
 */
import { cellText, idKey, isBlank } from "../cells";
import type { ColumnMap } from "../detect";
import { normalizeHeader } from "../schema";
import type { Rep } from "../model";
import type { Cell, Table } from "../table";
import { AUDIT_HEADER, type ApplyResult, type AuditRow } from "./audit";
import { approverKey } from "./settingsDefs";
import { conflictText, type ConflictReason } from "./applyText";
import { auditResultLabel, ruleIdOf, ruleLabel } from "./ruleNames";
import type { Locale } from "../messages";
import { PROPOSAL_COLUMNS } from "../report/allocationSheets";

const APPROVE = new Set(["approve", "approved", "yes", "y", "ok", "同意", "批准", "通过", "是"]);
const REJECT = new Set(["reject", "rejected", "no", "n", "decline", "declined", "拒绝", "驳回", "否", "不同意"]);

/** Where the proposal's columns are: the header is the first row naming "Proposal ID" in either language. */
export function proposalColumns(proposal: Table): { headerIdx: number; col: Partial<Record<string, number>> } {
  const idNames = new Set([normalizeHeader(PROPOSAL_COLUMNS[0].en), normalizeHeader(PROPOSAL_COLUMNS[0].zh)]);
  const headerIdx = proposal.values.findIndex((r) => r.some((c) => idNames.has(normalizeHeader(cellText(c)))));
  const col: Partial<Record<string, number>> = {};
  if (headerIdx >= 0) {
    const header = proposal.values[headerIdx].map((c) => normalizeHeader(cellText(c)));
    for (const c of PROPOSAL_COLUMNS) {
      const i = header.findIndex((h) => h === normalizeHeader(c.en) || h === normalizeHeader(c.zh));
      if (i >= 0) col[c.key] = i;
    }
  }
  return { headerIdx, col };
}

/**
 * What a Decision cell says: Approve (Approved, Yes, Y, 同意, 批准…), Reject (拒绝, 驳回…), blank, or unreadable.
 * @example decisionKind("批准") // "approve"
 */
export function decisionKind(text: string): "approve" | "reject" | "pending" | "unknown" {
  const d = normalizeHeader(text);
  if (!d) return "pending";
  return APPROVE.has(d) ? "approve" : REJECT.has(d) ? "reject" : "unknown";
}

/** Approved, rejected, pending and unreadable counts of a proposal sheet, for the review panel. */
export function decisionCounts(proposal: Table): { approved: number; rejected: number; pending: number; unreadable: number; total: number } {
  const { headerIdx, col } = proposalColumns(proposal);
  const counts = { approved: 0, rejected: 0, pending: 0, unreadable: 0, total: 0 };
  if (headerIdx < 0 || col.proposalId === undefined || col.decision === undefined) return counts;
  for (let r = headerIdx + 1; r < proposal.values.length; r++) {
    const row = proposal.values[r];
    if (!cellText(row[col.proposalId] ?? null)) continue;
    counts.total++;
    const k = decisionKind(cellText(row[col.decision] ?? null));
    if (k === "approve") counts.approved++;
    else if (k === "reject") counts.rejected++;
    else if (k === "pending") counts.pending++;
    else counts.unreadable++;
  }
  return counts;
}

/** One decided proposal row, as apply's JSON lists it. */
export interface ApplyEntry {
  proposalId: string;
  accountId: string;
  from: string;
  to: string;
  /** The rule id (ORPHAN, STAGNATION…) whichever language the sheet shows it in. */
  rule: string;
  approver: string;
  /** The approver's Note on the proposal row. */
  note: string;
  /** The proposal sheet of the row (one of a run's per-region sheets, or the run's one sheet). */
  sheet: string;
  /** Row of the proposal sheet. */
  row: number;
  /** Why a conflict is one (the Owner found, a missing account…), in English; `reason` renders in any language. */
  detail?: string;
  /** Why a conflict is one, as a catalogue key and values. */
  reason?: ConflictReason;
}

export interface ApplyOutcome {
  applied: ApplyEntry[];
  conflicts: ApplyEntry[];
  alreadyApplied: ApplyEntry[];
  rejected: ApplyEntry[];
  /** Rows without a decision yet. */
  pending: number;
  /** Decisions that are neither approve nor reject (left pending), and structural problems. */
  problems: { sheet?: string; row: number | null; column: string | null; code: "unknown_decision" | "missing_column"; value: string }[];
}

export interface ApplyPlan {
  /** Owner cells to set: 1-based sheet coordinates on the accounts sheet. */
  updates: { row: number; column: number; value: string }[];
  /** Rows to append to the audit log, in AUDIT_HEADER order. */
  audit: Cell[][];
  outcome: ApplyOutcome;
}

/** One proposal sheet to apply: its table and name. */
export interface ProposalToApply {
  table: Table;
  sheet: string;
}

/**
 * Decides what "Apply approved" does, over one proposal sheet or the per-region sheets of one run (read
 * in the order given, as one proposal). An approved row changes its account's Owner only if the Owner
 * still equals From; a row whose decision is already in the audit log with the same result is not logged
 * again, so applying twice changes nothing. If any sheet lacks a needed column nothing is applied.
 *
 * @example planApply({ proposals: [{ table, sheet: "Fairshare Proposal 2026-10" }], accounts, accountsMap, audit: [], now: new Date(), roster })
 */
export function planApply(input: {
  proposals: readonly ProposalToApply[];
  accounts: Table;
  accountsMap: ColumnMap;
  audit: readonly AuditRow[];
  now: Date;
  /**
   * The roster To is checked against: To must be an active rep on it, of the account's region when
   * `sameRegionOnly` holds there. Without a roster no approved row is applied (each is a conflict).
   */
  roster: readonly Pick<Rep, "id" | "key" | "active" | "region">[] | null;
  sameRegionOnly?: (region: string) => boolean;
  /** The names who may decide a region's moves (`approver.<region>`); empty: anyone. */
  approvers?: (region: string) => string[];
  /** The language of the audit log the rows go to: its Rule and Result cells are written in it. */
  logLocale?: Locale;
}): ApplyPlan {
  const outcome: ApplyOutcome = { applied: [], conflicts: [], alreadyApplied: [], rejected: [], pending: 0, problems: [] };
  const plan: ApplyPlan = { updates: [], audit: [], outcome };
  const { accounts, accountsMap } = input;
  const logLocale = input.logLocale ?? "en-US";
  const sheets = input.proposals.map((p) => ({ ...p, ...proposalColumns(p.table) }));
  for (const { sheet, headerIdx, col, table } of sheets) {
    for (const key of ["proposalId", "accountId", "from", "to", "decision"]) {
      if (col[key] === undefined) {
        const c = PROPOSAL_COLUMNS.find((x) => x.key === key)!;
        outcome.problems.push({ sheet, row: headerIdx >= 0 ? table.firstRow + headerIdx : null, column: c.en, code: "missing_column", value: `${c.en} / ${c.zh}` });
      }
    }
  }
  if (outcome.problems.length) return plan;

  // Current owners, by account key.
  const ownerCol = accountsMap.columns.owner;
  const idCol = accountsMap.columns.accountId;
  const regionCol = accountsMap.columns.region;
  const owners = new Map<string, { row: number; owner: string; region: string }>();
  for (let r = accountsMap.headerIndex + 1; r < accounts.values.length; r++) {
    const row = accounts.values[r];
    if (isBlank(row[idCol])) continue;
    const k = idKey(row[idCol]);
    if (!owners.has(k)) owners.set(k, { row: accounts.firstRow + r, owner: cellText(row[ownerCol] ?? null), region: regionCol === undefined ? "" : cellText(row[regionCol] ?? null) });
  }
  const roster = new Map((input.roster ?? []).map((r) => [r.key, r]));
  /** Why To cannot receive the account, in words, or null when it can. */
  const refuseTo = (to: string, accountRegion: string): ConflictReason | null => {
    if (!input.roster) return { key: "conflict.noRoster", params: {} };
    const rep = roster.get(idKey(to));
    if (!rep) return { key: "conflict.toUnknown", params: { to } };
    if (!rep.active) return { key: "conflict.toLeft", params: { to: rep.id } };
    if (accountRegion && input.sameRegionOnly?.(accountRegion) && normalizeHeader(rep.region) !== normalizeHeader(accountRegion)) {
      return { key: "conflict.toOtherRegion", params: { to: rep.id, repRegion: rep.region, region: accountRegion } };
    }
    return null;
  };
  const conflict = (entry: ApplyEntry, reason: ConflictReason) => outcome.conflicts.push({ ...entry, detail: conflictText(reason, "en-US"), reason });
  // The newest audit result per proposal id (and sheet, since ids restart with a new period's run).
  const lastResult = new Map<string, string>();
  for (const a of input.audit) lastResult.set(a.proposalId, a.result);
  const stamp = input.now.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  const ownerColumn = accounts.firstColumn + ownerCol;

  const decided = new Set<string>();
  for (const { sheet, table: proposal, headerIdx, col } of sheets) {
    for (let r = headerIdx + 1; r < proposal.values.length; r++) {
      const row = proposal.values[r];
      const get = (key: string) => (col[key] === undefined ? "" : cellText(row[col[key]] ?? null));
      const proposalId = get("proposalId");
      if (!proposalId) continue;
      const decisionText = get("decision");
      const entry: ApplyEntry = { proposalId, accountId: get("accountId"), from: get("from"), to: get("to"), rule: get("rule") && ruleIdOf(get("rule")), approver: get("approver"), note: get("note"), sheet, row: proposal.firstRow + r };
      if (!decisionText) {
        outcome.pending++;
        continue;
      }
      const kind = decisionKind(decisionText);
      const approve = kind === "approve";
      if (kind === "unknown") {
        outcome.problems.push({ sheet, row: entry.row, column: PROPOSAL_COLUMNS.find((c) => c.key === "decision")!.en, code: "unknown_decision", value: decisionText });
        outcome.pending++;
        continue;
      }
      if (decided.has(proposalId)) continue; // a duplicated row in the sheet is one decision
      decided.add(proposalId);
      let result: ApplyResult;
      const current = owners.get(idKey(entry.accountId));
      // Sign-off per region: a decision counts only when its Approver is one of the region's approvers.
      const allowed = current && input.approvers ? input.approvers(current.region) : [];
      if (allowed.length && !allowed.map(approverKey).includes(approverKey(entry.approver))) {
        result = "conflict";
        conflict(entry, { key: "conflict.notApprover", params: { region: current!.region, approver: entry.approver }, approvers: allowed });
      } else if (!approve) {
        result = "rejected";
        outcome.rejected.push(entry);
      } else if (lastResult.get(proposalId) === "applied" || (current && entry.to && idKey(current.owner) === idKey(entry.to))) {
        result = "already-applied";
        outcome.alreadyApplied.push(entry);
      } else if (!current) {
        result = "conflict";
        conflict(entry, { key: "conflict.accountNotFound", params: {} });
      } else if (!entry.to) {
        result = "conflict";
        conflict(entry, { key: "conflict.noRecipient", params: {} });
      } else if (idKey(current.owner) !== idKey(entry.from)) {
        result = "conflict";
        conflict(entry, { key: "conflict.ownerChanged", params: { owner: current.owner } });
      } else if (refuseTo(entry.to, current.region) !== null) {
        result = "conflict";
        conflict(entry, refuseTo(entry.to, current.region)!);
      } else {
        result = "applied";
        outcome.applied.push(entry);
        plan.updates.push({ row: current.row, column: ownerColumn, value: entry.to });
        current.owner = entry.to;
      }
      // Log every decision once: a repeat of the same outcome is not a new decision.
      const previous = lastResult.get(proposalId);
      const repeat = previous === result || (result === "already-applied" && previous === "applied");
      if (!repeat) {
        const last = outcome.conflicts.at(-1);
        // In the audit log's language, like the rest of the row.
        const detail = last?.proposalId === proposalId && last.reason ? conflictText(last.reason, logLocale) : "";
        // The approver's own note is kept word for word; why a row could not be applied follows it.
        const note = [entry.note, detail].filter(Boolean).join(" — ");
        // Rule and Result in the log's language (a Chinese log gets Chinese names; both read back as codes).
        const rule = entry.rule ? ruleLabel(entry.rule, logLocale) : "";
        plan.audit.push([stamp, proposalId, entry.accountId, entry.from, entry.to, rule, entry.approver, auditResultLabel(result, logLocale), sheet, note]);
        lastResult.set(proposalId, result);
      }
    }
  }
  return plan;
}

export { AUDIT_HEADER };
