import { pastMoves, parseAuditLog } from "../../../src/engine/allocation/audit";
import { renderIncentive as renderExplanation } from "../../../src/engine/incentives/text";
import { evaluate } from "../../../src/engine/incentives/evaluate";
import type { Cell } from "../../../src/engine/table";
import { checkSheets } from "../../helpers/team";

/**
 * North, June 2026 (incentiveMonths 1):
 * - R1 veteran, monthly quota 100,000. Owns A1 (satisfaction 4.5): May 100,000, June 150,000.
 * - R2 new, hired 2026-06-16 (15 of 30 days: quota 50,000 × 0.5 = 25,000). Owns A2 (moved from R1 on
 *   2026-06-01: R1 keeps 20% of its June–August sales credit; satisfaction 3) and A3 (won in June).
 *   A2: Feb 30,000 (prior), June 50,000. A3: June 20,000.
 * - R3 left 2026-06-10 (10 of 30 days), South; owns nothing, booked S1's June sale of 9,000.
 */
function team(extraSettings: Cell[][] = []): Record<string, Cell[][]> {
  return {
    Reps: [
      ["Rep ID", "Name", "Hire Date", "Region", "Active", "Quota", "Leave Date"],
      ["R1", "Vera Veteran", "2018-01-01", "North", "Y", 100000, null],
      ["R2", "Nick New", "2026-06-16", "North", "Y", 50000, null],
      ["R3", "Lou Left", "2020-01-01", "South", "N", 30000, "2026-06-10"],
      ["R4", "Sam South", "2019-01-01", "South", "Y", 30000, null],
    ],
    Accounts: [
      ["Account ID", "Account Name", "Owner", "Region", "Satisfaction"],
      ["A1", "Alpha", "R1", "North", 4.5],
      ["A2", "Beta", "R2", "North", 3],
      ["A3", "Gamma", "R2", "North", null],
      ["S1", "South One", "R4", "South", null],
      ["Z1", "Old Zeta", "R4", "South", null],
    ],
    Sales: [
      ["Date", "Account ID", "Amount", "Rep ID"],
      ["2026-05-10", "A1", 100000, "R1"],
      ["2026-06-10", "A1", 150000, "R1"],
      ["2026-02-10", "A2", 30000, "R1"],
      ["2026-06-20", "A2", 50000, null],
      ["2026-06-25", "A3", 20000, "R2"],
      ["2026-06-05", "S1", 9000, "R3"],
      // History from January 2025: the 12 months before the window are in the data, so "won" is known.
      ["2025-01-15", "Z1", 1000, "R4"],
    ],
    "Fairshare Settings": [["Setting", "Value"], ["period", "2026-06"], ...extraSettings],
    "Fairshare Audit Log": [
      ["Timestamp", "Proposal ID", "Account ID", "From", "To", "Rule", "Approver", "Result", "Proposal Sheet", "Note"],
      ["2026-06-01 09:00:00Z", "P202605-1-001", "A2", "R1", "R2", "STAGNATION", "Mgr", "applied", "Fairshare Proposal 2026-05", ""],
    ],
  };
}

async function run(extra: Cell[][] = []) {
  const sheets = team(extra);
  const r = await checkSheets(sheets);
  expect(r.issues).toEqual([]);
  const past = pastMoves(parseAuditLog({ sheet: "Fairshare Audit Log", firstRow: 1, firstColumn: 1, values: sheets["Fairshare Audit Log"] }));
  const ev = evaluate(r, past);
  const byId = (id: string) => {
    const i = r.model.reps.findIndex((x) => x.id === id);
    return { score: ev.scorecard.find((s) => s.rep === i), inc: ev.incentives.find((s) => s.rep === i) };
  };
  return { r, ev, byId };
}

test("credited sales with the handover split, proration, retention and new accounts", async () => {
  const { byId } = await run();
  const r1 = byId("R1").score!.figures;
  expect(r1.creditedCents).toBe(15000000); // A1 150,000
  expect(r1.splitReceivedCents).toBeCloseTo(1000000, 6); // 20% of A2's 50,000
  expect(r1.quotaCents).toBe(10000000);
  expect(r1.retention).toBe(1); // A1 bought before and in June
  expect(r1.retainedCents).toBe(15000000);
  expect(r1.satisfaction).toBe(4.5);
  const r2 = byId("R2").score!.figures;
  expect(r2.creditedCents).toBeCloseTo(6000000, 6); // 80% of 50,000 + 20,000
  expect(r2.splitGivenCents).toBeCloseTo(1000000, 6);
  expect(r2.employed).toBe(0.5);
  expect(r2.quotaCents).toBe(2500000);
  expect([r2.wonAccounts, r2.wonCents]).toEqual([1, 2000000]); // A3; A2 had a sale in February
  expect(r2.retention).toBe(1);
  expect(r2.retainedCents).toBe(5000000);
  const r3 = byId("R3").score!.figures;
  expect(r3.employed).toBeCloseTo(10 / 30, 12);
  expect(r3.quotaCents).toBe(1000000); // 30,000 × 10/30
  expect(r3.creditedCents).toBe(900000);
});

test("statements: every component with its arithmetic, adding up exactly", async () => {
  const { byId } = await run();
  const s1 = byId("R1").inc!.statement;
  // own 150,000: 3,000 + 2,500 = 5,500; with the 10,000 credit: 160,000 → 3,000 + 3,000 = 6,000
  expect(s1.components.commission.amountCents).toBe(550000);
  expect(s1.components.handoverSplit.amountCents).toBe(50000);
  expect(s1.components.retentionBonus.amountCents).toBe(150000); // 1% × 150,000, satisfaction 4.5 ≥ 4
  expect(s1.components.newCustomerBonus.amountCents).toBe(0);
  const s2 = byId("R2").inc!.statement;
  expect(s2.components.commission.amountCents).toBe(180000); // 3% × 60,000
  expect(s2.components.newCustomerBonus.amountCents).toBe(50000); // A3
  expect(s2.components.retentionBonus.amountCents).toBe(0); // satisfaction 3 < 4
  expect(renderExplanation(s2.components.retentionBonus.explanation, "en-US")).toBe("0: satisfaction 3.00 is below 4.00");
  // North: sales 160,000 + 60,000 = 220,000 vs quotas 100,000 + 25,000 → 95,000 above; 1% → pool 950
  const t1 = s1.components.teamBonus.amountCents;
  const t2 = s2.components.teamBonus.amountCents;
  expect(t1 + t2).toBe(95000);
  const w1 = byId("R1").score!.score * 1;
  const w2 = byId("R2").score!.score * 0.5;
  expect(Math.abs(t1 - (95000 * w1) / (w1 + w2))).toBeLessThanOrEqual(1);
  for (const s of [s1, s2]) expect(Object.values(s.components).reduce((a, c) => a + c.amountCents, 0)).toBe(s.totalCents);
});

test("scorecard: dimensions by the documented method, weights re-normalised, rank and what moves you up", async () => {
  const { byId, ev } = await run([["weight.teamwork", 0.1]]);
  const s1 = byId("R1").score!;
  // sales: 160,000 / 100,000 → capped 100; new customers: 0 of the best (1 account, 20,000) → 0;
  // satisfaction (4.5 − 1) / 4 → 87.5; retention 100; teamwork: no ratings → re-normalised away
  expect(s1.dimensions).toEqual({ sales: 100, newCustomers: 0, satisfaction: 87.5, retention: 100, teamwork: null });
  expect(s1.weights.teamwork).toBe(0);
  expect(s1.weights.sales).toBeCloseTo(0.4 / 0.9, 12);
  expect(s1.score).toBeCloseTo(Math.round(((100 * 0.4 + 0 * 0.25 + 87.5 * 0.15 + 100 * 0.1) / 0.9) * 10) / 10, 9);
  const s2 = byId("R2").score!;
  // R2: 60,000 / 25,000 → 100; new customers 100; satisfaction (3 − 1) / 4 → 50; retention 100
  expect(s2.dimensions).toEqual({ sales: 100, newCustomers: 100, satisfaction: 50, retention: 100, teamwork: null });
  expect(ev.scorecard.map((s) => s.rank)).toEqual([1, 2, 3, 4]);
  // The biggest weighted gap to the median is new customers: weight 0.25 / 0.9 × (median − 0) score points, addressed to the rep.
  const median = ev.medians.newCustomers!;
  const points = Math.round((0.25 / 0.9) * median * 10) / 10;
  expect(renderExplanation(s1.moveUp, "en-US")).toBe(`Win more new customers: your new-customer score is 0, the team median ${Math.round(median)}; worth ${points} points on your score`);
  expect(renderExplanation(s1.moveUp, "zh-CN")).toBe(`多开发新客户：您的新客户得分为 0，团队中位数为 ${Math.round(median)}；评分可提高 ${points} 分`);
  expect(s2.profile).toBe("developing");
});

test("a rep who left before the window, or has no leave date, gets no statement", async () => {
  const sheets = team();
  sheets.Reps[3][6] = "2026-05-31";
  const r = await checkSheets(sheets);
  const ev = evaluate(r, []);
  expect(ev.incentives.map((i) => r.model.reps[i.rep].id)).toEqual(["R1", "R2", "R4"]);
});

test("handover shares are whole cents that add up to the sale: 20% of 50,000.07 is 10,000.01 (10,000.014 rounded), the holder keeps 40,000.06", async () => {
  const sheets = team();
  sheets.Sales[4][2] = 50000.07;
  const r = await checkSheets(sheets);
  const past = pastMoves(parseAuditLog({ sheet: "Fairshare Audit Log", firstRow: 1, firstColumn: 1, values: sheets["Fairshare Audit Log"] }));
  const ev = evaluate(r, past);
  const fig = (id: string) => ev.scorecard.find((s) => r.model.reps[s.rep].id === id)!.figures;
  // 5,000,007 cents × 20% = 1,000,001.4 → remainders .4 (former owner) and .6 (holder): the holder's part rounds up.
  expect(fig("R1").splitReceivedCents).toBe(1000001);
  expect(fig("R2").splitGivenCents).toBe(1000001);
  expect(fig("R2").creditedCents).toBe(4000006 + 2000000);
  for (const s of ev.scorecard) for (const v of [s.figures.creditedCents, s.figures.splitGivenCents, s.figures.splitReceivedCents]) expect(Number.isInteger(v)).toBe(true);
});
