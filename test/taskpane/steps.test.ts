import type { ApplySummary, CheckSummary, ReviewStatus, RunSummary } from "../../src/taskpane/actions";
import { stepStates, type StepFacts } from "../../src/taskpane/components/steps";

const none: StepFacts = { check: null, run: null, review: null, apply: null, statements: false, rulesPending: 0, rulesInvalid: false };
const check = (errorCount: number) => ({ errorCount }) as CheckSummary;
const review = (r: Partial<ReviewStatus>): ReviewStatus => ({ proposalSheet: "Fairshare Proposal 2026-03", approved: 0, rejected: 0, pending: 0, unreadable: 0, total: 0, pendingByRule: {}, pendingRows: [], ...r });

describe("stepStates", () => {
  it("has everything to do on a fresh pane (rules as saved)", () => {
    expect(stepStates(none)).toEqual({ data: "todo", rules: "done", run: "todo", review: "todo", statements: "todo" });
  });

  it.each<[Partial<StepFacts>, keyof ReturnType<typeof stepStates>, string]>([
    [{ check: check(0) }, "data", "done"],
    [{ check: check(3) }, "data", "attention"],
    [{ rulesPending: 1 }, "rules", "attention"],
    [{ rulesInvalid: true }, "rules", "attention"],
    [{ run: { errorCount: 0 } as RunSummary }, "run", "done"],
    [{ run: { errorCount: 2 } as RunSummary }, "run", "attention"],
    [{ review: review({ proposalSheet: null }) }, "review", "todo"],
    [{ review: review({ pending: 4, total: 4 }) }, "review", "attention"],
    [{ review: review({ approved: 3, rejected: 1, total: 4 }) }, "review", "done"],
    [{ review: review({ approved: 3, unreadable: 1, total: 4 }) }, "review", "attention"],
    [{ review: review({ approved: 1, total: 1 }), apply: { conflicts: [{ proposalId: "P", accountId: "A", detail: "x" }] } as ApplySummary }, "review", "attention"],
    [{ statements: true }, "statements", "done"],
  ])("%p makes %s %s", (facts, step, state) => {
    expect(stepStates({ ...none, ...facts })[step]).toBe(state);
  });
});
