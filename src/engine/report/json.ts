/**
 * The JSON of `fairshare check` and `fairshare run`: a contract later issues extend, never rename.
 */
import type { AllocationResult } from "../allocation/allocate";
import type { Explanation } from "../allocation/types";
import { renderDiagnostic, renderExplanation } from "../allocation/text";
import { DIMENSIONS, type Evaluation } from "../incentives/evaluate";
import { COMPONENTS } from "../incentives/plan";
import { renderIncentive } from "../incentives/text";
import { formatDay, formatMonth } from "../cells";
import { moveFields } from "./allocationSheets";
import type { CheckResult } from "../check";
import type { Fairness, FairnessFigures } from "../snapshot";

export interface IssueJson {
  severity: "error" | "warning" | "info";
  code: string;
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface FairnessJson {
  gini: number;
  top10Share: number;
  newRepShare: number;
  reps: number;
  value12m: number;
}

export interface CheckJson {
  period: string | null;
  ok: boolean;
  sheets: Record<string, string | null>;
  issues: IssueJson[];
  portfolio: Array<{
    repId: string;
    name: string;
    region: string;
    branch: string;
    class: string;
    tenureMonths: number | null;
    /** Present and true when tenure counts from the rep's first sale (the roster had no Hire Date). */
    tenureDerived?: boolean;
    accounts: number;
    value12m: number;
    regionShare: number;
  }>;
  fairness: { before: (FairnessJson & { byRegion: Record<string, FairnessJson> }) | null; after?: (FairnessJson & { byRegion: Record<string, FairnessJson> }) | null };
}

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

function figures(f: FairnessFigures): FairnessJson {
  return { gini: round(f.gini), top10Share: round(f.top10Share), newRepShare: round(f.newRepShare), reps: f.reps, value12m: f.valueCents / 100 };
}

function fairnessJson(f: Fairness | null) {
  if (!f) return null;
  const byRegion: Record<string, FairnessJson> = {};
  for (const [k, v] of Object.entries(f.byRegion)) byRegion[k] = figures(v);
  return { ...figures(f), byRegion };
}

/**
 * The JSON document of a check. Money in currency units (exact: cents ÷ 100), shares as fractions.
 * @example toCheckJson(result).fairness.before?.gini
 */
export function toCheckJson(result: CheckResult): CheckJson {
  return {
    period: result.period === null ? null : formatMonth(result.period),
    ok: result.ok,
    sheets: { ...result.assignment },
    issues: result.issues.map(({ severity, code, sheet, row, column, message }) => ({ severity, code, sheet, row, column, message })),
    portfolio: result.portfolio.map((p) => ({
      repId: p.repId,
      name: p.name,
      region: p.region,
      branch: p.branch,
      class: p.class,
      tenureMonths: p.tenureMonths,
      ...(p.tenureDerived ? { tenureDerived: true } : {}),
      accounts: p.accounts,
      value12m: p.value12mCents / 100,
      regionShare: round(p.regionShare),
    })),
    fairness: { before: fairnessJson(result.fairness) },
  };
}


/**
 * The JSON of `fairshare run`: the check's fields plus reassignments, unassigned releases, the at-risk
 * list and fairness after.
 */
export function toRunJson(result: CheckResult, alloc: AllocationResult | null, ev: Evaluation | null = null) {
  const base = toCheckJson(result);
  if (!alloc) return { ...base, reassignments: [], unassigned: [], atRisk: [], scorecard: [], incentives: [] };
  const shared = new Map<Explanation, string>();
  const fields = alloc.moves.map((m) => moveFields(result, m, result.locale, shared));
  const pick = (f: (typeof fields)[number]) => ({
    proposalId: f.proposalId,
    accountId: f.accountId,
    fromRepId: f.fromRepId,
    toRepId: f.toRepId,
    rule: f.rule,
    reason: f.reason,
    evidence: f.evidence,
    recipient: f.recipient,
    whyThisRep: f.whyThisRep,
    match: f.match,
    handover: f.handover,
    value12m: f.value12m,
  });
  const { model } = result;
  return {
    ...base,
    reassignments: fields.filter((f) => f.toRepId).map(pick),
    unassigned: fields.filter((f) => !f.toRepId).map(pick),
    atRisk: alloc.atRisk.map((r) => ({
      accountId: model.accounts[r.account].id,
      ownerRepId: model.reps[model.accounts[r.account].owner]?.id ?? "",
      lastSale: formatDay(r.lastSaleDay),
      recycledOn: formatDay(r.dormantDay),
      daysLeft: r.daysLeft,
    })),
    stagnantReps: alloc.stagnantReps.map((i) => model.reps[i].id),
    watch: alloc.watch.map((w) => ({
      repId: model.reps[w.rep].id,
      ...(w.account === null ? { accountIds: w.accounts.map((a) => model.accounts[a].id) } : { accountId: model.accounts[w.account].id }),
      rule: w.rule,
      monthsLeft: w.monthsLeft,
      message: renderExplanation(w.message, result.locale),
    })),
    diagnostics: alloc.diagnostics.map((d) => ({
      rule: d.rule,
      region: d.region,
      stages: d.stages,
      blockedBy: d.blockedBy ? renderExplanation(d.blockedBy, result.locale) : null,
      held: d.held,
      heldBy: d.heldBy ? renderExplanation(d.heldBy, result.locale) : null,
      text: renderDiagnostic(d, result.locale),
    })),
    fairness: { before: base.fairness.before, after: fairnessJson(alloc.fairnessAfter) },
    ...(ev ? evaluationJson(result, ev) : { scorecard: [], incentives: [] }),
  };
}

/** Scorecard and incentives for the run's JSON: money in currency units, scores 0–100. */
export function evaluationJson(result: CheckResult, ev: Evaluation) {
  const { model } = result;
  const L = result.locale;
  return {
    incentiveWindow: { from: formatMonth(ev.windowStart), to: formatMonth(ev.period) },
    /** What the scorecard could not judge (a dimension nobody has data for), as sentences. */
    scorecardNotes: ev.notes.map((n) => renderIncentive(n, L)),
    scorecard: ev.scorecard.map((s) => ({
      repId: model.reps[s.rep].id,
      score: s.score,
      rank: s.rank,
      percentile: s.percentile,
      dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, s.dimensions[d] === null ? null : round(s.dimensions[d]!, 2)])),
      weights: Object.fromEntries(DIMENSIONS.map((d) => [d, round(s.weights[d], 4)])),
      moveUp: renderIncentive(s.moveUp, L),
      profile: s.profile,
      profileEvidence: renderIncentive(s.profileEvidence, L),
      recommendation: renderIncentive(s.recommendation, L),
      /** The same profile's advice addressed to the rep (recommendation is the manager's). */
      advice: renderIncentive(s.advice, L),
      suggestedWeights: s.suggestedWeights,
    })),
    incentives: ev.incentives.map((i) => ({
      repId: model.reps[i.rep].id,
      total: i.statement.totalCents / 100,
      components: Object.fromEntries(COMPONENTS.map((c) => [c, i.statement.components[c].amountCents / 100])),
      breakdown: COMPONENTS.map((c) => {
        const x = i.statement.components[c];
        return { component: c, base: x.baseCents / 100, rate: x.rate, amount: x.amountCents / 100, explanation: renderIncentive(x.explanation, L) };
      }),
      explanation: renderIncentive(i.statement.explanation, L),
    })),
  };
}
