/**
 * The pane's steps and what each one's tab says about it: done, needs attention, or still to do —
 * worked out from what the pane already holds, as a pure function the tests drive directly.
 */
import type { ApplySummary, CheckSummary, ReviewStatus, RunSummary } from "../actions";

export type StepId = "data" | "rules" | "run" | "review" | "statements";
export type StepState = "done" | "attention" | "todo";

export interface StepFacts {
  check: CheckSummary | null;
  run: RunSummary | null;
  review: ReviewStatus | null;
  apply: ApplySummary | null;
  /** Statements were computed. */
  statements: boolean;
  /** Edited rules not yet saved. */
  rulesPending: number;
  /** Some edited rule has an invalid value. */
  rulesInvalid: boolean;
}

/**
 * Each step's state. Data: checked without errors (done) or with errors (attention). Rules: unsaved or
 * invalid edits need attention, otherwise they are as saved (done). Run: a proposal (done), a run
 * stopped by data errors (attention). Review: a proposal with rows left to decide or conflicts
 * (attention), all decided or applied (done). Statements: computed (done).
 *
 * @example stepStates({ check: null, run: null, review: null, apply: null, statements: false, rulesPending: 1, rulesInvalid: false }).rules // "attention"
 */
export function stepStates(f: StepFacts): Record<StepId, StepState> {
  const data: StepState = f.check === null ? "todo" : f.check.errorCount > 0 ? "attention" : "done";
  const rules: StepState = f.rulesInvalid || f.rulesPending > 0 ? "attention" : "done";
  const run: StepState = f.run === null ? "todo" : f.run.errorCount > 0 ? "attention" : "done";
  let review: StepState = "todo";
  if (f.apply !== null && f.apply.conflicts.length > 0) review = "attention";
  else if (f.review !== null && f.review.proposalSheet !== null) review = f.review.pending > 0 || f.review.unreadable > 0 ? "attention" : "done";
  return { data, rules, run, review, statements: f.statements ? "done" : "todo" };
}
